// Labels of the volunteers' closed sets (values.ts), for the console and Excel.

import type { Labels } from './labels.js';
import type { VolunteerKind, VolunteerStatus } from './values.js';

/** Who volunteers. */
export const volunteerKindLabels: Labels<VolunteerKind> = {
  'zh-CN': {
    graduate: '高校毕业生',
    retired_judge: '退休法官',
    retired_prosecutor: '退休检察官',
    psychological_counsellor: '心理咨询师',
    lawyer: '律师',
    other: '其他',
  },
  'en-US': {
    graduate: 'Graduate',
    retired_judge: 'Retired judge',
    retired_prosecutor: 'Retired prosecutor',
    psychological_counsellor: 'Psychological counsellor',
    lawyer: 'Lawyer',
    other: 'Other',
  },
};

/** Whether a volunteer serves. */
export const volunteerStatusLabels: Labels<VolunteerStatus> = {
  'zh-CN': {
    active: '在岗',
    paused: '暂停服务',
    left: '已退出',
  },
  'en-US': {
    active: 'Active',
    paused: 'Paused',
    left: 'Left',
  },
};
