// The demo district's practitioners: lawyers in the law firms, grassroots legal workers in the
// grassroots offices, mediators in the mediation committees, legal aid staff in the legal aid
// centre and its workstations, and a few bureau staff. Names, numbers and phones are made up;
// licence numbers have the real shapes. Deterministic: a seeded PRNG, never Math.random, so every
// demo database holds the same people.

import { pick, seededRandom, type Random } from '../platform/random.js';
import type { Organization, OrganizationType } from '../../contracts/organizations.js';
import type { NewPractitioner } from '../../contracts/practitioners.js';
import type {
  LegalSpecialty,
  LicenceType,
  PractitionerKind,
  PractitionerStatus,
  ServiceLanguage,
} from '../../contracts/values.js';
import type { Services } from '../services.js';

const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));
const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return chosen;
}

const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾蒋蔡钱汤恽庄是盛',
];
const givenNames = [
  '建华', '晓东', '海燕', '志明', '雅琴', '俊杰', '红梅', '立新', '文斌', '丽娟',
  '国栋', '敏', '洁', '磊', '静怡', '子涵', '浩然', '思远', '佳琪', '宇轩',
  '晨', '永康', '秀兰', '卫东', '春华', '建军', '雪梅', '德明', '玉芬', '振宇',
  '倩', '伟', '芳', '勇', '婷婷', '嘉怡', '明轩', '亦菲', '一鸣', '书瑶',
] as const; // prettier-ignore

/** What each kind of practitioner mostly handles; the demo picks from these. */
const specialtiesByKind: Record<PractitionerKind, readonly LegalSpecialty[]> = {
  lawyer: ['labour', 'marriage_family', 'contract', 'property', 'criminal', 'administrative', 'company', 'traffic_accident', 'medical_dispute', 'debt', 'inheritance'],
  grassroots_legal_worker: ['labour', 'marriage_family', 'contract', 'debt', 'land_rural', 'traffic_accident', 'inheritance', 'consumer'],
  mediator: ['marriage_family', 'land_rural', 'property', 'inheritance', 'consumer', 'psychological_support'],
  legal_aid_staff: ['labour', 'marriage_family', 'traffic_accident', 'criminal', 'inheritance'],
  bureau_staff: ['administrative', 'land_rural', 'labour'],
}; // prettier-ignore

interface Group {
  kind: PractitionerKind;
  types: readonly OrganizationType[];
  count: number;
}

/** About 120 people, spread over the organizations of each type in turn. */
const groups: readonly Group[] = [
  { kind: 'lawyer', types: ['law_firm'], count: 64 },
  { kind: 'grassroots_legal_worker', types: ['grassroots_office'], count: 20 },
  { kind: 'mediator', types: ['mediation_committee'], count: 18 },
  { kind: 'legal_aid_staff', types: ['legal_aid_centre', 'legal_aid_station'], count: 14 },
  { kind: 'bureau_staff', types: ['justice_bureau', 'bureau_section'], count: 4 },
];

/** A lawyer licence number: 1, Jiangsu (32), Changzhou (04), year, category, sex, serial. */
function lawyerNumber(year: number, category: number, sex: number, serial: number): string {
  return `13204${year}${category}${sex}${pad(serial, 6)}`;
}

interface Licence {
  licenceType: LicenceType;
  licenceNumber: string | null;
  year: number;
}

function licenceFor(kind: PractitionerKind, random: Random, serial: number): Licence {
  const year = between(random, 1998, 2023);
  const sex = between(random, 0, 1);
  switch (kind) {
    case 'lawyer': {
      const partTime = random() < 0.12;
      return {
        licenceType: partTime ? 'part_time_lawyer' : 'full_time_lawyer',
        licenceNumber: lawyerNumber(year, partTime ? 2 : 1, sex, serial),
        year,
      };
    }
    case 'grassroots_legal_worker':
      // Numbered by the province: district, year of the certificate and a serial.
      return {
        licenceType: 'grassroots_legal_worker',
        licenceNumber: `320412${year}${pad(serial, 4)}`,
        year,
      };
    case 'mediator':
      return random() < 0.5
        ? { licenceType: 'mediator_certificate', licenceNumber: `TJ320412${year}${pad(serial, 4)}`, year }
        : { licenceType: 'none', licenceNumber: null, year };
    case 'legal_aid_staff':
      return random() < 0.4
        ? { licenceType: 'legal_aid_lawyer', licenceNumber: lawyerNumber(year, 8, sex, serial), year }
        : { licenceType: 'none', licenceNumber: null, year };
    case 'bureau_staff':
      return random() < 0.5
        ? { licenceType: 'government_lawyer', licenceNumber: lawyerNumber(year, 6, sex, serial), year }
        : { licenceType: 'none', licenceNumber: null, year };
  }
} // prettier-ignore

