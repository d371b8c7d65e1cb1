import { createAuditService } from './modules/audit/audit.service.js';
import { auditModule } from './modules/audit/audit.module.js';
import { modules, type ModuleServices } from './modules/index.js';
import { createChangeFeed, type ChangeFeed } from './platform/changes.js';
import { createPersonalDataCipher } from './platform/crypto/personal-data-cipher.js';
import { createPersonalFields } from './platform/crypto/personal-fields.js';
import type { Database } from './platform/db/client.js';
import type { PlatformServices } from './platform/modules.js';
import { createNotificationService } from './platform/notify/notify.service.js';
import { defaultServiceSettings, type ServiceSettings } from './platform/settings.js';
import { createWriter } from './platform/writes/writes.js';

export { defaultServiceSettings, type ServiceSettings };

export interface ServiceOptions {
  settings?: Partial<ServiceSettings>;
  changes?: ChangeFeed;
  /** A fake clock for tests of timeouts and lockouts. */
  now?: () => Date;
}

export type Services = Omit<PlatformServices, 'audit'> & ModuleServices;

/**
 * Every service, wired once per process (or per test) over one database: the platform's, then
 * each module's in the module list's order, each given the platform and the modules before it.
 */
export function createServices(db: Database, options: ServiceOptions = {}): Services {
  const settings = { ...defaultServiceSettings, ...options.settings };
  const changes = options.changes ?? createChangeFeed();
  const now = options.now;
  const clock = now ? { now } : {};
  const cipher = createPersonalDataCipher(settings.secretKey);
  // The audit trail comes first: the write path and the personal fields record through it.
  const audit = createAuditService({ db });
  const platform: PlatformServices = {
    db,
    changes,
    cipher,
    audit,
    settings,
    writer: createWriter({ db, audit, changes, ...clock }),
    personalFields: createPersonalFields({ cipher, audit }),
    notifications: createNotificationService({ db, cipher, ...clock }),
    ...clock,
  };
  const built: Record<string, unknown> = { audit };
  for (const module of modules) {
    if (module === auditModule) continue;
    const deps = { ...platform, ...built } as Parameters<typeof module.createService>[0];
    built[module.name] = module.createService(deps as never);
  }
  return { ...platform, ...built } as Services;
}
