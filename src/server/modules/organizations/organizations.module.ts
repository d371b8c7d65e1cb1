import { organizationsAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule, type PlatformServices } from '../../platform/modules.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import { organizationMessages } from './organizations.messages.js';
import { organizationRoutes } from './organizations.routes.js';
import { createOrganizationService } from './organizations.service.js';
import { organizationsSpreadsheet } from './organizations.spreadsheet.js';
import { spreadsheetRoutes } from '../../platform/files/spreadsheet/index.js';
import * as tables from './organizations.tables.js';

/** The directory of organizations: law firms, stations, centres, bureaus; photos, nearest point. */
export const organizationsModule = defineModule({
  name: 'organizations',
  tables,
  messages: organizationMessages,
  permissions: ['organizations.manage'],
  auditActions: organizationsAuditActions,
  createService: (deps: PlatformServices & { divisions: DivisionService }) =>
    createOrganizationService(deps),
  routes: (service, { services }) => [
    organizationRoutes(service),
    spreadsheetRoutes(organizationsSpreadsheet({ ...services, organizations: service })),
  ],
});
