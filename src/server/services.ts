import { createChangeFeed, type ChangeFeed } from './platform/changes.js';
import type { Database } from './platform/db/client.js';
import { createDivisionService } from './modules/divisions/divisions.service.js';
import { createOrganizationService } from './modules/organizations/organizations.service.js';

/** Every domain service, wired once per process (or per test) over one database. */
export function createServices(db: Database, changes: ChangeFeed = createChangeFeed()) {
  const divisions = createDivisionService(db, changes);
  const organizations = createOrganizationService(db, changes, divisions);
  return { divisions, organizations, changes };
}

export type Services = ReturnType<typeof createServices>;
