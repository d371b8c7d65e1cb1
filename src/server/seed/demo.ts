import type { NewOrganization, OpeningHours } from '../../contracts/organizations.js';
import { readDivisionsDirectory } from '../modules/divisions/divisions.import.js';
import { demoDivisionsDir } from '../platform/paths.js';
import type { Services } from '../services.js';

const officeHours: OpeningHours = {
  mon: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:30' },
  ],
  tue: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:30' },
  ],
  wed: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:30' },
  ],
  thu: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:30' },
  ],
  fri: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:00' },
  ],
};

const firmHours: OpeningHours = {
  ...officeHours,
  sat: [{ opens: '09:00', closes: '12:00' }],
};

/**
 * Wujin's 18 townships, subdistricts and zones with approximate centres (WGS 84, about ±1 km):
 * enough to measure "nearest" for the demo; a deployment records surveyed centres.
 */
const wujinTownships: Array<{ code: string; name: string; latitude: number; longitude: number }> = [
  { code: '320412001', name: '戚墅堰街道', latitude: 31.727, longitude: 120.0615 },
  { code: '320412002', name: '丁堰街道', latitude: 31.765, longitude: 120.027 },
  { code: '320412003', name: '潞城街道', latitude: 31.786, longitude: 120.048 },
  { code: '320412100', name: '湖塘镇', latitude: 31.7066, longitude: 119.9536 },
  { code: '320412102', name: '牛塘镇', latitude: 31.7115, longitude: 119.8925 },
  { code: '320412103', name: '洛阳镇', latitude: 31.6603, longitude: 120.0905 },
  { code: '320412104', name: '遥观镇', latitude: 31.7472, longitude: 120.0781 },
  { code: '320412105', name: '横林镇', latitude: 31.6921, longitude: 120.1282 },
  { code: '320412106', name: '横山桥镇', latitude: 31.732, longitude: 120.149 },
  { code: '320412110', name: '雪堰镇', latitude: 31.5455, longitude: 120.1184 },
  { code: '320412113', name: '前黄镇', latitude: 31.5982, longitude: 119.9454 },
  { code: '320412114', name: '礼嘉镇', latitude: 31.621, longitude: 120.027 },
  { code: '320412119', name: '嘉泽镇', latitude: 31.648, longitude: 119.812 },
  { code: '320412120', name: '湟里镇', latitude: 31.5903, longitude: 119.7971 },
  { code: '320412400', name: '武进经济开发区', latitude: 31.662, longitude: 119.865 },
  { code: '320412411', name: '高新区', latitude: 31.678, longitude: 119.956 },
  { code: '320412412', name: '西太湖生态休闲区', latitude: 31.711, longitude: 119.835 },
  { code: '320412413', name: '太湖旅游度假区', latitude: 31.528, longitude: 120.042 },
];

/** The seed district's 17 legal aid workstations: one in every township but the lake resort. */
const legalAidTownships = wujinTownships.filter((township) => township.code !== '320412413');

type DemoOrganization = Omit<NewOrganization, 'parentId'> & { parent?: string };

function demoOrganizations(): DemoOrganization[] {
  const bureau = '武进区司法局';
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
    },
    {
      type: 'justice_bureau',
      name: bureau,
      parent: '常州市司法局',
      divisionCode: '320412',
      address: '常州市武进区湖塘镇延政中路2号',
      latitude: 31.7186,
      longitude: 119.9425,
      phone: '0519-86311234',
      openingHours: officeHours,
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
    },
    {
      type: 'service_centre',
      name: '武进区公共法律服务中心',
      parent: bureau,
      divisionCode: '320412',
      address: '常州市武进区湖塘镇人民中路168号',
      latitude: 31.7101,
      longitude: 119.9512,
      phone: '12348',
      openingHours: officeHours,
    },
    {
      type: 'legal_aid_centre',
      name: '武进区法律援助中心',
      parent: bureau,
      divisionCode: '320412',
      address: '常州市武进区湖塘镇人民中路168号一楼',
      latitude: 31.7102,
      longitude: 119.9514,
      phone: '0519-86312348',
      openingHours: officeHours,
    },
    ...legalAidTownships.map((township): DemoOrganization => ({
      type: 'legal_aid_station',
      name: `武进区法律援助中心${township.name}工作站`,
      parent: '武进区法律援助中心',
      divisionCode: township.code,
      address: `常州市武进区${township.name}人民政府便民服务中心`,
      latitude: township.latitude,
      longitude: township.longitude,
      phone: null,
      openingHours: officeHours,
    })),
    ...wujinTownships
      .filter((township) =>
        ['320412100', '320412102', '320412103', '320412104'].includes(township.code),
      )
      .map((township): DemoOrganization => ({
        type: 'service_station',
        name: `${township.name}公共法律服务工作站`,
        parent: bureau,
        divisionCode: township.code,
        address: `常州市武进区${township.name}司法所`,
        latitude: township.latitude + 0.002,
        longitude: township.longitude + 0.002,
        phone: null,
        openingHours: officeHours,
      })),
    {
      type: 'law_firm',
      name: '江苏常武律师事务所',
      parent: bureau,
      divisionCode: '320412100',
      address: '常州市武进区湖塘镇花园街88号',
      latitude: 31.7089,
      longitude: 119.9601,
      phone: '0519-86550001',
      openingHours: firmHours,
    },
    {
      type: 'law_firm',
      name: '江苏延陵律师事务所',
      parent: bureau,
      divisionCode: '320412100',
      address: '常州市武进区湖塘镇长虹路66号',
      latitude: 31.7032,
      longitude: 119.9477,
      phone: '0519-86550002',
      openingHours: firmHours,
    },
    {
      type: 'grassroots_office',
      name: '武进区湖塘法律服务所',
      parent: bureau,
      divisionCode: '320412100',
      address: '常州市武进区湖塘镇府前路3号',
      latitude: 31.7058,
      longitude: 119.9552,
      phone: '0519-86550003',
      openingHours: officeHours,
    },
    {
      type: 'chamber_of_commerce',
      name: '武进区纺织商会',
      parent: bureau,
      divisionCode: '320412105',
      address: '常州市武进区横林镇崔桥工业园',
      latitude: 31.6955,
      longitude: 120.1331,
      phone: null,
      openingHours: {},
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
    },
  ];
}

