import type { Catalogues } from '../../platform/http/messages.js';

/** Server messages of the organizations directory (field problems, entities). */
export const organizationMessages: Catalogues = {
  'zh-CN': {
    'organization.unknown': '机构不存在',
    'entity.organization': '机构',
    'organization.coordinates.pair': '经度和纬度须同时填写',
    'opening_hours.interval': '时段应为 HH:MM-HH:MM，且开始早于结束',
    'nearest.point.pair': '经度和纬度须同时提供',
    'nearest.origin.required': '请提供位置（经纬度）或选择村（社区）、镇（街道）',
    'nearest.division.unlocated': '该行政区划暂无位置信息',
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
    'organization.unknown': 'no such organization',
    'entity.organization': 'Organization',
    'organization.coordinates.pair': 'latitude and longitude must be given together',
    'opening_hours.interval': 'each interval must be HH:MM-HH:MM with start before end',
    'nearest.point.pair': 'latitude and longitude must be given together',
    'nearest.origin.required':
      'give a location (latitude and longitude) or choose a village or township',
    'nearest.division.unlocated': 'this division has no recorded location yet',
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
