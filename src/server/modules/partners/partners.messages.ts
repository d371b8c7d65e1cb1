import type { Catalogues } from '../../platform/http/messages.js';

/** Server messages of partners and their agreements (field problems, entities). */
export const partnerMessages: Catalogues = {
  'zh-CN': {
    'entity.partner': '合作单位',
    'partner.contact_phone.format': '应为办公电话号码（数字、空格、连字符、括号）',
    'partner.name_taken': '本单位已登记同名的合作单位',
    'partner_agreement.valid_to_before': '终止日期不能早于生效日期',
    'partner.organization.required': '请选择服务站点或管理机构',
    'partner.organization.out_of_scope': '只能选择本辖区内的机构',
    'partner_agreement.station.unknown': '服务站点不存在或不在本辖区',
    'partner_agreement.station.type': '应为公共法律服务或法律援助站点',
  },
  'en-US': {
    'entity.partner': 'partner',
    'partner.contact_phone.format':
      'must be an office phone number (digits, spaces, hyphens, brackets)',
    'partner.name_taken': 'a partner with this name is already registered by your organization',
    'partner_agreement.valid_to_before': 'the end date cannot be before the start date',
    'partner.organization.required': 'choose the organization that deals with the partner',
    'partner.organization.out_of_scope': 'must be an organization within your jurisdiction',
    'partner_agreement.station.unknown': 'no such station in your jurisdiction',
    'partner_agreement.station.type': 'must be a public legal service or legal aid station',
  },
};