export interface DemoLogins {
  staff: Array<{ username: string; password: string; role: string; organization: string }>;
  citizen: { phone: string; password: string };
}

const demoStaff = [
  {
    username: 'admin',
    role: 'system_admin',
    organization: '常州市司法局',
    displayName: '系统管理员',
  },
  {
    username: 'security',
    role: 'security_admin',
    organization: '常州市司法局',
    displayName: '安全管理员',
  },
  {
    username: 'auditor',
    role: 'audit_admin',
    organization: '常州市司法局',
    displayName: '审计管理员',
  },
  {
    username: 'wujin',
    role: 'bureau_staff',
    organization: '武进区司法局',
    displayName: '武进区司法局 王科长',
  },
  {
    username: 'tianning',
    role: 'bureau_staff',
    organization: '天宁区司法局',
    displayName: '天宁区司法局 李科长',
  },
] as const;

/**
 * Demo accounts get random passwords, returned once so the start banner can print them: the
 * platform never has a default password, not even in a demo.
 */
async function seedDemoAccounts(
  services: Services,
  idsByName: Map<string, string>,
): Promise<DemoLogins> {
  const staff: DemoLogins['staff'] = [];
  for (const account of demoStaff) {
    const roleCodes =
      account.username === 'wujin' ? [account.role, 'personal_data_officer'] : [account.role];
    const password = await services.identity.createDemoStaff({
      username: account.username,
      displayName: account.displayName,
      organizationId: idsByName.get(account.organization) ?? null,
      roleCodes,
      // The administrator changes the printed password at first sign-in, as in production.
      mustChangePassword: account.role === 'system_admin',
    });
    staff.push({
      username: account.username,
      password,
      role: roleCodes.join('+'),
      organization: account.organization,
    });
  }
  const phone = '13800000000';
  const password = await services.identity.createDemoCitizen({ phone, displayName: '张三' });
  return { staff, citizen: { phone, password } };
}

/**
 * The demo jurisdiction: real divisions of Changzhou (3204) and Panzhihua (5104), a city bureau,
 * Wujin district bureau (320412) with its centres, stations and firms, and a neighbouring district
 * bureau (Tianning) so that jurisdiction rules have someone to keep out, and an account for each
 * administrator role, two district staff and a citizen. Runs only on an empty database (after
 * `bootstrap`, which creates the roles); returns null when there was already data.
 */
export async function seedDemo(services: Services): Promise<DemoLogins | null> {
  if ((await services.organizations.countOrganizations()) > 0) return null;
  await services.divisions.importDivisions(readDivisionsDirectory(demoDivisionsDir));
  for (const township of wujinTownships) {
    await services.divisions.setCentre(township.code, township.latitude, township.longitude);
  }
  const idsByName = new Map<string, string>();
  for (const { parent, ...organization } of demoOrganizations()) {
    const created = await services.organizations.createOrganization({
      ...organization,
      parentId: parent ? (idsByName.get(parent) ?? null) : null,
    });
    idsByName.set(created.name, created.id);
  }
  return seedDemoAccounts(services, idsByName);
}
