import { partnersAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule, type PlatformServices } from '../../platform/modules.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { partnerMessages } from './partners.messages.js';
import { partnerRoutes } from './partners.routes.js';
import { createPartnerService } from './partners.service.js';
import * as tables from './partners.tables.js';

/** Partners that recruit volunteers or help run stations, and their agreements. */
export const partnersModule = defineModule({
  name: 'partners',
  tables,
  messages: partnerMessages,
  // Guarded by the volunteers' permissions: whoever manages volunteers manages their partners.
  permissions: [],
  auditActions: partnersAuditActions,
  createService: (deps: PlatformServices & { organizations: OrganizationService }) =>
    createPartnerService(deps),
  routes: (service) => [partnerRoutes(service)],
});
