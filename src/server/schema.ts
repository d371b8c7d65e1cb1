import { isTable, type Table } from 'drizzle-orm';
import { modules } from './modules/index.js';
import * as files from './platform/files/files.tables.js';
import * as notify from './platform/notify/notify.tables.js';
import * as serviceEvents from './platform/writes/service-events.tables.js';

/**
 * Every Drizzle table of the platform and of each module in the module list. drizzle-kit reads
 * the same files through the glob in drizzle.config.ts; the schema test checks both agree with
 * the migrated database.
 */
export const allTables: Table[] = [
  files,
  notify,
  serviceEvents,
  ...modules.map((module) => module.tables),
]
  .flatMap((exports) => Object.values(exports))
  .filter((value): value is Table => isTable(value));
