import { createAuditService } from './modules/audit/audit.service.js';
import { createCoverageService } from './modules/coverage/coverage.service.js';
import { createDivisionService } from './modules/divisions/divisions.service.js';
import { createIdentityService } from './modules/identity/identity.service.js';
import { createOrganizationService } from './modules/organizations/organizations.service.js';
import { createPractitionerService } from './modules/practitioners/practitioners.service.js';
import { createVolunteerService } from './modules/volunteers/volunteers.service.js';
import { createChangeFeed, type ChangeFeed } from './platform/changes.js';
import { DEVELOPMENT_SECRET_KEY } from './platform/config.js';
import { createPersonalDataCipher } from './platform/crypto/personal-data-cipher.js';
import type { Database } from './platform/db/client.js';
import { createNotificationService } from './platform/notify/notify.service.js';
import { createWriter } from './platform/writes/writes.js';

/** The settings services need; defaults are the development ones (tests rely on them). */
export interface ServiceSettings {
  secretKey: string;
  staffIdleMinutes: number;
  citizenIdleMinutes: number;
  sessionMaxHours: number;
  requirePasswordComplexity: boolean;
  passwordMaxAgeDays: number;
}

export const defaultServiceSettings: ServiceSettings = {
  secretKey: DEVELOPMENT_SECRET_KEY,
  staffIdleMinutes: 15,
  citizenIdleMinutes: 30,
  sessionMaxHours: 8,
  requirePasswordComplexity: false,
  passwordMaxAgeDays: 0,
};

export interface ServiceOptions {
  settings?: Partial<ServiceSettings>;
  changes?: ChangeFeed;
  /** A fake clock for tests of timeouts and lockouts. */
  now?: () => Date;
}

/** Every domain service, wired once per process (or per test) over one database. */
export function createServices(db: Database, options: ServiceOptions = {}) {
  const settings = { ...defaultServiceSettings, ...options.settings };
  const changes = options.changes ?? createChangeFeed();
  const now = options.now;
  const cipher = createPersonalDataCipher(settings.secretKey);
  const audit = createAuditService(db);
  const writer = createWriter({ db, audit, changes, ...(now ? { now } : {}) });
  const notifications = createNotificationService({ db, cipher, ...(now ? { now } : {}) });
  const divisions = createDivisionService(db, changes, audit);
  const organizations = createOrganizationService(
    db,
    changes,
    divisions,
    audit,
    now ? { now } : {},
  );
  const coverage = createCoverageService(divisions, organizations, now ? { now } : {});
  const identity = createIdentityService({
    db,
    ...settings,
    cipher,
    audit,
    writer,
    codes: notifications,
    ...(now ? { now } : {}),
  });
  const volunteers = createVolunteerService({
    db,
    audit,
    cipher,
    organizations,
    ...(now ? { now } : {}),
  });
  const practitioners = createPractitionerService({
    db,
    audit,
    cipher,
    organizations,
    identity,
    ...(now ? { now } : {}),
  });
  return {
    divisions,
    organizations,
    coverage,
    practitioners,
    volunteers,
    identity,
    audit,
    notifications,
    changes,
    cipher,
    writer,
    settings,
  };
}

export type Services = ReturnType<typeof createServices>;
