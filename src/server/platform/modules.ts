import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditAction } from '../../contracts/audit-actions.js';
import type { Permission } from '../../contracts/permissions.js';
import type { ChangeFeed } from './changes.js';
import type { PersonalDataCipher } from './crypto/personal-data-cipher.js';
import type { PersonalFields } from './crypto/personal-fields.js';
import type { Database } from './db/client.js';
import type { Catalogues } from './http/messages.js';
import type { NotificationService } from './notify/notify.service.js';
import type { ServiceSettings } from './settings.js';
import type { AuditRecorder } from './writes/audit-event.js';
import type { Writer } from './writes/writes.js';

/** What the platform gives every module's service factory. */
export interface PlatformServices {
  db: Database;
  changes: ChangeFeed;
  cipher: PersonalDataCipher;
  personalFields: PersonalFields;
  audit: AuditRecorder;
  writer: Writer;
  notifications: NotificationService;
  settings: ServiceSettings;
  /** A fake clock for tests of timeouts, lockouts and "not in the future" rules. */
  now?: () => Date;
}

/** How the HTTP layer is set up, for the modules whose routes depend on it. */
export interface HttpSettings {
  sessionCookie: { name: string; secure: boolean; maxAgeSeconds: number };
  rateLimits: { loginPerMinute: number; codesPerMinute: number };
}

/**
 * One domain, as the composition root sees it: its tables, messages, permissions, audit actions,
 * how to build its service and its routes. `Needs` names the other modules' services it uses
 * (they are built before it: the module list is in dependency order).
 */
export interface ModuleManifest<Name extends string = string, Service = unknown, Needs = object> {
  name: Name;
  /** Its Drizzle tables (the `*.tables.ts` exports), for the schema. */
  tables: Readonly<Record<string, unknown>>;
  messages?: Catalogues;
  /** The permissions whose checks live in this module. */
  permissions: readonly Permission[];
  /** The audit actions it records (from contracts/audit-actions.ts). */
  auditActions: readonly AuditAction[];
  createService(deps: PlatformServices & Needs): Service;
  routes?(
    service: Service,
    context: { services: PlatformServices & Needs; http: HttpSettings },
  ): FastifyPluginAsyncZod[];
}

/** Keeps the module's name as a literal type, so the services object is typed per module. */
export function defineModule<const Name extends string, Service, Needs = object>(
  manifest: ModuleManifest<Name, Service, Needs>,
): ModuleManifest<Name, Service, Needs> {
  return manifest;
}
