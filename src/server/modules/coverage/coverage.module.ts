import { defineModule, type PlatformServices } from '../../platform/modules.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { coverageMessages } from './coverage.messages.js';
import { coverageRoutes } from './coverage.routes.js';
import { createCoverageService } from './coverage.service.js';

/** How well each township is covered by service points: computed, no tables of its own. */
export const coverageModule = defineModule({
  name: 'coverage',
  tables: {},
  messages: coverageMessages,
  permissions: ['coverage.read'],
  auditActions: [],
  createService: (
    deps: PlatformServices & { divisions: DivisionService; organizations: OrganizationService },
  ) => createCoverageService(deps),
  routes: (service) => [coverageRoutes(service)],
});
