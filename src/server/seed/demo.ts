import { readDivisionsDirectory } from '../modules/divisions/divisions.import.js';
import { demoDivisionsDir } from '../platform/paths.js';
import type { Services } from '../services.js';
import { demoOrganizations, demoVillageCentres, wujinTownships } from './demo.organizations.js';
import { createDemoCitizen, createDemoStaff } from './demo-identity.js';
import { seedDemoVolunteers } from './demo-volunteers.js';
import { seedDemoPractitioners } from './demo-practitioners.js';

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
    const password = await createDemoStaff(services, {
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
  const password = await createDemoCitizen(services, { phone, displayName: '张三' });
  return { staff, citizen: { phone, password } };
}

/**
 * The demo jurisdiction: real divisions of Changzhou (3204) and Panzhihua (5104), a city bureau,
 * Wujin district bureau (320412) with its directory (17 legal aid workstations, 40 law firms, 48
 * chambers … see demo.organizations.ts) and demo village positions, and a neighbouring district
 * bureau (Tianning) so that jurisdiction rules have someone to keep out, and an account for each
 * administrator role, two district staff and a citizen. Runs only on an empty database (after
 * `bootstrap`, which creates the roles); returns null when there was already data.
 */
export async function seedDemo(services: Services): Promise<DemoLogins | null> {
  if ((await services.organizations.countOrganizations()) > 0) return null;
  const divisions = readDivisionsDirectory(demoDivisionsDir);
  await services.divisions.importDivisions(divisions);
  // Approximate township centres and demo village positions (see demo.organizations.ts).
  const villageCentres = demoVillageCentres(divisions);
  await services.divisions.setCentres([
    ...wujinTownships.map(({ code, latitude, longitude }) => ({ code, latitude, longitude })),
    ...villageCentres,
  ]);
  const wujinVillages = divisions.filter(
    (division) => division.code.length === 12 && division.code.startsWith('320412'),
  );
  const centresByCode = new Map(villageCentres.map(({ code, ...centre }) => [code, centre]));
  const idsByName = new Map<string, string>();
  for (const { parent, ...organization } of demoOrganizations(wujinVillages, centresByCode)) {
    const created = await services.organizations.createOrganization({
      ...organization,
      parentId: parent ? (idsByName.get(parent) ?? null) : null,
    });
    idsByName.set(created.name, created.id);
  }
  await seedDemoVolunteers(services);
  await seedDemoPractitioners(services);
  return seedDemoAccounts(services, idsByName);
}
