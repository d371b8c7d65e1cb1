// Every Drizzle table of every domain, for typed queries and for drizzle-kit.
export * from '../../modules/divisions/divisions.tables.js';
export * from '../../modules/organizations/organizations.tables.js';
export * from '../../modules/identity/identity.tables.js';
export * from '../../modules/audit/audit.tables.js';
export * from '../notify/notify.tables.js';
export * from '../files/files.tables.js';
export * from '../../modules/practitioners/practitioners.tables.js';
export * from '../../modules/volunteers/volunteers.tables.js';
export * from '../writes/service-events.tables.js';
