import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/client.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet.js';
import type { Writer } from '../../platform/writes/writes.js';
import type { AuditRecorder } from '../../platform/writes/audit-event.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import { createOrganizationSpreadsheet, organizationSheet } from './organizations.spreadsheet.js';

/**
 * `GET /api/organizations/import/template`, `POST /api/organizations/import` and
 * `GET /api/organizations/export` (the list's filters, the caller's jurisdiction), all for
 * holders of organizations.manage.
 */
export function organizationSpreadsheetRoutes(
  db: Database,
  services: { divisions: DivisionService; audit: AuditRecorder; writer: Writer },
): FastifyPluginAsyncZod {
  const { importer, exporter } = createOrganizationSpreadsheet({
    db,
    divisions: services.divisions,
    audit: services.audit,
    writer: services.writer,
  });
  return spreadsheetRoutes({
    basePath: '/api/organizations',
    tags: ['organizations'],
    access: { import: 'organizations.manage', export: 'organizations.manage' },
    definition: organizationSheet,
    auditEntity: 'organization',
    audit: (event) => services.audit.record(event),
    fileName: '机构',
    asciiName: 'organizations',
    importer,
    exporter,
  });
}
