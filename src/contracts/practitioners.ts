import { z } from 'zod';
import { isoDateSchema, pageSchema, paginationQuerySchema } from './common.js';
import { divisionCodeSchema } from './divisions.js';
import { mobilePhoneSchema, provinceCodes } from './personal-data.js';
import {
  legalSpecialties,
  licenceTypes,
  organizationTypes,
  practitionerKinds,
  practitionerStatuses,
  serviceLanguages,
  type LicenceType,
  type PractitionerKind,
} from './values.js';

export {
  legalSpecialties,
  licenceTypes,
  practitionerKinds,
  practitionerStatuses,
  serviceLanguages,
  type LegalSpecialty,
  type LicenceType,
  type PractitionerKind,
  type PractitionerStatus,
  type ServiceLanguage,
} from './values.js';

// ---- Licence rules, shared by the server, the console form and the spreadsheet import ----

/** The lawyer licences (律师执业证 and the 律师工作证 of government, company and legal aid lawyers). */
export const lawyerLicenceTypes = [
  'full_time_lawyer',
  'part_time_lawyer',
  'government_lawyer',
  'company_lawyer',
  'legal_aid_lawyer',
] as const satisfies readonly LicenceType[];

/**
 * Which licences each kind of practitioner can hold: a lawyer always holds a lawyer licence, a
 * grassroots legal worker the grassroots licence; mediators and staff may hold none.
 */
export const licenceTypesByKind: Record<PractitionerKind, readonly LicenceType[]> = {
  lawyer: lawyerLicenceTypes,
  grassroots_legal_worker: ['grassroots_legal_worker'],
  mediator: ['mediator_certificate', 'none'],
  legal_aid_staff: ['legal_aid_lawyer', 'full_time_lawyer', 'government_lawyer', 'none'],
  bureau_staff: ['government_lawyer', 'none'],
};

/** The year China's lawyer system was restored; no lawyer licence was first issued before it. */
const firstLawyerLicenceYear = 1979;

/** Spaces go, letters go upper-case: licence numbers are copied from paper by hand. */
export function normalizeLicenceNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * Lawyer licence numbers follow the Ministry of Justice's 17-digit rule: `1` (a lawyer's
 * licence), the province (2 digits) and city (2) of the firm, the year first licensed (4), the
 * practice category (1), sex (1) and a serial number (6). Grassroots and mediator certificates
 * are numbered by each province, so only their shape is checked.
 * Returns a message key, or null when the number fits the licence.
 */
export function licenceNumberProblem(
  licenceType: LicenceType,
  licenceNumber: string | null,
  today: Date = new Date(),
): string | null {
  if (licenceType === 'none') return licenceNumber ? 'licence_number.not_applicable' : null;
  if (!licenceNumber) return 'licence_number.required';
  if ((lawyerLicenceTypes as readonly string[]).includes(licenceType)) {
    if (!/^1\d{16}$/.test(licenceNumber)) return 'licence_number.lawyer_format';
    if (!provinceCodes.has(licenceNumber.slice(1, 3))) return 'licence_number.lawyer_region';
    const year = Number(licenceNumber.slice(5, 9));
    if (year < firstLawyerLicenceYear || year > today.getUTCFullYear()) {
      return 'licence_number.lawyer_year';
    }
    return null;
  }
  const shaped = /^[0-9A-Z\u4e00-\u9fa5()（）-]{6,30}$/.test(licenceNumber);
  return shaped && /\d{4}/.test(licenceNumber) ? null : 'licence_number.format';
}

/** Message key when the kind cannot hold the licence type, else null. */
export function licenceTypeProblem(
  kind: PractitionerKind,
  licenceType: LicenceType,
): string | null {
  return licenceTypesByKind[kind].includes(licenceType) ? null : 'licence_type.kind_mismatch';
}

// ---- Shapes ----

const nameSchema = z.string().trim().min(2).max(50);
const specialtiesSchema = z
  .array(z.enum(legalSpecialties))
  .max(legalSpecialties.length)
  .transform((list) => [...new Set(list)]);
const languagesSchema = z
  .array(z.enum(serviceLanguages))
  .max(serviceLanguages.length)
  .transform((list) => [...new Set(list)]);
/** A blank licence number means none. */
const licenceNumberSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value) => normalizeLicenceNumber(value) || null);
const biographySchema = z.string().trim().max(2000);

