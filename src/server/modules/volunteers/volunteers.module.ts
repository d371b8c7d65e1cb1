import { volunteersAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule, type PlatformServices } from '../../platform/modules.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import type { PartnerService } from '../partners/partners.service.js';
import { volunteerMessages } from './volunteers.messages.js';
import { volunteerRoutes } from './volunteers.routes.js';
import { createVolunteerService } from './volunteers.service.js';
import { volunteersSpreadsheet } from './volunteers.spreadsheet.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet/index.js';
import * as tables from './volunteers.tables.js';

/** Volunteers, their service hours (each a service event) and records. */
export const volunteersModule = defineModule({
  name: 'volunteers',
  tables,
  messages: volunteerMessages,
  permissions: ['volunteers.read', 'volunteers.manage'],
  auditActions: volunteersAuditActions,
  createService: (
    deps: PlatformServices & { organizations: OrganizationService; partners: PartnerService },
  ) => createVolunteerService(deps),
  routes: (service, { services }) => [
    volunteerRoutes(service),
    spreadsheetRoutes(volunteersSpreadsheet({ ...services, volunteers: service })),
  ],
});
