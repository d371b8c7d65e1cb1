import { registerCatalogue } from '../platform/http/messages.js';
import { auditModule } from './audit/audit.module.js';
import { coverageModule } from './coverage/coverage.module.js';
import { divisionsModule } from './divisions/divisions.module.js';
import { identityModule } from './identity/identity.module.js';
import { organizationsModule } from './organizations/organizations.module.js';
import { partnersModule } from './partners/partners.module.js';
import { practitionersModule } from './practitioners/practitioners.module.js';
import { volunteersModule } from './volunteers/volunteers.module.js';

/**
 * Every domain of the platform, in dependency order: each module's service may use the services
 * of the modules above it. Adding a domain = its folder + one line here (+ its migration).
 */
export const modules = [
  auditModule,
  divisionsModule,
  organizationsModule,
  identityModule,
  practitionersModule,
  partnersModule,
  volunteersModule,
  coverageModule,
] as const;

export type Module = (typeof modules)[number];

for (const module of modules) {
  if (module.messages) registerCatalogue(module.messages);
}

/** Each module's service under its module's name. */
export type ModuleServices = { [M in Module as M['name']]: ReturnType<M['createService']> };
