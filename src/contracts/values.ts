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

/**
 * Organizations that meet the public, where volunteers serve and partners help out: not firms,
 * chambers or bureaus.
 */
export const servicePointTypes: readonly OrganizationType[] = [
  'service_centre',
  'service_station',
  'service_room',
  'legal_aid_centre',
  'legal_aid_station',
  'grassroots_office',
  'enterprise_service_centre',
  'mediation_committee',
];

export const organizationStatuses = ['active', 'suspended', 'closed'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export function isOrganizationStatus(value: string | null): value is OrganizationStatus {
  return value !== null && (organizationStatuses as readonly string[]).includes(value);
}

/** Monday first, as Chinese calendars and office notices are written. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** What an organization offers the public; the directory filters by these. */
export const organizationServices = [
  'legal_consultation',
  'legal_aid_intake',
  'mediation',
  'document_drafting',
  'litigation_representation',
  'legal_health_check',
  'legal_publicity',
  'notarization_referral',
  'petition_reception',
] as const;
export type OrganizationService = (typeof organizationServices)[number];

export function isOrganizationService(value: string | null): value is OrganizationService {
  return value !== null && (organizationServices as readonly string[]).includes(value);
}

/** Who hosts a legal aid workstation (the seeds: petitions bureau, village committees, parks …). */
export const workstationHostKinds = [
  'township_government',
  'petitions_bureau',
  'court',
  'village_committee',
  'community',
  'industrial_park',
  'trade_union',
  'women_federation',
  'other',
] as const;
export type WorkstationHostKind = (typeof workstationHostKinds)[number];

export const practitionerKinds = [
  'lawyer',
  'grassroots_legal_worker',
  'mediator',
  'legal_aid_staff',
  'bureau_staff',
] as const;
export type PractitionerKind = (typeof practitionerKinds)[number];

/** Licence or certificate types (执业证类型); `none` for staff who practise without one. */
export const licenceTypes = [
  'full_time_lawyer',
  'part_time_lawyer',
  'government_lawyer',
  'company_lawyer',
  'legal_aid_lawyer',
  'grassroots_legal_worker',
  'mediator_certificate',
  'none',
] as const;
export type LicenceType = (typeof licenceTypes)[number];

export const practitionerStatuses = ['practising', 'suspended', 'left'] as const;
export type PractitionerStatus = (typeof practitionerStatuses)[number];

/** Areas of law a practitioner or volunteer can help with; also the skills of volunteers. */
export const legalSpecialties = [
  'labour',
  'marriage_family',
  'contract',
  'property',
  'criminal',
  'administrative',
  'company',
  'traffic_accident',
  'medical_dispute',
  'land_rural',
  'consumer',
  'debt',
  'inheritance',
  'psychological_support',
] as const;
export type LegalSpecialty = (typeof legalSpecialties)[number];

/** Languages a practitioner or volunteer serves in (Changzhou dialect and sign language matter). */
export const serviceLanguages = [
  'mandarin',
  'wu_dialect',
  'english',
  'japanese',
  'korean',
  'sign_language',
] as const;
export type ServiceLanguage = (typeof serviceLanguages)[number];

export const volunteerKinds = [
  'graduate',
  'retired_judge',
  'retired_prosecutor',
  'psychological_counsellor',
  'lawyer',
  'other',
] as const;
export type VolunteerKind = (typeof volunteerKinds)[number];

export const volunteerStatuses = ['active', 'paused', 'left'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

/** What a volunteer's record is about: training, commendations and rewards, insurance. */
export const volunteerRecordKinds = [
  'training',
  'commendation',
  'reward',
  'insurance',
  'rights_protection',
] as const;
export type VolunteerRecordKind = (typeof volunteerRecordKinds)[number];

/** Who recruits volunteers or helps run stations (the civilization office, social organizations …). */
export const partnerKinds = [
  'civilization_office',
  'social_organization',
  'law_firm',
  'university',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];
