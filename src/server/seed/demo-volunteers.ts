import { pick, seededRandom, type Random } from '../platform/random.js';
import type { OpeningHours, Organization } from '../../contracts/organizations.js';
import type {
  LegalSpecialty,
  PartnerKind,
  ServiceLanguage,
  VolunteerKind,
  VolunteerStatus,
  Weekday,
} from '../../contracts/values.js';
import type { NewVolunteerRecord } from '../../contracts/volunteers.js';
import { todayInShanghai } from '../platform/time.js';
import type { Services } from '../services.js';

const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return chosen;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾蒋蔡'];
const givenNames = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '文杰',
  '晓燕',
  '海涛',
  '玉兰',
  '国平',
  '静',
  '子涵',
  '雨萱',
  '浩然',
  '思远',
  '明德',
  '淑芬',
  '立新',
  '佳怡',
  '一鸣',
  '春梅',
  '振华',
  '慧敏',
  '家豪',
  '欣怡',
];

/** How many of each kind: the seed's mix of graduates, retired judges and prosecutors … */
const volunteerMix: Array<{ kind: VolunteerKind; count: number }> = [
  { kind: 'graduate', count: 18 },
  { kind: 'retired_judge', count: 8 },
  { kind: 'retired_prosecutor', count: 6 },
  { kind: 'psychological_counsellor', count: 8 },
  { kind: 'lawyer', count: 12 },
  { kind: 'other', count: 8 },
];

const skillsByKind: Record<VolunteerKind, readonly LegalSpecialty[]> = {
  graduate: ['labour', 'consumer', 'contract', 'traffic_accident', 'debt'],
  retired_judge: ['marriage_family', 'property', 'contract', 'inheritance', 'land_rural', 'debt'],
  retired_prosecutor: ['criminal', 'administrative', 'traffic_accident'],
  psychological_counsellor: ['psychological_support', 'marriage_family'],
  lawyer: ['labour', 'company', 'contract', 'criminal', 'medical_dispute', 'property'],
  other: ['land_rural', 'inheritance', 'consumer', 'marriage_family'],
};

const activities = [
  '接待来访群众法律咨询',
  '协助受理法律援助申请',
  '参与邻里纠纷调解',
  '上门为行动不便老人提供法律服务',
  '开展法治宣传进村（社区）活动',
  '解答12348热线转办咨询',
  '整理法律援助案件材料',
  '为农民工讨薪提供法律指引',
];

const morning = [{ opens: '08:30', closes: '11:30' }];
const afternoon = [{ opens: '13:30', closes: '17:00' }];

function availabilityOf(random: Random): OpeningHours {
  const days = pickSome<Weekday>(
    random,
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    between(random, 1, 3),
  );
  const availability: OpeningHours = {};
  for (const day of days) availability[day] = random() < 0.5 ? morning : afternoon;
  return availability;
}

function languagesOf(random: Random, kind: VolunteerKind): ServiceLanguage[] {
  const languages: ServiceLanguage[] = ['mandarin'];
  if (kind !== 'graduate' || random() < 0.3) languages.push('wu_dialect');
  if (kind === 'graduate' && random() < 0.3) languages.push('english');
  if (random() < 0.05) languages.push('sign_language');
  return languages;
}

interface DemoPartnerPlan {
  kind: PartnerKind;
  name: string;
  contactName: string;
  contactPhone: string;
  linkedOrganization?: Organization;
  agreement: { title: string; station?: Organization; terms: string; years: number };
}

export interface DemoVolunteerCounts {
  partners: number;
  agreements: number;
  volunteers: number;
  hoursEntries: number;
  records: number;
}

export interface DemoVolunteerOptions {
  /** The seed's clock: every date is counted back from it. */
  now?: Date;
  seed?: number;
}

async function listWujin(services: Services, type: Organization['type']) {
  const page = await services.organizations.listOrganizations({
    type,
    division: '320412',
    limit: 200,
    offset: 0,
  });
  return page.items;
}

/**
 * Volunteers of the Wujin demo district, as the seed document describes them: recruited with the
 * civilization office and partners, serving at the legal aid workstations, with their hours,
 * training, commendations and insurance (some about to end). Deterministic for one seed and clock;
 * runs after the organizations are seeded, writing through the volunteers service.
 */
