import type { Catalogues } from '../../platform/http/messages.js';

/** Server messages of the coverage view. */
export const coverageMessages: Catalogues = {
  'zh-CN': {
    'coverage.division.level': '请选择区（县）或镇（街道）',
    'coverage.division.required': '请选择要查看的区（县）或镇（街道）',
  },
  'en-US': {
    'coverage.division.level': 'must be a district or a township',
    'coverage.division.required': 'choose the district or township to look at',
  },
};
