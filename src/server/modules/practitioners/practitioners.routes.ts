import { actorOf, signedInOriginOf } from '../../platform/access/request-origin.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { photoMaxBytes } from '../../../contracts/photos.js';
import {
  linkAccountSchema,
  listPractitionersQuerySchema,
  newPractitionerMoveSchema,
  newPractitionerSchema,
  practitionerIdParamsSchema,
  practitionerMoveListSchema,
  practitionerPageSchema,
  practitionerPhotoQuerySchema,
  practitionerReadQuerySchema,
  practitionerSchema,
  unlinkAccountQuerySchema,
  updatePractitionerSchema,
} from '../../../contracts/practitioners.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { PractitionerService } from './practitioners.service.js';

const tags = ['practitioners'];

/**
 * Photo URLs carry the file id (`?v=`), so a browser may keep an image; `private` keeps shared
 * caches out, as only staff who can see the practitioner may fetch it.
 */
const photoCacheControl = 'private, max-age=86400';

function matchesEtag(header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((tag) => tag.trim() === etag);
}

export function practitionerRoutes(practitioners: PractitionerService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/practitioners',
      {
        config: { access: 'practitioners.read' },
        schema: {
          tags,
          summary:
            'Practitioners in your jurisdiction, filtered by kind, status, organization, division (and below), specialty, language or text; phones masked',
          querystring: listPractitionersQuerySchema,
          response: { 200: practitionerPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => practitioners.listPractitioners(request.query, actorOf(request)),
    );

    app.get(
      '/api/practitioners/:id',
      {
        config: { access: 'practitioners.read' },
        schema: {
          tags,
          summary: 'One practitioner; `unmask=true` shows the phone in full (audited)',
          params: practitionerIdParamsSchema,
          querystring: practitionerReadQuerySchema,
          response: { 200: practitionerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) =>
        practitioners.getPractitioner(
          request.params.id,
          request.query.unmask === 'true',
          signedInOriginOf(request),
        ),
    );

    app.post(
      '/api/practitioners',
      {
        config: { access: 'practitioners.manage' },
        schema: {
          tags,
          summary: 'Add a practitioner to an organization of your jurisdiction',
          body: newPractitionerSchema,
          response: { 201: practitionerSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await practitioners.createPractitioner(request.body, signedInOriginOf(request))),
    );

    app.patch(
      '/api/practitioners/:id',
      {
        config: { access: 'practitioners.manage' },
        schema: {
          tags,
          summary: 'Change a practitioner; send the version you saw (409 when it is stale)',
          params: practitionerIdParamsSchema,
          body: updatePractitionerSchema,
          response: { 200: practitionerSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) =>
        practitioners.updatePractitioner(
          request.params.id,
          request.body,
          signedInOriginOf(request),
        ),
    );

    app.get(
      '/api/practitioners/:id/moves',
      {
        config: { access: 'practitioners.read' },
        schema: {
          tags,
          summary: 'The practitioner’s moves between organizations, newest first',
          params: practitionerIdParamsSchema,
          response: { 200: practitionerMoveListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => practitioners.listMoves(request.params.id, actorOf(request)),
    );

    app.post(
      '/api/practitioners/:id/moves',
      {
        config: { access: 'practitioners.manage' },
        schema: {
          tags,
          summary: 'Move the practitioner to another organization of your jurisdiction',
          params: practitionerIdParamsSchema,
          body: newPractitionerMoveSchema,
          response: { 201: practitionerSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await practitioners.movePractitioner(
              request.params.id,
              request.body,
              signedInOriginOf(request),
            ),
          ),
    );

    // Linking records who a practitioner signs in as; it grants the account nothing, so the
    // practitioner's managers decide it, not only the account administrators.
    app.put(
      '/api/practitioners/:id/account',
      {
        config: { access: 'practitioners.manage' },
        schema: {
          tags,
          summary: 'Link the staff account the practitioner signs in with',
          params: practitionerIdParamsSchema,
          body: linkAccountSchema,
          response: { 200: practitionerSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) =>
        practitioners.linkAccount(request.params.id, request.body, signedInOriginOf(request)),
    );

    app.delete(
      '/api/practitioners/:id/account',
      {
        config: { access: 'practitioners.manage' },
        schema: {
          tags,
          summary: 'Unlink the practitioner’s staff account; send the version you saw',
          params: practitionerIdParamsSchema,
          querystring: unlinkAccountQuerySchema,
          response: { 200: practitionerSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) =>
        practitioners.unlinkAccount(
          request.params.id,
          request.query.version,
          signedInOriginOf(request),
        ),
    );

    app.post(
      '/api/practitioners/:id/photo',
      {
        config: { access: 'practitioners.manage' },
        bodyLimit: photoMaxBytes,
        schema: {
          tags,
          summary:
            'Set the photo: the image is the raw body, typed image/jpeg, image/png or image/webp (≤ 3 MB)',
          params: practitionerIdParamsSchema,
          response: { 200: practitionerSchema, ...errorResponses(400, 401, 403, 404, 413) },
        },
      },
      (request) =>
        practitioners.setPhoto(
          request.params.id,
          { contentType: request.headers['content-type'], body: request.body },
          signedInOriginOf(request),
        ),
    );

    app.delete(
      '/api/practitioners/:id/photo',
      {
        config: { access: 'practitioners.manage' },
        schema: {
          tags,
          summary: 'Remove the photo (the image is deleted)',
          params: practitionerIdParamsSchema,
          response: { 200: practitionerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => practitioners.removePhoto(request.params.id, signedInOriginOf(request)),
    );

    // Staff only for now: the public display boards of village advisors will serve the photos of
    // advisors (and only theirs) through the advisors module's own public route.
    app.get(
      '/api/practitioners/:id/photo',
      {
        config: { access: 'practitioners.read' },
        schema: {
          tags,
          summary: 'The photo’s image, with an ETag',
          description:
            'Answers the image bytes with their Content-Type (200), 304 for a matching ' +
            'If-None-Match, or the error body (400, 401, 403, 404). The body is binary.',
          params: practitionerIdParamsSchema,
          querystring: practitionerPhotoQuerySchema,
        },
      },
      async (request, reply) => {
        const photo = await practitioners.getPhoto(request.params.id, actorOf(request));
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
