import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/client.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet/index.js';
import type { Services } from '../../services.js';
import { createOrganizationSpreadsheet, organizationSheet } from './organizations.spreadsheet.js';

/**
 * `GET /api/organizations/import/template`, `POST /api/organizations/import` and
 * `GET /api/organizations/export` (the list's filters, the caller's jurisdiction), all for
 * holders of organizations.manage.
 */
export function organizationSpreadsheetRoutes(
  db: Database,
  services: Pick<Services, 'organizations' | 'divisions' | 'audit' | 'changes'>,
): FastifyPluginAsyncZod {
  const { importer, exporter } = createOrganizationSpreadsheet({
    db,
    organizations: services.organizations,
    divisions: services.divisions,
    audit: services.audit,
    changes: services.changes,
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
