import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listOrganizationsQuerySchema,
  organizationIdParamsSchema,
  organizationPageSchema,
  organizationPhotoParamsSchema,
  organizationPhotoSchema,
  newOrganizationSchema,
  organizationSchema,
  updateOrganizationPhotoSchema,
  updateOrganizationSchema,
  uploadOrganizationPhotoQuerySchema,
} from '../../../contracts/organizations.js';
import { photoMaxBytes } from '../../../contracts/photos.js';
import { nearestQuerySchema, nearestResultSchema } from '../../../contracts/nearest.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { OrganizationService } from './organizations.service.js';

const publicCache = ['organizations'] as const;
const tags = ['organizations'];

/** A photo's URL names content that never changes (a new upload is a new photo), so cache it for good. */
const photoCacheControl = 'public, max-age=31536000, immutable';

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return (
    !!ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  );
}

export function organizationRoutes(organizations: OrganizationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organizations',
      {
        config: { publicCache, access: 'public' },
        schema: {
          tags,
          summary: 'List organizations, filtered by type, division (and below), status or text',
          querystring: listOrganizationsQuerySchema,
          response: { 200: organizationPageSchema, ...errorResponses(400) },
        },
      },
      (request) => organizations.listOrganizations(request.query),
    );

    app.get(
      '/api/organizations/:id',
      {
        config: { publicCache, access: 'public' },
        schema: {
          tags,
          summary: 'One organization',
          params: organizationIdParamsSchema,
          response: { 200: organizationSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => organizations.getOrganization(request.params.id),
    );

    // Static path: Fastify's router matches it before the parametric `/:id` whatever the order.
    // Not in the public cache: whether each place is open changes with the clock, not with writes.
    app.get(
      '/api/organizations/nearest',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The active organizations nearest a point, with whether each is open now',
          querystring: nearestQuerySchema,
          response: { 200: nearestResultSchema, ...errorResponses(400) },
        },
      },
      (request) => organizations.findNearest(request.query),
    );

    app.post(
      '/api/organizations',
      {
        config: { access: 'organizations.manage' },
        schema: {
          tags,
          summary: 'Create an organization in the caller’s jurisdiction',
          body: newOrganizationSchema,
          response: { 201: organizationSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await organizations.createOrganization(request.body, {
            actor: request.actor,
            ip: request.ip,
          }),
        ),
    );

    app.patch(
      '/api/organizations/:id',
      {
        config: { access: 'organizations.manage' },
        schema: {
          tags,
          summary: 'Change an organization; send the version you saw (409 when it is stale)',
          params: organizationIdParamsSchema,
          body: updateOrganizationSchema,
          response: { 200: organizationSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) =>
        organizations.updateOrganization(request.params.id, request.body, {
          actor: request.actor,
          ip: request.ip,
        }),
    );

    app.post(
      '/api/organizations/:id/photos',
      {
        config: { access: 'organizations.manage' },
        bodyLimit: photoMaxBytes,
        schema: {
          tags,
          summary:
            'Add a photo: the image is the raw body, typed image/jpeg, image/png or image/webp',
          params: organizationIdParamsSchema,
          querystring: uploadOrganizationPhotoQuerySchema,
          response: {
            201: organizationPhotoSchema,
            ...errorResponses(400, 401, 403, 404, 409, 413),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await organizations.addPhoto(
            request.params.id,
            {
              contentType: request.headers['content-type'],
              body: request.body,
              caption: request.query.caption,
            },
            { actor: request.actor, ip: request.ip },
          ),
        ),
    );

    app.patch(
      '/api/organizations/:id/photos/:photoId',
      {
        config: { access: 'organizations.manage' },
        schema: {
          tags,
          summary: 'Change a photo’s caption or move it in the display order; answers all photos',
          params: organizationPhotoParamsSchema,
          body: updateOrganizationPhotoSchema,
          response: {
            200: z.array(organizationPhotoSchema),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      (request) =>
        organizations.updatePhoto(request.params.id, request.params.photoId, request.body, {
          actor: request.actor,
          ip: request.ip,
        }),
    );

    app.delete(
      '/api/organizations/:id/photos/:photoId',
      {
        config: { access: 'organizations.manage' },
        schema: {
          tags,
          summary: 'Remove a photo',
          params: organizationPhotoParamsSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await organizations.deletePhoto(request.params.id, request.params.photoId, {
          actor: request.actor,
          ip: request.ip,
        });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/organizations/:id/photos/:photoId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A photo’s image, with a long cache lifetime and an ETag',
          description:
            'Answers the image bytes with their Content-Type (200), 304 for a matching ' +
            'If-None-Match, or the error body (400, 404). No response schema: the body is binary.',
          params: organizationPhotoParamsSchema,
        },
      },
      async (request, reply) => {
        const photo = await organizations.getPhotoContent(
          request.params.id,
          request.params.photoId,
        );
        const etag = `"${photo.sha256}"`;
        reply.header('etag', etag).header('cache-control', photoCacheControl);
        if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
        const { content } = photo;
        return reply
          .type(photo.contentType)
          .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
      },
    );
  };
}
