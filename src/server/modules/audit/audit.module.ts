import { auditAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule } from '../../platform/modules.js';
import { auditRoutes } from './audit.routes.js';
import { createAuditService } from './audit.service.js';
import * as tables from './audit.tables.js';

/**
 * The hash-chained audit trail. The composition root builds its service first: the platform's
 * write path records through it.
 */
export const auditModule = defineModule({
  name: 'audit',
  tables,
  permissions: ['audit.read', 'audit.export'],
  auditActions: auditAuditActions,
  createService: (deps) => createAuditService(deps),
  routes: (service) => [auditRoutes(service)],
});
