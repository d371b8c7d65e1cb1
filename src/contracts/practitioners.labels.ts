// Labels of the practitioners' closed sets (values.ts), for the console and Excel.

import type { Labels } from './labels.js';
import type { LicenceType, PractitionerKind, PractitionerStatus } from './values.js';

/** The kinds of legal service practitioners. */
export const practitionerKindLabels: Labels<PractitionerKind> = {
  'zh-CN': {
    lawyer: '律师',
    grassroots_legal_worker: '基层法律服务工作者',
    mediator: '人民调解员',
    legal_aid_staff: '法律援助工作人员',
    bureau_staff: '司法行政工作人员',
  },
  'en-US': {
    lawyer: 'Lawyer',
    grassroots_legal_worker: 'Grassroots legal worker',
    mediator: 'Mediator',
    legal_aid_staff: 'Legal aid staff',
    bureau_staff: 'Bureau staff',
  },
};

/** Licence and certificate types (执业证类型). */
export const licenceTypeLabels: Labels<LicenceType> = {
  'zh-CN': {
    full_time_lawyer: '专职律师执业证',
    part_time_lawyer: '兼职律师执业证',
    government_lawyer: '公职律师证',
    company_lawyer: '公司律师证',
    legal_aid_lawyer: '法律援助律师执业证',
    grassroots_legal_worker: '基层法律服务工作者执业证',
    mediator_certificate: '人民调解员证',
    none: '无',
  },
  'en-US': {
    full_time_lawyer: 'Full-time lawyer licence',
    part_time_lawyer: 'Part-time lawyer licence',
    government_lawyer: 'Government lawyer certificate',
    company_lawyer: 'Company lawyer certificate',
    legal_aid_lawyer: 'Legal aid lawyer licence',
    grassroots_legal_worker: 'Grassroots legal worker licence',
    mediator_certificate: 'Mediator certificate',
    none: 'None',
  },
};

/** Whether a practitioner practises. */
export const practitionerStatusLabels: Labels<PractitionerStatus> = {
  'zh-CN': {
    practising: '执业中',
    suspended: '暂停执业',
    left: '已离职',
  },
  'en-US': {
    practising: 'Practising',
    suspended: 'Suspended',
    left: 'Left',
  },
};