export const practitionerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(practitionerKinds),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  organizationType: z.enum(organizationTypes),
  divisionCode: z.string().describe('The current organization’s division'),
  divisionName: z.string(),
  licenceType: z.enum(licenceTypes),
  licenceNumber: z.string().nullable(),
  practisingSince: z.string().nullable().describe('YYYY-MM-DD first licensed or started'),
  specialties: z.array(z.enum(legalSpecialties)),
  languages: z.array(z.enum(serviceLanguages)),
  biography: z.string(),
  phone: z
    .string()
    .nullable()
    .describe(
      'Masked (138****5678) unless read with unmask=true by a holder of personal_data.unmask',
    ),
  photoUrl: z.string().nullable().describe('Where the photo is served (staff only)'),
  status: z.enum(practitionerStatuses),
  accountId: z.uuid().nullable().describe('The staff account the practitioner signs in with'),
  accountName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Practitioner = z.infer<typeof practitionerSchema>;

export const practitionerPageSchema = pageSchema(practitionerSchema);

export const listPractitionersQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(practitionerKinds).optional(),
  status: z.enum(practitionerStatuses).optional(),
  organization: z.uuid().optional().describe('Working at this organization'),
  division: divisionCodeSchema.optional().describe('Working in this division or below'),
  specialty: z.enum(legalSpecialties).optional(),
  language: z.enum(serviceLanguages).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe('Part of the name or licence number, or a full mobile number'),
});
export type ListPractitionersQuery = z.infer<typeof listPractitionersQuerySchema>;

/** The filters of a list without its page: what an export takes. */
export const practitionerFiltersSchema = listPractitionersQuerySchema.omit({
  limit: true,
  offset: true,
});
export type PractitionerFilters = z.infer<typeof practitionerFiltersSchema>;

export const practitionerIdParamsSchema = z.strictObject({ id: z.uuid() });

export const practitionerReadQuerySchema = z.strictObject({
  unmask: z.enum(['true', 'false']).optional().describe('Needs personal_data.unmask; audited'),
});

export const newPractitionerSchema = z.strictObject({
  kind: z.enum(practitionerKinds),
  name: nameSchema,
  organizationId: z.uuid().describe('Must be in your jurisdiction; sets the division'),
  licenceType: z.enum(licenceTypes).default('none'),
  licenceNumber: licenceNumberSchema
    .nullable()
    .default(null)
    .describe('Required unless licenceType is none; lawyers: 17 digits'),
  practisingSince: isoDateSchema.nullable().default(null),
  specialties: specialtiesSchema.default([]),
  languages: languagesSchema.default([]),
  biography: biographySchema.default(''),
  phone: mobilePhoneSchema.nullable().default(null),
  status: z.enum(practitionerStatuses).default('practising'),
  joinedOn: isoDateSchema
    .optional()
    .describe(
      'When they joined the organization: the first entry of the move history (default today)',
    ),
});
export type NewPractitioner = z.input<typeof newPractitionerSchema>;
export type NewPractitionerData = z.output<typeof newPractitionerSchema>;

/** Only the fields that change, and the version the editor saw (409 when stale). Moves are separate. */
export const updatePractitionerSchema = z.strictObject({
  kind: z.enum(practitionerKinds).optional(),
  name: nameSchema.optional(),
  licenceType: z.enum(licenceTypes).optional(),
  licenceNumber: licenceNumberSchema.nullable().optional(),
  practisingSince: isoDateSchema.nullable().optional(),
  specialties: specialtiesSchema.optional(),
  languages: languagesSchema.optional(),
  biography: biographySchema.optional(),
  phone: mobilePhoneSchema.nullable().optional(),
  status: z.enum(practitionerStatuses).optional(),
  version: z.number().int().min(1),
});
export type PractitionerUpdate = z.infer<typeof updatePractitionerSchema>;

export const newPractitionerMoveSchema = z.strictObject({
  toOrganizationId: z.uuid().describe('Must be in your jurisdiction'),
  movedOn: isoDateSchema.describe('Not in the future, not before the previous move'),
  note: z.string().trim().max(200).default(''),
  version: z.number().int().min(1).describe('The practitioner’s version you saw'),
});
export type NewPractitionerMove = z.infer<typeof newPractitionerMoveSchema>;

export const practitionerMoveSchema = z.object({
  id: z.uuid(),
  practitionerId: z.uuid(),
  fromOrganizationId: z.uuid().nullable().describe('Null for the joining entry'),
  fromOrganizationName: z.string().nullable(),
  toOrganizationId: z.uuid(),
  toOrganizationName: z.string(),
  movedOn: z.string(),
  note: z.string(),
  recordedBy: z.uuid().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PractitionerMove = z.infer<typeof practitionerMoveSchema>;

/** Newest first. */
export const practitionerMoveListSchema = z.array(practitionerMoveSchema);

export const linkAccountSchema = z.strictObject({
  accountId: z.uuid().describe('A staff account in your jurisdiction, not linked to anyone else'),
  version: z.number().int().min(1),
});
export type LinkAccount = z.infer<typeof linkAccountSchema>;

export const unlinkAccountQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});

export const practitionerPhotoQuerySchema = z.strictObject({
  v: z.string().max(40).optional().describe('Cache buster: part of the file id, set by photoUrl'),
});
