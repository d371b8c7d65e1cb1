// The console's pages, module by module, in the order of the side menu.
import type { ConsoleRoute } from '../kit/console-routes.js';
import { auditRoutes } from './audit/console/routes.js';
import { coverageRoutes } from './coverage/console/routes.js';
import { divisionsRoutes } from './divisions/console/routes.js';
import { identityRoutes } from './identity/console/routes.js';
import { notificationsRoutes } from './notifications/console/routes.js';
import { organizationsRoutes } from './organizations/console/routes.js';
import { partnersRoutes } from './partners/console/routes.js';
import { practitionersRoutes } from './practitioners/console/routes.js';
import { volunteersRoutes } from './volunteers/console/routes.js';

export const consoleRoutes: readonly ConsoleRoute[] = [
  ...organizationsRoutes,
  ...divisionsRoutes,
  ...coverageRoutes,
  ...practitionersRoutes,
  ...volunteersRoutes,
  ...partnersRoutes,
  ...identityRoutes,
  ...auditRoutes,
  ...notificationsRoutes,
];
