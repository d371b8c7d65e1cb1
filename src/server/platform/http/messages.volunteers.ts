import type { Catalogues } from './messages.js';

/** Server messages of volunteers and partners (field problems, entities). */
export const volunteerMessages: Catalogues = {
  'zh-CN': {
    'entity.volunteer': '志愿者',
    'entity.partner': '合作单位',
  },
  'en-US': {
    'entity.volunteer': 'volunteer',
    'entity.partner': 'partner',
  },
};
