// Labels of the organizations' closed sets (values.ts), for the console, the portal and Excel.

import type { Labels } from './labels.js';
import type {
  OrganizationService,
  OrganizationStatus,
  OrganizationType,
  WorkstationHostKind,
} from './values.js';

/** Organization types as the GLOSSARY names them. */
export const organizationTypeLabels: Labels<OrganizationType> = {
  'zh-CN': {
    justice_bureau: '司法局',
    bureau_section: '业务科室',
    law_firm: '律师事务所',
    grassroots_office: '基层法律服务所',
    service_centre: '公共法律服务中心',
    service_station: '公共法律服务工作站',
    service_room: '公共法律服务工作室',
    legal_aid_centre: '法律援助中心',
    legal_aid_station: '法律援助工作站',
    chamber_of_commerce: '商会',
    federation_of_industry: '工商联',
    enterprise_service_centre: '民营企业法律服务中心',
    mediation_committee: '人民调解委员会',
  },
  'en-US': {
    justice_bureau: 'Justice bureau',
    bureau_section: 'Bureau section',
    law_firm: 'Law firm',
    grassroots_office: 'Grassroots legal service office',
    service_centre: 'Public legal service centre',
    service_station: 'Public legal service station',
    service_room: 'Public legal service room',
    legal_aid_centre: 'Legal aid centre',
    legal_aid_station: 'Legal aid workstation',
    chamber_of_commerce: 'Chamber of commerce',
    federation_of_industry: 'Federation of industry and commerce',
    enterprise_service_centre: 'Private enterprise legal service centre',
    mediation_committee: "People's mediation committee",
  },
};

/** Whether an organization serves the public. */
export const organizationStatusLabels: Labels<OrganizationStatus> = {
  'zh-CN': {
    active: '正常',
    suspended: '暂停服务',
    closed: '已关闭',
  },
  'en-US': {
    active: 'Active',
    suspended: 'Suspended',
    closed: 'Closed',
  },
};

/** What an organization offers the public. */
export const organizationServiceLabels: Labels<OrganizationService> = {
  'zh-CN': {
    legal_consultation: '法律咨询',
    legal_aid_intake: '法律援助申请受理',
    mediation: '人民调解',
    document_drafting: '法律文书代写',
    litigation_representation: '诉讼代理',
    legal_health_check: '企业法治体检',
    legal_publicity: '法治宣传',
    notarization_referral: '公证事项指引',
    petition_reception: '信访接待',
  },
  'en-US': {
    legal_consultation: 'Legal consultation',
    legal_aid_intake: 'Legal aid applications',
    mediation: 'Mediation',
    document_drafting: 'Legal document drafting',
    litigation_representation: 'Litigation representation',
    legal_health_check: 'Enterprise legal health check',
    legal_publicity: 'Legal publicity',
    notarization_referral: 'Notarization guidance',
    petition_reception: 'Petition reception',
  },
};

/** Who hosts a legal aid workstation. */
export const workstationHostKindLabels: Labels<WorkstationHostKind> = {
  'zh-CN': {
    township_government: '镇（街道）政府',
    petitions_bureau: '信访局',
    court: '人民法院',
    village_committee: '村（居）委会',
    community: '社区',
    industrial_park: '工业园区',
    trade_union: '工会',
    women_federation: '妇联',
    other: '其他',
  },
  'en-US': {
    township_government: 'Township government',
    petitions_bureau: 'Petitions bureau',
    court: "People's court",
    village_committee: 'Village committee',
    community: 'Community',
    industrial_park: 'Industrial park',
    trade_union: 'Trade union',
    women_federation: "Women's federation",
    other: 'Other',
  },
};