export async function seedDemoVolunteers(
  services: Services,
  options: DemoVolunteerOptions = {},
): Promise<DemoVolunteerCounts> {
  const random = seededRandom(options.seed ?? 20_200_318);
  const today = todayInShanghai(options.now ?? new Date());
  const bureau = (await listWujin(services, 'justice_bureau')).find(
    (organization) => organization.divisionCode === '320412',
  );
  const stations = await listWujin(services, 'legal_aid_station');
  const firms = (await listWujin(services, 'law_firm')).slice(0, 2);
  if (!bureau || stations.length === 0)
    return { partners: 0, agreements: 0, volunteers: 0, hoursEntries: 0, records: 0 };

  const stationNamed = (township: string) =>
    stations.find((station) => station.name.includes(township)) ?? stations[0];
  const plans: DemoPartnerPlan[] = [
    {
      kind: 'civilization_office',
      name: '武进区文明办',
      contactName: '志愿服务指导科',
      contactPhone: '0519-86316801',
      agreement: {
        title: '法律援助志愿者招募与管理合作协议',
        terms: '区文明办负责志愿者招募与星级评定，区司法局负责培训、排班、保险和权益保障。',
        years: 3,
      },
    },
    {
      kind: 'social_organization',
      name: '武进区春晖志愿服务中心',
      contactName: '项目部',
      contactPhone: '0519-86552210',
      agreement: {
        title: '湖塘镇法律援助工作站志愿服务共建协议',
        station: stationNamed('湖塘'),
        terms: '每周一至周五安排志愿者协助接待、引导和材料整理。',
        years: 2,
      },
    },
    {
      kind: 'social_organization',
      name: '武进区心桥社会工作服务社',
      contactName: '心理服务部',
      contactPhone: '0519-86552388',
      agreement: {
        title: '心理疏导进工作站合作协议',
        station: stationNamed('牛塘'),
        terms: '每周二下午派心理咨询师驻站，为婚姻家庭纠纷当事人提供心理疏导。',
        years: 2,
      },
    },
    ...firms.map((firm, index): DemoPartnerPlan => ({
      kind: 'law_firm',
      name: firm.name,
      contactName: '公益法律服务部',
      contactPhone: firm.phone ?? '0519-86550000',
      linkedOrganization: firm,
      agreement: {
        title: `共建${index === 0 ? '横林镇' : '遥观镇'}法律援助工作站协议`,
        station: stationNamed(index === 0 ? '横林' : '遥观'),
        terms: '每周派执业律师到站值班半天，解答咨询并承办指派的法律援助案件。',
        years: 1,
      },
    })),
  ];

  const counts: DemoVolunteerCounts = {
    partners: 0,
    agreements: 0,
    volunteers: 0,
    hoursEntries: 0,
    records: 0,
  };
  const partnerIds = new Map<string, string>();
  for (const plan of plans) {
    const partner = await services.partners.createPartner({
      kind: plan.kind,
      name: plan.name,
      organizationId: bureau.id,
      linkedOrganizationId: plan.linkedOrganization?.id ?? null,
      contactName: plan.contactName,
      contactPhone: plan.contactPhone,
    });
    partnerIds.set(plan.name, partner.id);
    counts.partners += 1;
    const validFrom = addDays(today, -between(random, 200, 420));
    await services.partners.addAgreement(partner.id, {
      title: plan.agreement.title,
      stationId: plan.agreement.station?.id ?? null,
      signedOn: addDays(validFrom, -between(random, 5, 20)),
      validFrom,
      validTo: addDays(validFrom, plan.agreement.years * 365 - 1),
      terms: plan.agreement.terms,
    });
    counts.agreements += 1;
  }

  const recruiterOf = (kind: VolunteerKind): string | null => {
    const lawFirmNames = firms.map((firm) => firm.name);
    switch (kind) {
      case 'psychological_counsellor':
        return partnerIds.get('武进区心桥社会工作服务社') ?? null;
      case 'lawyer':
        return partnerIds.get(pick(random, lawFirmNames)) ?? null;
      case 'graduate':
      case 'other':
        return partnerIds.get(random() < 0.5 ? '武进区文明办' : '武进区春晖志愿服务中心') ?? null;
      default:
        return partnerIds.get('武进区文明办') ?? null;
    }
  };

  const phones = new Set<string>();
  const uniquePhone = () => {
    for (;;) {
      const phone = `1${pick(random, ['3', '5', '8'])}${String(between(random, 0, 999_999_999)).padStart(9, '0')}`;
      if (!phones.has(phone)) {
        phones.add(phone);
        return phone;
      }
    }
  };

  let sequence = 0;
  for (const { kind, count } of volunteerMix) {
    for (let index = 0; index < count; index += 1) {
      const station = stations[sequence % stations.length] as Organization;
      sequence += 1;
      const status: VolunteerStatus =
        sequence % 17 === 0 ? 'left' : sequence % 11 === 0 ? 'paused' : 'active';
      const joinedOn = addDays(today, -between(random, 120, 900));
      const volunteer = await services.volunteers.createVolunteer({
        kind,
        name: `${pick(random, surnames)}${pick(random, givenNames)}`,
        phone: uniquePhone(),
        stationId: station.id,
        organizationId: bureau.id,
        partnerId: recruiterOf(kind),
        skills: pickSome(random, skillsByKind[kind], between(random, 1, 3)),
        languages: languagesOf(random, kind),
        availability: availabilityOf(random),
        joinedOn,
        status,
      });
      counts.volunteers += 1;
      counts.hoursEntries += await seedHours(
        services,
        random,
        volunteer.id,
        joinedOn,
        today,
        status,
      );
      counts.records += await seedRecords(
        services,
        random,
        volunteer.id,
        joinedOn,
        today,
        sequence,
        status,
      );
    }
  }
  return counts;
}

