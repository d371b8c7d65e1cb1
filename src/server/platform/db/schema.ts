// Every Drizzle table of every domain, for typed queries and for drizzle-kit.
export * from '../../modules/divisions/divisions.tables.js';
export * from '../../modules/organizations/organizations.tables.js';
