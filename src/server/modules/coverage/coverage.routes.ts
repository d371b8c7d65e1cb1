import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { coverageQuerySchema, coverageSchema } from '../../../contracts/coverage.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { CoverageService } from './coverage.service.js';

const tags = ['coverage'];

export function coverageRoutes(coverage: CoverageService): FastifyPluginAsyncZod {
  return async (app) => {
    // Staff only and not cached: the answer depends on the caller's jurisdiction.
    app.get(
      '/api/coverage',
      {
        config: { access: 'coverage.read' },
        schema: {
          tags,
          summary:
            'Per township and village of a district or township: the nearest legal aid workstation and the service points within reach',
          querystring: coverageQuerySchema,
          response: { 200: coverageSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => coverage.getCoverage(request.query, { actor: request.actor, ip: request.ip }),
    );
  };
}
