import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditExportQuerySchema,
  auditPageSchema,
  auditSearchQuerySchema,
  auditVerificationSchema,
} from '../../../contracts/audit.js';
import { localeFromHeader } from '../../platform/http/locale.js';
import { errorResponses } from '../../platform/http/responses.js';
import { auditCsv, type AuditService } from './audit.service.js';

const tags = ['audit'];

/** Only the audit administrator reads the trail; exporting it is itself audited. */
export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Search the audit log, newest first',
          querystring: auditSearchQuerySchema,
          response: { 200: auditPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => audit.search(request.query),
    );

    app.get(
      '/api/audit/verify',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Check the hash chain; names the first tampered row',
          response: { 200: auditVerificationSchema, ...errorResponses(401, 403) },
        },
      },
      () => audit.verifyChain(),
    );

    app.get(
      '/api/audit/export',
      {
        config: { access: 'audit.export' },
        schema: {
          tags,
          summary: 'The matching rows as CSV (at most 50,000)',
          querystring: auditExportQuerySchema,
          response: {
            200: z.string().describe('CSV, UTF-8 with a byte-order mark for Excel'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const { rows, truncated } = await audit.exportRows(request.query);
        await audit.record({
          origin: { actor: request.actor, ip: request.ip },
          action: 'audit.export',
          objectType: 'audit_log',
          outcome: 'success',
          detail: { rows: rows.length, truncated, filters: Object.keys(request.query) },
        });
        const stamp = new Date().toISOString().slice(0, 10);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
          .header('x-export-truncated', String(truncated))
          .send(auditCsv(rows, localeFromHeader(request.headers['accept-language'])));
      },
    );
  };
}
