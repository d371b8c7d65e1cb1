import type { Locale } from '../../../contracts/errors.js';
import { baseEnUS, baseZhCN } from './messages.js';

/** One domain's labels, in every language; its zh-CN keys are the ones en-US must hold. */
export type ModuleMessages = Record<Locale, Record<string, string>>;

/**
 * Filled in by `src/web/modules/index.ts` (declaration merging), so that kit types every key of
 * the modules' catalogues without importing a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Register {}

type ModuleMessageKey = Register extends { moduleMessageKey: infer Key extends string }
  ? Key
  : never;

export type MessageKey = keyof typeof baseZhCN | ModuleMessageKey;
export type Messages = Record<MessageKey, string>;
export type Catalogue = Record<Locale, Messages>;

/** The shared labels followed by each module's, in the order of the module list. */
export function assembleCatalogue(modules: readonly ModuleMessages[]): Catalogue {
  const assemble = (locale: Locale, base: Record<string, string>) =>
    Object.assign({}, base, ...modules.map((messages) => messages[locale])) as Messages;
  return { 'zh-CN': assemble('zh-CN', baseZhCN), 'en-US': assemble('en-US', baseEnUS) };
}
