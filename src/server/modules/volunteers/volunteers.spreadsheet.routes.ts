import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/client.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet/index.js';
import type { Services } from '../../services.js';
import { createVolunteerSpreadsheet, volunteerSheet } from './volunteers.spreadsheet.js';

/**
 * `GET /api/volunteers/import/template` and `POST /api/volunteers/import` for holders of
 * volunteers.manage; `GET /api/volunteers/export` (the list's filters, the caller's jurisdiction,
 * phones masked unless the caller may unmask) for holders of volunteers.read.
 */
export function volunteerSpreadsheetRoutes(
  db: Database,
  services: Pick<Services, 'audit' | 'cipher' | 'organizations'>,
): FastifyPluginAsyncZod {
  const { importer, exporter } = createVolunteerSpreadsheet({
    db,
    cipher: services.cipher,
    audit: services.audit,
    organizations: services.organizations,
  });
  return spreadsheetRoutes({
    basePath: '/api/volunteers',
    tags: ['volunteers'],
    access: { import: 'volunteers.manage', export: 'volunteers.read' },
    definition: volunteerSheet,
    auditEntity: 'volunteer',
    audit: (event) => services.audit.record(event),
    fileName: '志愿者',
    asciiName: 'volunteers',
    importer,
    exporter,
  });
}
