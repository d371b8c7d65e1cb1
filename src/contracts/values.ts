// The closed sets of values of the API, free of zod so the web apps can import them at run time
// without pulling the validation library into the portal's first load.

export const divisionLevels = ['province', 'city', 'district', 'township', 'village'] as const;
export type DivisionLevel = (typeof divisionLevels)[number];

/** Code length per level: GB/T 2260 (2, 4, 6 digits) extended by the statistical codes (9, 12). */
export const divisionCodeLengths: Record<DivisionLevel, number> = {
  province: 2,
  city: 4,
  district: 6,
  township: 9,
  village: 12,
};

export const divisionCodePattern = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

export function isDivisionCode(value: string | null | undefined): value is string {
  return typeof value === 'string' && divisionCodePattern.test(value);
}

export const divisionKinds = [
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
] as const;
export type DivisionKind = (typeof divisionKinds)[number];

export const divisionChangeTypes = ['established', 'renamed', 'merged', 'abolished'] as const;
export type DivisionChangeType = (typeof divisionChangeTypes)[number];

export const organizationTypes = [
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
] as const;
export type OrganizationType = (typeof organizationTypes)[number];

export function isOrganizationType(value: string | null): value is OrganizationType {
  return value !== null && (organizationTypes as readonly string[]).includes(value);
}

export const organizationStatuses = ['active', 'suspended', 'closed'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export function isOrganizationStatus(value: string | null): value is OrganizationStatus {
  return value !== null && (organizationStatuses as readonly string[]).includes(value);
}

/** Monday first, as Chinese calendars and office notices are written. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
