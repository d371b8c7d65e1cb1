import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listOrganizationsQuerySchema,
  organizationIdParamsSchema,
  organizationPageSchema,
  newOrganizationSchema,
  organizationSchema,
  updateOrganizationSchema,
} from '../../../contracts/organizations.js';
import { nearestQuerySchema, nearestResultSchema } from '../../../contracts/nearest.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { OrganizationService } from './organizations.service.js';

const publicCache = ['organizations'] as const;
const tags = ['organizations'];

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
  };
}