function languagesFor(random: Random): ServiceLanguage[] {
  const languages: ServiceLanguage[] = ['mandarin'];
  if (random() < 0.6) languages.push('wu_dialect');
  if (random() < 0.12) languages.push('english');
  if (random() < 0.04) languages.push('sign_language');
  if (random() < 0.03) languages.push('japanese');
  return languages;
}

function statusFor(random: Random): PractitionerStatus {
  const draw = random();
  return draw < 0.04 ? 'left' : draw < 0.08 ? 'suspended' : 'practising';
}

/** A plausible mobile number; about one in ten people left their phone off the record. */
function phoneFor(random: Random): string | null {
  if (random() < 0.1) return null;
  return `1${pick(random, ['38', '39', '50', '51', '58', '59', '77', '80', '87', '89'])}${pad(between(random, 0, 99_999_999), 8)}`;
}

/** The new practitioners of one group, round-robin over its organizations (none: no one). */
function planGroup(group: Group, places: Organization[], random: Random, serial: () => number) {
  if (places.length === 0) return [];
  return Array.from({ length: group.count }, (_, index): NewPractitioner => {
    const place = places[index % places.length] as Organization;
    const licence = licenceFor(group.kind, random, serial());
    const joinedYear = between(random, licence.year + 1, 2024);
    return {
      kind: group.kind,
      name: `${pick(random, surnames)}${pick(random, givenNames)}`,
      organizationId: place.id,
      licenceType: licence.licenceType,
      licenceNumber: licence.licenceNumber,
      practisingSince: `${licence.year}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`,
      specialties: pickSome(random, specialtiesByKind[group.kind], between(random, 1, 3)),
      languages: languagesFor(random),
      phone: phoneFor(random),
      status: statusFor(random),
      joinedOn: `${joinedYear}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`,
    };
  });
}

/**
 * The people to create for the given organizations. Pure and deterministic: the same
 * organizations always give the same people.
 */
export function planDemoPractitioners(organizations: Organization[]): NewPractitioner[] {
  const random = seededRandom(0x5eed_f00d);
  let next = 100;
  const serial = () => (next += between(random, 1, 37));
  const sorted = [...organizations].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return groups.flatMap((group) =>
    planGroup(
      group,
      sorted.filter((organization) => group.types.includes(organization.type)),
      random,
      serial,
    ),
  );
}

/** Every organization of the district, whatever the page size. */
async function organizationsOf(services: Services, division: string): Promise<Organization[]> {
  const all: Organization[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await services.organizations.listOrganizations({ division, limit: 200, offset });
    all.push(...page.items);
    if (all.length >= page.total || page.items.length === 0) return all;
  }
}

interface SeededLawyer {
  id: string;
  organizationId: string;
  joinedOn: string;
  version: number;
}

/** Every seventh lawyer changed firms once, in 2025: the move history has something to show. */
async function seedMoves(services: Services, lawyers: SeededLawyer[], firms: string[]) {
  if (firms.length < 2) return;
  const random = seededRandom(0x00c0_ffee);
  for (const [index, lawyer] of lawyers.entries()) {
    if (index % 7 !== 3) continue;
    const from = firms.indexOf(lawyer.organizationId);
    const target = firms[(from + 1 + (index % (firms.length - 1))) % firms.length] as string;
    if (target === lawyer.organizationId) continue;
    await services.practitioners.movePractitioner(
      lawyer.id,
      {
        toOrganizationId: target,
        movedOn: `2025-${pad(between(random, 1, 6))}-${pad(between(random, 1, 28))}`,
        note: pick(random, ['转所执业', '因工作需要调动', '加入新设律师事务所']),
        version: lawyer.version,
      },
      { actor: null, ip: null },
    );
  }
}

/**
 * Creates the demo practitioners of Wujin (320412) after its organizations, with a few moves.
 * Returns how many were created.
 */
export async function seedDemoPractitioners(services: Services): Promise<number> {
  const organizations = (await organizationsOf(services, '320412')).filter(
    (organization) => organization.status !== 'closed',
  );
  const plan = planDemoPractitioners(organizations);
  const lawyers: SeededLawyer[] = [];
  for (const input of plan) {
    const created = await services.practitioners.createPractitioner(input);
    if (created.kind === 'lawyer') {
      lawyers.push({ ...created, joinedOn: input.joinedOn as string });
    }
  }
  const firms = organizations
    .filter((organization) => organization.type === 'law_firm')
    .map((organization) => organization.id);
  await seedMoves(services, lawyers, firms);
  return plan.length;
}
