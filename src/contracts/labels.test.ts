import { describe, expect, it } from 'vitest';
import { enUS, zhCN } from '../web/common/i18n/messages.js';
import { legalSpecialtyLabels, serviceLanguageLabels } from './expertise.labels.js';
import type { Labels } from './labels.js';
import {
  organizationServiceLabels,
  organizationStatusLabels,
  organizationTypeLabels,
  workstationHostKindLabels,
} from './organizations.labels.js';
import {
  licenceTypeLabels,
  practitionerKindLabels,
  practitionerStatusLabels,
} from './practitioners.labels.js';
import { volunteerKindLabels, volunteerStatusLabels } from './volunteers.labels.js';

/** The web catalogues' key prefix of each set of labels the contracts hold. */
const webCopies: Array<[string, Labels<string>]> = [
  ['orgType', organizationTypeLabels],
  ['orgStatus', organizationStatusLabels],
  ['orgService', organizationServiceLabels],
  ['hostKind', workstationHostKindLabels],
  ['practitionerKind', practitionerKindLabels],
  ['licenceType', licenceTypeLabels],
  ['practitionerStatus', practitionerStatusLabels],
  ['specialty', legalSpecialtyLabels],
  ['language', serviceLanguageLabels],
  ['volunteerKind', volunteerKindLabels],
  ['volunteerStatus', volunteerStatusLabels],
];

// The web catalogues still hold their own copy of these labels (to be switched to the contracts):
// until then, Excel and the console must not drift apart.
describe('contract labels', () => {
  it.each(webCopies)(
    'should equal the web catalogues’ %s labels when the web keeps its own copy',
    (prefix, labels) => {
      const catalogues = { 'zh-CN': zhCN, 'en-US': enUS } as Record<string, Record<string, string>>;
      for (const [locale, byValue] of Object.entries(labels)) {
        for (const [value, label] of Object.entries(byValue)) {
          expect(catalogues[locale]?.[`${prefix}.${value}`], `${locale} ${prefix}.${value}`).toBe(
            label,
          );
        }
      }
    },
  );
});
