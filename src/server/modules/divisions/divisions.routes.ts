import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  divisionCentreSchema,
  divisionChangeSchema,
  divisionCodeParamsSchema,
  divisionDetailSchema,
  divisionPageSchema,
  divisionSchema,
  divisionSummarySchema,
  listDivisionsQuerySchema,
} from '../../../contracts/divisions.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { DivisionService } from './divisions.service.js';

const publicCache = ['divisions'] as const;
const tags = ['divisions'];

export function divisionRoutes(divisions: DivisionService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/divisions',
      {
        config: { publicCache, access: 'public' },
        schema: {
          tags,
          summary: 'List divisions: the children of a parent, or search by name',
          querystring: listDivisionsQuerySchema,
          response: { 200: divisionPageSchema, ...errorResponses(400) },
        },
      },
      (request) => divisions.listDivisions(request.query),
    );

    app.get(
      '/api/divisions/:code',
      {
        config: { publicCache, access: 'public' },
        schema: {
          tags,
          summary: 'One division with its path and number of children',
          params: divisionCodeParamsSchema,
          response: { 200: divisionDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => divisions.getDivision(request.params.code),
    );

    app.get(
      '/api/divisions/:code/path',
      {
        config: { publicCache, access: 'public' },
        schema: {
          tags,
          summary: 'The chain of divisions from the province down to this one',
          params: divisionCodeParamsSchema,
          response: { 200: z.array(divisionSummarySchema), ...errorResponses(400, 404) },
        },
      },
      (request) => divisions.getPath(request.params.code),
    );

    app.get(
      '/api/divisions/:code/changes',
      {
        config: { publicCache, access: 'public' },
        schema: {
          tags,
          summary: 'Renames, merges and abolitions of a division, oldest first',
          params: divisionCodeParamsSchema,
          response: { 200: z.array(divisionChangeSchema), ...errorResponses(400, 404) },
        },
      },
      (request) => divisions.listChanges(request.params.code),
    );

    app.patch(
      '/api/divisions/:code/centre',
      {
        config: { access: 'divisions.manage' },
        schema: {
          tags,
          summary: 'Record where a village or township is, so distances to it become exact',
          params: divisionCodeParamsSchema,
          body: divisionCentreSchema,
          response: { 200: divisionSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) =>
        divisions.setCentre(request.params.code, request.body.latitude, request.body.longitude, {
          actor: request.actor,
          ip: request.ip,
        }),
    );
  };
}
