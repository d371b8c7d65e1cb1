import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listOrganizationsQuerySchema,
  organizationIdParamsSchema,
  organizationPageSchema,
  organizationSchema,
} from '../../../contracts/organizations.js';
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
  };
}
