import type { Catalogues } from '../../platform/http/messages.js';

/** Server messages of administrative divisions (field problems, entities). */
export const divisionMessages: Catalogues = {
  'zh-CN': {
    'entity.division': '行政区划',
    'division.code.format': '应为 2、4、6、9 或 12 位数字的行政区划代码',
    'division.parent.unknown': '上级行政区划不存在',
    'division.out_of_scope': '只能选择本辖区内的行政区划',
  },
  'en-US': {
    'entity.division': 'Division',
    'division.code.format': 'must be a division code of 2, 4, 6, 9 or 12 digits',
    'division.parent.unknown': 'the parent division does not exist',
    'division.out_of_scope': 'must be a division within your jurisdiction',
  },
};
