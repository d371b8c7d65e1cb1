import { divisionsAuditActions } from '../../../contracts/audit-actions.js';
import { defineModule } from '../../platform/modules.js';
import { divisionMessages } from './divisions.messages.js';
import { divisionRoutes } from './divisions.routes.js';
import { createDivisionService } from './divisions.service.js';
import * as tables from './divisions.tables.js';

/** Administrative divisions (province → village), their history and centres. */
export const divisionsModule = defineModule({
  name: 'divisions',
  tables,
  messages: divisionMessages,
  permissions: ['divisions.manage'],
  auditActions: divisionsAuditActions,
  createService: (deps) => createDivisionService(deps),
  routes: (service) => [divisionRoutes(service)],
});
