import { identityAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule, type PlatformServices } from '../../platform/modules.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { identityMessages } from './identity.messages.js';
import { identityRoutes } from './identity.routes.js';
import { createIdentityService } from './identity.service.js';
import * as tables from './identity.tables.js';

/** Staff and citizen accounts, sign-in, TOTP, sessions, roles and permissions. */
export const identityModule = defineModule({
  name: 'identity',
  tables,
  messages: identityMessages,
  permissions: [
    'accounts.read',
    'accounts.manage',
    'roles.manage',
    'sessions.read',
    'sessions.manage',
  ],
  auditActions: identityAuditActions,
  createService: (deps: PlatformServices & { organizations: OrganizationService }) =>
    createIdentityService({
      ...deps.settings,
      db: deps.db,
      cipher: deps.cipher,
      personalFields: deps.personalFields,
      audit: deps.audit,
      writer: deps.writer,
      codes: deps.notifications,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  routes: (service, { services, http }) => [
    identityRoutes(service, http.sessionCookie, http.rateLimits, async (id) =>
      services.organizations.getOrganization(id).catch(() => undefined),
    ),
  ],
});
