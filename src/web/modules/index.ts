// The web's module list: each domain once, with its catalogue. Both shells assemble their i18n
// catalogue from it; the console's pages and menu come from console-modules.ts beside it.
import { assembleCatalogue } from '../kit/i18n/catalogue.js';
import { auditMessages } from './audit/messages.js';
import { coverageMessages } from './coverage/messages.js';
import { divisionsMessages } from './divisions/messages.js';
import { identityMessages } from './identity/messages.js';
import { notificationsMessages } from './notifications/messages.js';
import { organizationsMessages } from './organizations/messages.js';
import { partnersMessages } from './partners/messages.js';
import { practitionersMessages } from './practitioners/messages.js';
import { volunteersMessages } from './volunteers/messages.js';

export const webModules = [
  { name: 'identity', messages: identityMessages },
  { name: 'audit', messages: auditMessages },
  { name: 'notifications', messages: notificationsMessages },
  { name: 'divisions', messages: divisionsMessages },
  { name: 'organizations', messages: organizationsMessages },
  { name: 'practitioners', messages: practitionersMessages },
  { name: 'volunteers', messages: volunteersMessages },
  { name: 'partners', messages: partnersMessages },
  { name: 'coverage', messages: coverageMessages },
] as const;

export const catalogue = assembleCatalogue(webModules.map((module) => module.messages));

type KeysOf<Dictionary> = Dictionary extends unknown ? keyof Dictionary & string : never;

declare module '../kit/i18n/catalogue.js' {
  interface Register {
    moduleMessageKey: KeysOf<(typeof webModules)[number]['messages']['zh-CN']>;
  }
}
