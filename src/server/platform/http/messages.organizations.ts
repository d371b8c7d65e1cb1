import type { Catalogues } from './messages.js';

/** Server messages of the organizations directory (field problems, entities). */
export const organizationMessages: Catalogues = {
  'zh-CN': {
    'opening_hours.exception_duplicate': '同一日期只能有一条特殊安排',
    'entity.organization_photo': '机构照片',
    'organization.workstation_only': '只有法律援助工作站填写此项',
    'organization.parent.cycle': '上级机构不能是本机构或其下属机构',
    'organization_photo.type': '照片应为 JPEG、PNG 或 WebP 格式（收到的是 {type}）',
    'organization_photo.empty': '请上传照片文件',
    'organization_photo.mismatch': '文件内容不是声明的 {type} 格式图片',
    'organization_photo.limit': '每个机构最多上传 {max} 张照片，请先删除不需要的照片',
    'organization_photo.nothing_to_change': '请提供新的照片说明或位置',
  },
  'en-US': {
    'opening_hours.exception_duplicate': 'each date may have only one exception',
    'entity.organization_photo': 'organization photo',
    'organization.workstation_only': 'only legal aid workstations record this',
    'organization.parent.cycle':
      'the supervising organization cannot be this organization or one below it',
    'organization_photo.type': 'a photo must be JPEG, PNG or WebP (got {type})',
    'organization_photo.empty': 'upload a photo file',
    'organization_photo.mismatch': 'the file is not a {type} image as declared',
    'organization_photo.limit':
      'an organization may have at most {max} photos; delete one you no longer need first',
    'organization_photo.nothing_to_change': 'give a new caption or position',
  },
};
