// The demo directory of Wujin district (320412): its legal aid workstations, public legal service
// centre and stations, law firms, grassroots legal service offices, mediation committees, the
// federation of industry and commerce with its 48 chambers, and the bureau's sections, each under
// the body that supervises it. Drawn from the seed article (seeds/003: 17 workstations, 7 of them
// opened this year at the district petitions bureau, Tanjiatou village committee, Niutang
// industrial park …; 48 chambers). Names of firms and chambers, addresses, phones and the village
// positions are made up for the demonstration; the township names and codes are real.
//
// Everything here is deterministic: "random" spreads come from a PRNG seeded by each item's key,
// so every start builds the same directory and adding an item does not move the others.

import { pick, seededRandom } from '../platform/random.js';
import type {
  HoursException,
  NewOrganization,
  OpeningHours,
  OrganizationService,
  WorkstationHostKind,
} from '../../contracts/organizations.js';
import type { DivisionInput } from '../modules/divisions/divisions.service.js';

export type DemoOrganization = Omit<NewOrganization, 'parentId'> & { parent?: string };

interface Centre {
  latitude: number;
  longitude: number;
}

/** `count` different items, in the list's order. */
function pickSome<T>(random: () => number, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) {
    chosen.add(Math.floor(random() * items.length));
  }
  return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
}

const METRES_PER_DEGREE_LATITUDE = 111_195;