/** Shifts over the past six months (fewer for those who paused or left), one per day at most. */
async function seedHours(
  services: Services,
  random: Random,
  volunteerId: string,
  joinedOn: string,
  today: string,
  status: VolunteerStatus,
): Promise<number> {
  const shifts = status === 'active' ? between(random, 4, 12) : between(random, 1, 3);
  const days = new Set<string>();
  for (let shift = 0; shift < shifts; shift += 1) {
    const day = addDays(today, -between(random, status === 'active' ? 0 : 90, 180));
    if (day >= joinedOn) days.add(day);
  }
  await services.volunteers.logHoursEntries(
    volunteerId,
    [...days].sort().map((servedOn) => ({
      servedOn,
      hours: between(random, 3, 8) / 2,
      activity: pick(random, activities),
    })),
  );
  return days.size;
}

/**
 * Pre-service training for everyone, a law update for some, a few commendations and rewards,
 * and a year's accident insurance: ended for some, ending within a month for others.
 */
async function seedRecords(
  services: Services,
  random: Random,
  volunteerId: string,
  joinedOn: string,
  today: string,
  sequence: number,
  status: VolunteerStatus,
): Promise<number> {
  const records: NewVolunteerRecord[] = [
    {
      kind: 'training',
      title: '法律援助志愿者岗前培训',
      issuer: '武进区司法局',
      recordedOn: addDays(joinedOn, between(random, 3, 20)),
      hours: 6,
    },
  ];
  if (random() < 0.5) {
    records.push({
      kind: 'training',
      title: '《民法典》婚姻家庭编专题培训',
      issuer: '武进区法律援助中心',
      recordedOn: addDays(today, -between(random, 10, 100)),
      hours: 3,
    });
  }
  if (sequence % 9 === 0) {
    records.push({
      kind: 'commendation',
      title: '年度优秀法律援助志愿者',
      issuer: '武进区司法局、武进区文明办',
      recordedOn: addDays(today, -between(random, 30, 300)),
    });
  }
  if (sequence % 13 === 0) {
    records.push({
      kind: 'reward',
      title: '志愿服务五星级证书及奖励',
      issuer: '武进区文明办',
      recordedOn: addDays(today, -between(random, 30, 300)),
    });
  }
  if (status !== 'left') {
    // Every seventh ends within the month; every eighth has already ended and not been renewed.
    const endsIn =
      sequence % 7 === 0
        ? between(random, 3, 28)
        : sequence % 8 === 0
          ? -between(random, 5, 40)
          : between(random, 60, 300);
    const validTo = addDays(today, endsIn);
    records.push({
      kind: 'insurance',
      title: '志愿者团体意外伤害保险',
      issuer: '中国人寿保险常州分公司',
      reference: `GL${String(3_204_120_000 + sequence)}`,
      recordedOn: addDays(validTo, -364),
      validTo,
    });
  }
  if (sequence % 10 === 0) {
    records.push({
      kind: 'rights_protection',
      title: '志愿者权益保障告知及交通、误餐补贴',
      issuer: '武进区司法局',
      recordedOn: addDays(today, -between(random, 20, 200)),
    });
  }
  for (const record of records) {
    if (record.recordedOn > today) record.recordedOn = today;
  }
  await services.volunteers.addRecords(volunteerId, records);
  return records.length;
}
