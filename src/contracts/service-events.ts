// The fact table's closed vocabulary (DESIGN.md "Service events"): what kind of service a row
// counts and by which channel it reached people. Zod-free, so the web can label figures without
// loading the validation library. A domain that delivers a new kind of service adds its type here
// (and to the check constraint of `service_events` in a migration) with both labels.

/**
 * - `volunteer_service`: a volunteer's logged shift or activity at a station (one row per hours
 *   entry; `counts.hours` holds the hours).
 */
export const serviceEventTypes = ['volunteer_service'] as const;
export type ServiceEventType = (typeof serviceEventTypes)[number];

/**
 * How the service reached people: on site (walk-in or at a station), at the person's home, by
 * phone, on the 12348 hotline, by WeChat, by video, through the portal, in a village chat group.
 */
export const serviceChannels = [
  'in_person',
  'home_visit',
  'phone',
  'hotline_12348',
  'wechat',
  'video',
  'portal',
  'village_group',
] as const;
export type ServiceChannel = (typeof serviceChannels)[number];

export const serviceEventTypeLabels: Record<'zh-CN' | 'en-US', Record<ServiceEventType, string>> = {
  'zh-CN': { volunteer_service: '志愿服务' },
  'en-US': { volunteer_service: 'Volunteer service' },
};

export const serviceChannelLabels: Record<'zh-CN' | 'en-US', Record<ServiceChannel, string>> = {
  'zh-CN': {
    in_person: '现场',
    home_visit: '上门',
    phone: '电话',
    hotline_12348: '12348 热线',
    wechat: '微信',
    video: '视频',
    portal: '网上平台',
    village_group: '村（社区）群',
  },
  'en-US': {
    in_person: 'In person',
    home_visit: 'Home visit',
    phone: 'Phone',
    hotline_12348: '12348 hotline',
    wechat: 'WeChat',
    video: 'Video',
    portal: 'Online portal',
    village_group: 'Village chat group',
  },
};
