import type { Catalogues } from './messages.js';

/** Server messages of the organizations directory (field problems, entities). */
export const organizationMessages: Catalogues = {
  'zh-CN': {
    'opening_hours.exception_duplicate': '同一日期只能有一条特殊安排',
    'entity.organization_photo': '机构照片',
  },
  'en-US': {
    'opening_hours.exception_duplicate': 'each date may have only one exception',
    'entity.organization_photo': 'organization photo',
  },
};
