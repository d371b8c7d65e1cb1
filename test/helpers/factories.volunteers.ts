import type { Organization } from '../../src/contracts/organizations.js';
import type { NewPartner } from '../../src/contracts/partners.js';
import type { NewVolunteer } from '../../src/contracts/volunteers.js';
import type { TestContext } from './app.js';
import { buildOrganization } from './factories.js';

let sequence = 0;

/** A mainland mobile number no other test volunteer has. */
export function uniqueMobile(): string {
  sequence += 1;
  return `139${String(10_000_000 + sequence * 7919).slice(-8)}`;
}

/** A valid new volunteer; override what the test is about. */
export function buildVolunteer(overrides: Partial<NewVolunteer> = {}): NewVolunteer {
  sequence += 1;
  return {
    kind: 'retired_judge',
    name: `测试志愿者${sequence}`,
    phone: uniqueMobile(),
    skills: ['labour', 'marriage_family'],
    languages: ['mandarin', 'wu_dialect'],
    availability: { tue: [{ opens: '09:00', closes: '11:30' }] },
    joinedOn: '2026-03-01',
    ...overrides,
  };
}

export function buildPartner(overrides: Partial<NewPartner> = {}): NewPartner {
  sequence += 1;
  return {
    kind: 'social_organization',
    name: `测试社会组织${sequence}`,
    contactName: '联络员',
    contactPhone: '0519-86001234',
    ...overrides,
  };
}

/**
 * A legal aid centre under `bureauId` and one of its workstations in `divisionCode`, as a district
 * bureau runs them: the station's supervising bureau is `bureauId`.
 */
export async function createWorkstation(
  context: TestContext,
  bureauId: string,
  divisionCode = '320412100',
): Promise<{ centre: Organization; station: Organization }> {
  sequence += 1;
  const centre = await context.services.organizations.createOrganization(
    buildOrganization({
      type: 'legal_aid_centre',
      name: `测试法律援助中心${sequence}`,
      divisionCode: divisionCode.slice(0, 6),
      parentId: bureauId,
    }),
  );
  const station = await context.services.organizations.createOrganization(
    buildOrganization({
      type: 'legal_aid_station',
      name: `测试法律援助工作站${sequence}`,
      divisionCode,
      parentId: centre.id,
    }),
  );
  return { centre, station };
}
