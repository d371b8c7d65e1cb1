import { practitionersAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule, type PlatformServices } from '../../platform/modules.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { practitionerMessages } from './practitioners.messages.js';
import { practitionerRoutes } from './practitioners.routes.js';
import { createPractitionerService } from './practitioners.service.js';
import { practitionersSpreadsheet } from './practitioners.spreadsheet.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet/index.js';
import * as tables from './practitioners.tables.js';

/** Lawyers, grassroots legal workers, mediators and staff: licences, moves, linked accounts. */
export const practitionersModule = defineModule({
  name: 'practitioners',
  tables,
  messages: practitionerMessages,
  permissions: ['practitioners.read', 'practitioners.manage'],
  auditActions: practitionersAuditActions,
  createService: (
    deps: PlatformServices & { organizations: OrganizationService; identity: IdentityService },
  ) => createPractitionerService(deps),
  routes: (service, { services }) => [
    practitionerRoutes(service),
    spreadsheetRoutes(practitionersSpreadsheet({ ...services, practitioners: service })),
  ],
});
