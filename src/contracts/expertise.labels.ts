// Labels of what practitioners and volunteers know and speak (values.ts), for the console and Excel.

import type { Labels } from './labels.js';
import type { LegalSpecialty, ServiceLanguage } from './values.js';

/** Fields of law (业务专长; a volunteer’s skills). */
export const legalSpecialtyLabels: Labels<LegalSpecialty> = {
  'zh-CN': {
    labour: '劳动争议',
    marriage_family: '婚姻家庭',
    contract: '合同纠纷',
    property: '房产物业',
    criminal: '刑事辩护',
    administrative: '行政诉讼',
    company: '公司企业',
    traffic_accident: '交通事故',
    medical_dispute: '医疗纠纷',
    land_rural: '土地与农村事务',
    consumer: '消费者权益',
    debt: '借贷债务',
    inheritance: '继承赡养',
    psychological_support: '心理疏导',
  },
  'en-US': {
    labour: 'Labour disputes',
    marriage_family: 'Marriage and family',
    contract: 'Contracts',
    property: 'Housing and property',
    criminal: 'Criminal defence',
    administrative: 'Administrative litigation',
    company: 'Companies',
    traffic_accident: 'Traffic accidents',
    medical_dispute: 'Medical disputes',
    land_rural: 'Land and rural affairs',
    consumer: 'Consumer rights',
    debt: 'Loans and debts',
    inheritance: 'Inheritance and support',
    psychological_support: 'Psychological support',
  },
};

/** Languages and dialects people are served in. */
export const serviceLanguageLabels: Labels<ServiceLanguage> = {
  'zh-CN': {
    mandarin: '普通话',
    wu_dialect: '常州话（吴语）',
    english: '英语',
    japanese: '日语',
    korean: '韩语',
    sign_language: '手语',
  },
  'en-US': {
    mandarin: 'Mandarin',
    wu_dialect: 'Changzhou dialect (Wu)',
    english: 'English',
    japanese: 'Japanese',
    korean: 'Korean',
    sign_language: 'Sign language',
  },
};
