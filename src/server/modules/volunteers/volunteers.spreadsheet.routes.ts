import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/client.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import type { PartnerService } from '../partners/partners.service.js';
import type { AuditRecorder } from '../../platform/writes/audit-event.js';
import type { Writer } from '../../platform/writes/writes.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { createVolunteerSpreadsheet, volunteerSheet } from './volunteers.spreadsheet.js';

/**
 * `GET /api/volunteers/import/template` and `POST /api/volunteers/import` for holders of
 * volunteers.manage; `GET /api/volunteers/export` (the list's filters, the caller's jurisdiction,
 * phones masked unless the caller may unmask) for holders of volunteers.read.
 */
export function volunteerSpreadsheetRoutes(
  db: Database,
  services: {
    audit: AuditRecorder;
    writer: Writer;
    personalFields: PersonalFields;
    organizations: OrganizationService;
    partners: PartnerService;
  },
): FastifyPluginAsyncZod {
  const { importer, exporter } = createVolunteerSpreadsheet({
    db,
    writer: services.writer,
    personalFields: services.personalFields,
    partners: services.partners,
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
