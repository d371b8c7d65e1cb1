import type { Database } from './platform/db/client.js';
import { createDivisionService } from './modules/divisions/divisions.service.js';
import { createOrganizationService } from './modules/organizations/organizations.service.js';

/** Every domain service, wired once per process (or per test) over one database. */
export function createServices(db: Database) {
  const divisions = createDivisionService(db);
  const organizations = createOrganizationService(db, divisions);
  return { divisions, organizations };
}

export type Services = ReturnType<typeof createServices>;