/** A point `metres` away from `centre` in a random direction (uniform over the disc). */
function jitter(centre: Centre, random: () => number, maxMetres: number): Centre {
  const angle = random() * 2 * Math.PI;
  const distance = maxMetres * Math.sqrt(random());
  const metresPerDegreeLongitude =
    METRES_PER_DEGREE_LATITUDE * Math.cos((centre.latitude * Math.PI) / 180);
  return {
    latitude: round6(centre.latitude + (distance * Math.cos(angle)) / METRES_PER_DEGREE_LATITUDE),
    longitude: round6(centre.longitude + (distance * Math.sin(angle)) / metresPerDegreeLongitude),
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Squared planar distance in degrees, latitude-corrected: enough to compare nearby points. */
function closeness(a: Centre, b: Centre): number {
  const dLat = a.latitude - b.latitude;
  const dLng = (a.longitude - b.longitude) * Math.cos((a.latitude * Math.PI) / 180);
  return dLat * dLat + dLng * dLng;
}

export interface DemoTownship extends Centre {
  code: string;
  name: string;
  /** The name without 镇 / 街道, as firms and offices are named (湖塘法律服务所). */
  short: string;
  roads: readonly string[];
}

/**
 * Wujin's 18 townships, subdistricts and zones with approximate centres (WGS 84, about ±1 km):
 * enough to measure "nearest" for the demo; a deployment records surveyed centres.
 */
export const wujinTownships: readonly DemoTownship[] = [
  township('320412001', '戚墅堰街道', '戚墅堰', 31.727, 120.0615, ['东方路', '大明路', '丁堰路']),
  township('320412002', '丁堰街道', '丁堰', 31.765, 120.027, ['丁堰路', '丽华北路', '东方东路']),
  township('320412003', '潞城街道', '潞城', 31.786, 120.048, ['潞横路', '富民路', '东方东路']),
  township('320412100', '湖塘镇', '湖塘', 31.7066, 119.9536, [
    '花园街',
    '长虹路',
    '人民中路',
    '武宜中路',
    '常武中路',
    '聚湖路',
    '延政中路',
  ]),
  township('320412102', '牛塘镇', '牛塘', 31.7115, 119.8925, ['牛塘路', '通江路', '卢家巷路']),
  township('320412103', '洛阳镇', '洛阳', 31.6603, 120.0905, ['洛阳路', '阳湖路', '永安路']),
  township('320412104', '遥观镇', '遥观', 31.7472, 120.0781, ['遥观路', '钱家路', '剑湖路']),
  township('320412105', '横林镇', '横林', 31.6921, 120.1282, ['横林路', '崔桥路', '江村路']),
  township('320412106', '横山桥镇', '横山桥', 31.732, 120.149, ['芙蓉路', '五一路', '东周路']),
  township('320412110', '雪堰镇', '雪堰', 31.5455, 120.1184, ['雪堰路', '太滆路', '潘家路']),
  township('320412113', '前黄镇', '前黄', 31.5982, 119.9454, ['前黄路', '寨桥路', '运村路']),
  township('320412114', '礼嘉镇', '礼嘉', 31.621, 120.027, ['礼嘉路', '坂上路', '政平路']),
  township('320412119', '嘉泽镇', '嘉泽', 31.648, 119.812, ['嘉泽路', '夏溪路', '成章路']),
  township('320412120', '湟里镇', '湟里', 31.5903, 119.7971, ['湟里路', '东安路', '村前路']),
  township('320412400', '武进经济开发区', '经开区', 31.662, 119.865, [
    '腾龙路',
    '长汀路',
    '锦华路',
  ]),
  township('320412411', '高新区', '高新区', 31.678, 119.956, ['常武南路', '武宜南路', '龙惠路']),
  township('320412412', '西太湖生态休闲区', '西太湖', 31.711, 119.835, ['环湖西路', '揽月路']),
  township('320412413', '太湖旅游度假区', '太湖湾', 31.528, 120.042, ['太湖湾路', '环湖路']),
];

function township(
  code: string,
  name: string,
  short: string,
  latitude: number,
  longitude: number,
  roads: readonly string[],
): DemoTownship {
  return { code, name, short, latitude, longitude, roads };
}

const townshipByCode = new Map(wujinTownships.map((item) => [item.code, item]));

function townshipOf(code: string): DemoTownship {
  const found = townshipByCode.get(code.slice(0, 9));
  if (!found) throw new Error(`No demo township for division ${code}`);
  return found;
}

/** How far from its township's centre a demo village may lie. */
const VILLAGE_SPREAD_METRES = 3_000;

/**
 * DEMO APPROXIMATIONS, NOT SURVEYED POSITIONS: each Wujin village is placed at a random point
 * (seeded by its code) within 3 km of its township's approximate centre, and moved closer when it
 * would fall nearer another township's centre, so that villages stay inside their township's area.
 * They exist so that the coverage view has village distances to show; a deployment records real
 * centres (PATCH /api/divisions/:code/centre).
 */
export function demoVillageCentres(
  divisions: readonly DivisionInput[],
): Array<Centre & { code: string }> {
  return divisions
    .filter(
      (division) => division.code.length === 12 && townshipByCode.has(division.code.slice(0, 9)),
    )
    .map((village) => {
      const home = townshipOf(village.code);
      const random = seededRandom(`village:${village.code}`);
      let spread = VILLAGE_SPREAD_METRES;
      let point = jitter(home, random, spread);
      while (!nearestTownshipIs(home, point) && spread > 100) {
        spread /= 2;
        point = jitter(home, random, spread);
      }
      return { code: village.code, ...(nearestTownshipIs(home, point) ? point : home) };
    });
}

function nearestTownshipIs(home: DemoTownship, point: Centre): boolean {
  const own = closeness(home, point);
  return wujinTownships.every((other) => other === home || closeness(other, point) > own);
}

// ---------------------------------------------------------------------------------------------
// Hours

const morning = { opens: '08:30', closes: '12:00' };
const weekday = [morning, { opens: '13:30', closes: '17:30' }];

export const officeHours: OpeningHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: [morning, { opens: '13:30', closes: '17:00' }],
};

const firmHours: OpeningHours = { ...officeHours, sat: [{ opens: '09:00', closes: '12:00' }] };

/** A village committee's room, staffed on three weekdays. */
const villageRoomHours: OpeningHours = {
  mon: [morning, { opens: '13:30', closes: '17:00' }],
  wed: [morning, { opens: '13:30', closes: '17:00' }],
  fri: [morning, { opens: '13:30', closes: '17:00' }],
};

const newYearClosed: HoursException = { date: '2027-01-01', intervals: [], note: '元旦放假' };

/** National Constitution Day week: workstations open on the Saturday for publicity and intake. */
const constitutionDaySaturday: HoursException = {
  date: '2026-12-05',
  intervals: [{ opens: '09:00', closes: '12:00' }],
  note: '国家宪法日宣传周，周六上午照常接待',
};

// ---------------------------------------------------------------------------------------------
// Names and places

const bureau = '武进区司法局';
const aidCentre = '武进区法律援助中心';
const serviceCentre = '武进区公共法律服务中心';
const federation = '武进区工商业联合会';
const sections = {
  lawyers: `${bureau}律师科`,
  legalAid: `${bureau}法律援助科`,
  publicServices: `${bureau}公共法律服务科`,
  grassroots: `${bureau}基层工作科`,
} as const;

function stationName(place: DemoTownship): string {
  return `${place.name}公共法律服务工作站`;
}

/** 常州市武进区湖塘镇花园街88号 — a made-up number on one of the township's roads. */
function addressIn(place: DemoTownship, random: () => number): string {
  return `常州市武进区${place.name}${pick(random, place.roads)}${1 + Math.floor(random() * 198)}号`;
}

/** Phone numbers of the demo: a fixed prefix and a number drawn from the key. */
function phoneFor(random: () => number): string {
  return `0519-86${String(100_000 + Math.floor(random() * 900_000))}`;
}

function near(place: Centre, random: () => number, metres = 1_200): Centre {
  return jitter(place, random, metres);
}

/** 谈家头村村委会 → 谈家头村, 北街社区居委会 → 北街社区. */
export function villageShortName(name: string): string {
  return name
    .replace(/（.*）$/, '')
    .replace(/(居民委员会|居委会)$/, '')
    .replace(/村?(村民委员会|村委会)$/, '村');
}

// ---------------------------------------------------------------------------------------------
// The bureau, its sections and centres

function bureauTree(): DemoOrganization[] {
  const seat = { latitude: 31.7186, longitude: 119.9425 };
  const section = (name: string, room: string): DemoOrganization => ({
    type: 'bureau_section',
    name,
    parent: bureau,
    divisionCode: '320412',
    address: `常州市武进区湖塘镇延政中路2号${room}`,
    // Sections receive no visitors: left off the map and out of "nearest".
    latitude: null,
    longitude: null,
    openingHours: officeHours,
  });
  return [
    {
      type: 'justice_bureau',
      name: '常州市司法局',
      divisionCode: '3204',
      address: '常州市新北区龙锦路1280号',
      latitude: 31.8107,
      longitude: 119.9741,
      phone: '0519-85681234',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
    },
    {
      type: 'justice_bureau',
      name: bureau,
      parent: '常州市司法局',
      divisionCode: '320412',
      address: '常州市武进区湖塘镇延政中路2号',
      ...seat,
      phone: '0519-86311234',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
    },
    {
      type: 'justice_bureau',
      name: '天宁区司法局',
      parent: '常州市司法局',
      divisionCode: '320402',
      address: '常州市天宁区北直街12号',
      latitude: 31.7799,
      longitude: 119.9744,
      phone: '0519-88801234',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
    },
    section(sections.lawyers, '3楼'),
    section(sections.legalAid, '3楼'),
    section(sections.publicServices, '4楼'),
    section(sections.grassroots, '4楼'),
    {
      type: 'service_centre',
      name: serviceCentre,
      parent: sections.publicServices,
      divisionCode: '320412',
      address: '常州市武进区湖塘镇人民中路168号',
      latitude: 31.7101,
      longitude: 119.9512,
      phone: '12348',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
      services: [
        'legal_consultation',
        'legal_aid_intake',
        'mediation',
        'notarization_referral',
        'legal_publicity',
      ],
      description:
        '全区公共法律服务的综合窗口：法律咨询、法律援助申请、人民调解、公证事项指引和12348热线接听。',
      stepFree: true,
      establishedOn: '2018-06-28',
    },
    {
      type: 'legal_aid_centre',
      name: aidCentre,
      parent: sections.legalAid,
      divisionCode: '320412',
      address: '常州市武进区湖塘镇人民中路168号一楼',
      latitude: 31.7102,
      longitude: 119.9514,
      phone: '0519-86312348',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
      services: ['legal_aid_intake', 'legal_consultation', 'document_drafting'],
      description:
        '审查决定全区法律援助申请并指派承办人员；农民工、残疾人、老年人等群体走绿色通道，优先受理、优先指派。',
      stepFree: true,
      homeVisits: true,
      establishedOn: '1998-10-12',
    },
    {
      type: 'federation_of_industry',
      name: federation,
      divisionCode: '320412',
      address: '常州市武进区湖塘镇延政中路5号',
      latitude: 31.7179,
      longitude: 119.9445,
      phone: '0519-86550010',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
      description: '与区司法局共建“法润红盟”企业行，联系全区48家基层、行业、异地和专业商（协）会。',
    },
    {
      type: 'enterprise_service_centre',
      name: '武进区民营企业法律服务中心',
      parent: bureau,
      divisionCode: '320412',
      address: '常州市武进区湖塘镇延政中路5号',
      latitude: 31.7177,
      longitude: 119.9441,
      phone: '0519-86550004',
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
      services: ['legal_health_check', 'legal_consultation', 'legal_publicity', 'mediation'],
      description:
        '区司法局与区工商联共建，组织精准法律服务团为民营企业开展法治体检、解读惠企政策。',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The 17 legal aid workstations

interface WorkstationPlan {
  township: string;
  hostKind: WorkstationHostKind;
  hostName: string;
  establishedOn: string;
  staffCount: number;
  meetsStandard: boolean;
  /** Where it is, when not at the township centre (a village committee, an industrial park). */
  village?: string;
  offset?: Centre;
  address?: string;
  extraServices?: OrganizationService[];
  note?: string;
}

/** Seven opened in 2026 ("今年新建7家"), the others in earlier years. */
const workstationPlans: readonly WorkstationPlan[] = [
  {
    township: '320412100',
    hostKind: 'petitions_bureau',
    hostName: '武进区信访局',
    establishedOn: '2026-03-18',
    staffCount: 3,
    meetsStandard: true,
    address: '常州市武进区湖塘镇人民中路区信访局接待中心一楼',
    extraServices: ['petition_reception'],
    note: '设在区信访局接待中心，来访群众的法律诉求可当场转为法律援助申请。',
  },
  {
    township: '320412103',
    hostKind: 'village_committee',
    hostName: '洛阳镇谈家头村村委会',
    establishedOn: '2026-04-22',
    staffCount: 2,
    meetsStandard: false,
    village: '320412103211',
    address: '常州市武进区洛阳镇谈家头村村委会一楼',
    extraServices: ['mediation'],
    note: '设在村委会，村法律顾问每周驻点，村民就近申请法律援助。',
  },
  {
    township: '320412102',
    hostKind: 'industrial_park',
    hostName: '牛塘镇工业园区管委会',
    establishedOn: '2026-05-12',
    staffCount: 2,
    meetsStandard: true,
    offset: { latitude: -0.006, longitude: -0.009 },
    address: '常州市武进区牛塘镇工业园区服务中心二楼',
    note: '服务园区企业职工，重点受理农民工讨薪、工伤等法律援助申请。',
  },
  {
    township: '320412003',
    hostKind: 'township_government',
    hostName: '潞城街道办事处',
    establishedOn: '2026-06-08',
    staffCount: 2,
    meetsStandard: true,
  },
  {
    township: '320412002',
    hostKind: 'trade_union',
    hostName: '丁堰街道总工会职工服务中心',
    establishedOn: '2026-07-15',
    staffCount: 2,
    meetsStandard: true,
    note: '与街道总工会共建，为职工和农民工提供劳动争议法律援助。',
  },
  {
    township: '320412400',
    hostKind: 'industrial_park',
    hostName: '武进经济开发区管委会企业服务中心',
    establishedOn: '2026-08-26',
    staffCount: 2,
    meetsStandard: false,
  },
  {
    township: '320412412',
    hostKind: 'community',
    hostName: '西太湖生态休闲区社区服务中心',
    establishedOn: '2026-09-10',
    staffCount: 2,
    meetsStandard: true,
  },
  ...(
    [
      ['320412119', '2017-12-01', 4],
      ['320412104', '2018-11-05', 3],
      ['320412105', '2018-11-05', 3],
      ['320412001', '2019-06-18', 2],
      ['320412106', '2019-06-18', 2],
      ['320412110', '2020-04-20', 3],
      ['320412113', '2020-04-20', 2],
      ['320412114', '2021-03-15', 2],
      ['320412411', '2022-09-01', 3],
    ] as const
  ).map(([code, establishedOn, staffCount]): WorkstationPlan => ({
    township: code,
    hostKind: 'township_government',
    hostName: `${townshipOf(code).name}${governmentOf(code)}便民服务中心`,
    establishedOn,
    staffCount,
    meetsStandard: true,
  })),
  {
    township: '320412120',
    hostKind: 'court',
    hostName: '武进区人民法院湟里人民法庭',
    establishedOn: '2021-03-15',
    staffCount: 2,
    meetsStandard: true,
    extraServices: ['mediation'],
    note: '设在人民法庭诉讼服务大厅，当事人立案时即可申请法律援助。',
  },
];

/** Who governs a township: a town's people's government, a subdistrict office, a zone committee. */
function governmentOf(code: string): string {
  const place = townshipOf(code);
  if (code.startsWith('3204124')) return '管委会';
  return place.name.endsWith('街道') ? '办事处' : '人民政府';
}

function workstations(villageCentres: ReadonlyMap<string, Centre>): DemoOrganization[] {
  return workstationPlans.map((plan) => {
    const place = townshipOf(plan.township);
    const position = plan.village
      ? (villageCentres.get(plan.village) ?? place)
      : {
          latitude: round6(place.latitude + (plan.offset?.latitude ?? 0)),
          longitude: round6(place.longitude + (plan.offset?.longitude ?? 0)),
        };
    const random = seededRandom(`workstation:${plan.township}`);
    const atVillage = plan.hostKind === 'village_committee';
    return {
      type: 'legal_aid_station',
      name: `${aidCentre}${place.name}工作站`,
      parent: aidCentre,
      divisionCode: plan.village ?? plan.township,
      address: plan.address ?? `常州市武进区${place.name}${plan.hostName}`,
      ...position,
      phone: phoneFor(random),
      openingHours: atVillage ? villageRoomHours : officeHours,
      hoursExceptions: [constitutionDaySaturday, newYearClosed],
      services: [
        'legal_aid_intake',
        'legal_consultation',
        'document_drafting',
        ...(plan.extraServices ?? []),
      ],
      description: [
        '受理法律援助申请，提供法律咨询、代写法律文书；对行动不便的老年人、残疾人、重病患者开通绿色通道，可预约上门服务。',
        plan.note ?? '',
      ].join(''),
      directions: atVillage ? '村委会一楼法律服务室' : `${plan.hostName}一楼法律援助窗口`,
      stepFree: !atVillage,
      homeVisits: true,
      accessibilityNotes: atVillage ? '门口有两级台阶，工作人员可协助或上门服务' : '',
      status: 'active',
      statusSince: plan.establishedOn,
      establishedOn: plan.establishedOn,
      hostKind: plan.hostKind,
      hostName: plan.hostName,
      staffCount: plan.staffCount,
      meetsStandard: plan.meetsStandard,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Stations, grassroots offices, mediation committees

function serviceStations(): DemoOrganization[] {
  return wujinTownships.map((place) => ({
    type: 'service_station',
    name: stationName(place),
    parent: serviceCentre,
    divisionCode: place.code,
    address: `常州市武进区${place.name}司法所`,
    latitude: round6(place.latitude + 0.002),
    longitude: round6(place.longitude + 0.002),
    phone: phoneFor(seededRandom(`station:${place.code}`)),
    openingHours: officeHours,
    hoursExceptions: [newYearClosed],
    services: ['legal_consultation', 'mediation', 'legal_publicity', 'notarization_referral'],
    description:
      '设在司法所，提供法律咨询、矛盾纠纷调解、法治宣传和公证事项指引，指导辖区村（社区）人民调解工作。',
    stepFree: true,
  }));
}

/** The resort zones have no office of their own; the other sixteen townships each have one. */
const townshipsWithGrassrootsOffice = wujinTownships.filter(
  (place) => !['320412412', '320412413'].includes(place.code),
);

function grassrootsOffices(): DemoOrganization[] {
  return townshipsWithGrassrootsOffice.map((place) => {
    const random = seededRandom(`grassroots:${place.code}`);
    const hutang = place.code === '320412100';
    return {
      type: 'grassroots_office',
      name: `武进区${place.short}法律服务所`,
      parent: sections.grassroots,
      divisionCode: place.code,
      address: hutang ? '常州市武进区湖塘镇府前路3号' : addressIn(place, random),
      ...(hutang ? { latitude: 31.7058, longitude: 119.9552 } : near(place, random, 800)),
      phone: hutang ? '0519-86550003' : phoneFor(random),
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
      services: [
        'legal_consultation',
        'document_drafting',
        'mediation',
        'litigation_representation',
      ],
      description:
        '基层法律服务工作者代理民事案件、代写法律文书、参与调解，服务辖区群众和小微企业。',
      homeVisits: random() < 0.5,
      stepFree: true,
    };
  });
}

/**
 * A village mediation committee in the second and the middle village of each township (some
 * villages, not all: enough to show them on the map and in the coverage counts).
 */
function mediationCommittees(
  villages: readonly DivisionInput[],
  centres: ReadonlyMap<string, Centre>,
) {
  const byTownship = new Map<string, DivisionInput[]>();
  for (const village of villages) {
    const code = village.code.slice(0, 9);
    byTownship.set(code, [...(byTownship.get(code) ?? []), village]);
  }
  const chosen = [...byTownship.values()].flatMap((list) =>
    list.length < 4 ? [] : [list[1], list[Math.floor(list.length / 2)]],
  ) as DivisionInput[];
  const villageCommittees = chosen.map((village): DemoOrganization => {
    const place = townshipOf(village.code);
    return {
      type: 'mediation_committee',
      name: `${villageShortName(village.name)}人民调解委员会`,
      parent: stationName(place),
      divisionCode: village.code,
      address: `常州市武进区${place.name}${village.name}`,
      ...(centres.get(village.code) ?? place),
      openingHours: villageRoomHours,
      services: ['mediation', 'legal_publicity'],
      description: '调解邻里、婚姻家庭、土地承包等民间纠纷，调解协议可申请司法确认。',
    };
  });
  const specialised = (
    name: string,
    townshipCode: string,
    description: string,
  ): DemoOrganization => {
    const place = townshipOf(townshipCode);
    const random = seededRandom(`mediation:${name}`);
    return {
      type: 'mediation_committee',
      name,
      parent: sections.grassroots,
      divisionCode: place.code,
      address: addressIn(place, random),
      ...near(place, random, 1_000),
      phone: phoneFor(random),
      openingHours: officeHours,
      hoursExceptions: [newYearClosed],
      services: ['mediation', 'legal_consultation'],
      description,
      stepFree: true,
    };
  };
  return [
    ...villageCommittees,
    specialised(
      '武进区医疗纠纷人民调解委员会',
      '320412411',
      '行业性专业性调解组织，免费调解医患纠纷。',
    ),
    specialised(
      '武进区道路交通事故人民调解委员会',
      '320412102',
      '驻交警大队事故处理中心，调解道路交通事故损害赔偿纠纷。',
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Law firms

/** Where the forty firms are: most in the district seat, at least one in most townships. */
const firmsPerTownship: Readonly<Record<string, number>> = {
  '320412100': 14,
  '320412411': 5,
  '320412102': 2,
  '320412103': 2,
  '320412104': 2,
  '320412105': 2,
  '320412113': 2,
  '320412400': 2,
  '320412001': 1,
  '320412002': 1,
  '320412003': 1,
  '320412106': 1,
  '320412110': 1,
  '320412114': 1,
  '320412119': 1,
  '320412120': 1,
  '320412412': 1,
};

const firmNames = [
  '武阳', '淹城', '滆湖', '阳湖', '晋陵', '兰陵', '正衡', '恒信', '明正', '德坤',
  '诚和', '天宏', '太湖湾', '芙蓉', '戚城', '运河', '南田', '东方', '公信', '凯立',
  '致远', '立本', '锦程', '博衡', '鼎信', '中吴', '季子', '舜山', '嘉禾', '泰和',
  '新城', '融通', '九洲', '衡正', '信实', '合众', '宏泰', '明德',
] as const; // prettier-ignore

const firmSpecialties = [
  '公司与合同纠纷',
  '劳动争议',
  '婚姻家事',
  '刑事辩护',
  '道路交通事故',
  '建设工程',
  '知识产权',
  '行政诉讼',
  '房地产',
  '金融借款',
  '医疗纠纷',
  '农村土地承包',
] as const;

/** Specialties that make a firm a fit for enterprises' legal health checks. */
const enterpriseSpecialties = new Set(['公司与合同纠纷', '知识产权', '金融借款', '建设工程']);

function lawFirm(name: string, place: DemoTownship): DemoOrganization {
  const random = seededRandom(`firm:${name}`);
  const specialties = pickSome(random, firmSpecialties, 2 + Math.floor(random() * 2));
  const services: OrganizationService[] = [
    'legal_consultation',
    'litigation_representation',
    'document_drafting',
  ];
  if (specialties.some((specialty) => enterpriseSpecialties.has(specialty))) {
    services.push('legal_health_check');
  }
  if (random() < 0.3) services.push('mediation');
  return {
    type: 'law_firm',
    name,
    parent: sections.lawyers,
    divisionCode: place.code,
    address: addressIn(place, random),
    ...near(place, random),
    phone: phoneFor(random),
    openingHours: firmHours,
    hoursExceptions: [newYearClosed],
    services,
    description: `主要业务领域：${specialties.join('、')}。`,
    establishedOn: `${2000 + Math.floor(random() * 24)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
    stepFree: random() < 0.7,
  };
}

function lawFirms(): DemoOrganization[] {
  const hutang = townshipOf('320412100');
  // The two firms the first demo had keep their addresses (other tests and guides point at them).
  const known: DemoOrganization[] = [
    {
      ...lawFirm('江苏常武律师事务所', hutang),
      address: '常州市武进区湖塘镇花园街88号',
      latitude: 31.7089,
      longitude: 119.9601,
      phone: '0519-86550001',
    },
    {
      ...lawFirm('江苏延陵律师事务所', hutang),
      address: '常州市武进区湖塘镇长虹路66号',
      latitude: 31.7032,
      longitude: 119.9477,
      phone: '0519-86550002',
    },
  ];
  const names = [...firmNames];
  const generated = Object.entries(firmsPerTownship).flatMap(([code, count]) => {
    const place = townshipOf(code);
    const own = code === '320412100' ? count - known.length : count;
    return Array.from({ length: own }, () =>
      lawFirm(`江苏${names.shift() as string}律师事务所`, place),
    );
  });
  return [...known, ...generated];
}

// ---------------------------------------------------------------------------------------------
// The federation's 48 chambers of commerce

/**
 * [name, township of its office] of the 30 district-wide chambers: industry chambers where their
 * trade gathers, chambers of people from elsewhere (异地商会) and professional chambers where
 * their members' firms are. The eighteen township chambers (基层商会) complete the 48.
 */
const districtChambers = [
  ['武进区纺织商会', '320412105'],
  ['武进区地板商会', '320412105'],
  ['武进区建筑业商会', '320412104'],
  ['武进区机械制造商会', '320412104'],
  ['武进区电子信息商会', '320412411'],
  ['武进区新材料商会', '320412400'],
  ['武进区光伏新能源商会', '320412411'],
  ['武进区汽车零部件商会', '320412102'],
  ['武进区医疗器械商会', '320412411'],
  ['武进区五金工具商会', '320412110'],
  ['武进区花木商会', '320412120'],
  ['武进区服装商会', '320412001'],
  ['武进区餐饮商会', '320412412'],
  ['武进区物流商会', '320412102'],
  ['武进区房地产商会', '320412411'],
  ['武进区农业商会', '320412119'],
  ['武进区环保产业商会', '320412411'],
  ['武进区食品商会', '320412113'],
  ['武进区浙江商会', '320412411'],
  ['武进区温州商会', '320412411'],
  ['武进区福建商会', '320412102'],
  ['武进区安徽商会', '320412104'],
  ['武进区河南商会', '320412400'],
  ['武进区江西商会', '320412002'],
  ['武进区四川商会', '320412003'],
  ['武进区湖北商会', '320412400'],
  ['武进区青年企业家商会', '320412400'],
  ['武进区女企业家商会', '320412412'],
  ['武进区科技企业商会', '320412411'],
  ['武进区跨境电子商务商会', '320412411'],
] as const;

function chamber(name: string, place: DemoTownship): DemoOrganization {
  const random = seededRandom(`chamber:${name}`);
  return {
    type: 'chamber_of_commerce',
    name,
    parent: federation,
    divisionCode: place.code,
    address: addressIn(place, random),
    ...near(place, random, 1_500),
    phone: random() < 0.5 ? phoneFor(random) : null,
    // Visits by appointment: no public opening hours.
    openingHours: {},
    services: ['legal_publicity'],
    description: '“法润红盟”企业行联系点：律师定期走访会员企业，开展法治讲座和法治体检。',
  };
}

function chambers(): DemoOrganization[] {
  // 武进区湖塘商会 for towns and subdistricts; 武进高新区商会 for the zones.
  const township = wujinTownships.map((place) =>
    chamber(
      place.code.startsWith('3204124')
        ? `武进${place.name.replace(/^武进/, '')}商会`
        : `武进区${place.short}商会`,
      place,
    ),
  );
  const district = districtChambers.map(([name, code]) => chamber(name, townshipOf(code)));
  // The textile chamber of the first demo keeps its address in Cuiqiao industrial park.
  const textile = district.findIndex((item) => item.name === '武进区纺织商会');
  district[textile] = {
    ...(district[textile] as DemoOrganization),
    address: '常州市武进区横林镇崔桥工业园',
    latitude: 31.6955,
    longitude: 120.1331,
  };
  return [...township, ...district];
}

// ---------------------------------------------------------------------------------------------

/**
 * The whole demo directory, every organization after the one that supervises it. `villages` are
 * Wujin's villages and `villageCentres` their demo positions (for bodies sited in a village).
 */
export function demoOrganizations(
  villages: readonly DivisionInput[],
  villageCentres: ReadonlyMap<string, Centre>,
): DemoOrganization[] {
  return [
    ...bureauTree(),
    ...workstations(villageCentres),
    ...serviceStations(),
    ...grassrootsOffices(),
    ...mediationCommittees(villages, villageCentres),
    ...lawFirms(),
    ...chambers(),
  ];
}
