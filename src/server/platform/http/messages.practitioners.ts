import type { Catalogues } from './messages.js';

/** Server messages of practitioners (field problems, entities). */
export const practitionerMessages: Catalogues = {
  'zh-CN': {
    'entity.practitioner': '从业人员',
  },
  'en-US': {
    'entity.practitioner': 'practitioner',
  },
};
