import type { DivisionChangeType, DivisionKind, DivisionLevel } from '../../contracts/divisions.js';
import type {
  OrganizationStatus,
  OrganizationType,
  Weekday,
} from '../../contracts/organizations.js';

/**
 * Returns `list` unchanged, but only type-checks when it names every member of the union `T`.
 * The web apps restate the contracts' enum arrays through this because importing those arrays
 * at run time would pull zod (about 26 KB gzipped) into the portal's first load.
 */
function everyMemberOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;
}

export const organizationTypeValues = everyMemberOf<OrganizationType>()([
  'justice_bureau',
  'bureau_section',
  'law_firm',
  'grassroots_office',
  'service_centre',
  'service_station',
  'service_room',
  'legal_aid_centre',
  'legal_aid_station',
  'chamber_of_commerce',
  'federation_of_industry',
  'enterprise_service_centre',
  'mediation_committee',
]);

export const organizationStatusValues = everyMemberOf<OrganizationStatus>()([
  'active',
  'suspended',
  'closed',
]);

export const divisionLevelValues = everyMemberOf<DivisionLevel>()([
  'province',
  'city',
  'district',
  'township',
  'village',
]);

export const divisionKindValues = everyMemberOf<DivisionKind>()([
  'province',
  'city',
  'district',
  'county',
  'town',
  'subdistrict',
  'township',
  'village',
  'community',
  'other',
]);

export const divisionChangeTypeValues = everyMemberOf<DivisionChangeType>()([
  'established',
  'renamed',
  'merged',
  'abolished',
]);

/** Monday first, as Chinese calendars and office notices are written. */
export const weekdayValues = everyMemberOf<Weekday>()([
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
]);

export function isOrganizationType(value: string | null): value is OrganizationType {
  return value !== null && (organizationTypeValues as readonly string[]).includes(value);
}

export function isOrganizationStatus(value: string | null): value is OrganizationStatus {
  return value !== null && (organizationStatusValues as readonly string[]).includes(value);
}

/** GB/T 2260 codes of 2, 4 or 6 digits, extended to 9 (township) and 12 (village). */
export function isDivisionCode(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(value);
}
