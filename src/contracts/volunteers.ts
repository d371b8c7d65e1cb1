import { z } from 'zod';
import { isoDateSchema, pageSchema, paginationQuerySchema } from './common.js';
import { divisionCodeSchema } from './divisions.js';
import { openingHoursSchema } from './organizations.js';
import { mobilePhoneSchema } from './personal-data.js';
import {
  legalSpecialties,
  serviceLanguages,
  volunteerKinds,
  volunteerRecordKinds,
  volunteerStatuses,
} from './values.js';

export {
  volunteerKinds,
  volunteerRecordKinds,
  volunteerStatuses,
  type VolunteerKind,
  type VolunteerRecordKind,
  type VolunteerStatus,
} from './values.js';

const skillsSchema = z.array(z.enum(legalSpecialties)).max(legalSpecialties.length);
const languagesSchema = z.array(z.enum(serviceLanguages)).max(serviceLanguages.length);
const nameSchema = z.string().trim().min(2).max(50);
const notesSchema = z.string().trim().max(1000);

/** Half an hour to a whole day, in tenths: what one shift or activity can last. */
export const serviceHoursSchema = z
  .number()
  .min(0.5)
  .max(24)
  .multipleOf(0.1, { error: 'hours.tenths' });

export const volunteerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(volunteerKinds),
  name: z.string(),
  phone: z
    .string()
    .nullable()
    .describe(
      'Masked (138****5678) unless asked with unmask=true by a holder of personal_data.unmask',
    ),
  organizationId: z.uuid().describe('The managing organization (usually the district bureau)'),
  organizationName: z.string(),
  divisionCode: z.string().describe('The managing organization’s division'),
  stationId: z.uuid().nullable().describe('Where the volunteer serves'),
  stationName: z.string().nullable(),
  stationDivisionCode: z.string().nullable(),
  partnerId: z.uuid().nullable().describe('The partner that recruited the volunteer'),
  partnerName: z.string().nullable(),
  skills: z.array(z.enum(legalSpecialties)),
  languages: z.array(z.enum(serviceLanguages)),
  availability: openingHoursSchema.describe('Weekly availability, shaped like opening hours'),
  joinedOn: z.string().nullable().describe('YYYY-MM-DD'),
  status: z.enum(volunteerStatuses),
  notes: z.string(),
  hoursTotal: z.number().describe('Sum of the service hours logged'),
  lastServedOn: z.string().nullable().describe('YYYY-MM-DD of the latest service logged'),
  insuredUntil: z.string().nullable().describe('The latest end date of an insurance record'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const volunteerPageSchema = pageSchema(volunteerSchema);

export const listVolunteersQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(volunteerKinds).optional(),
  status: z.enum(volunteerStatuses).optional(),
  station: z.uuid().optional().describe('Serving at this station'),
  division: divisionCodeSchema
    .optional()
    .describe('Serving at a station in this division or below (unassigned: managed there)'),
  skill: z.enum(legalSpecialties).optional(),
  language: z.enum(serviceLanguages).optional(),
  partner: z.uuid().optional().describe('Recruited by this partner'),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name, or a full mobile'),
});
export type ListVolunteersQuery = z.infer<typeof listVolunteersQuerySchema>;
/** The filters of a list without its page: what an export takes. */
export const volunteerFiltersSchema = listVolunteersQuerySchema.omit({ limit: true, offset: true });
export type VolunteerFilters = z.infer<typeof volunteerFiltersSchema>;

export const volunteerIdParamsSchema = z.strictObject({ id: z.uuid() });
export const volunteerRecordParamsSchema = z.strictObject({ id: z.uuid(), recordId: z.uuid() });
export const volunteerHoursParamsSchema = z.strictObject({ id: z.uuid(), entryId: z.uuid() });

export const volunteerReadQuerySchema = z.strictObject({
  unmask: z.enum(['true', 'false']).optional().describe('Needs personal_data.unmask; audited'),
});

export const newVolunteerSchema = z.strictObject({
  kind: z.enum(volunteerKinds),
  name: nameSchema,
  phone: mobilePhoneSchema.nullable().default(null),
  stationId: z.uuid().nullable().default(null),
  organizationId: z
    .uuid()
    .optional()
    .describe('The managing organization; default: the station’s supervising bureau, else yours'),
  partnerId: z.uuid().nullable().default(null),
  skills: skillsSchema.default([]),
  languages: languagesSchema.default([]),
  availability: openingHoursSchema.default({}),
  joinedOn: isoDateSchema.nullable().default(null),
  status: z.enum(volunteerStatuses).default('active'),
  notes: notesSchema.default(''),
});
export type NewVolunteer = z.input<typeof newVolunteerSchema>;
export type NewVolunteerData = z.output<typeof newVolunteerSchema>;

/** Only the fields that change, and the version the editor saw (409 when stale). */
export const updateVolunteerSchema = z.strictObject({
  kind: z.enum(volunteerKinds).optional(),
  name: nameSchema.optional(),
  phone: mobilePhoneSchema.nullable().optional(),
  stationId: z.uuid().nullable().optional(),
  organizationId: z.uuid().optional(),
  partnerId: z.uuid().nullable().optional(),
  skills: skillsSchema.optional(),
  languages: languagesSchema.optional(),
  availability: openingHoursSchema.optional(),
  joinedOn: isoDateSchema.nullable().optional(),
  status: z.enum(volunteerStatuses).optional(),
  notes: notesSchema.optional(),
  version: z.number().int().min(1),
});
export type VolunteerUpdate = z.infer<typeof updateVolunteerSchema>;

export const serviceHoursEntrySchema = z.object({
  id: z.uuid(),
  volunteerId: z.uuid(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  servedOn: z.string(),
  hours: z.number(),
  activity: z.string(),
  createdAt: z.string(),
});
export type ServiceHoursEntry = z.infer<typeof serviceHoursEntrySchema>;

export const newServiceHoursSchema = z.strictObject({
  servedOn: isoDateSchema.describe('Not in the future (Asia/Shanghai)'),
  hours: serviceHoursSchema,
  stationId: z.uuid().nullable().optional().describe('Default: the volunteer’s station'),
  activity: z.string().trim().min(1).max(200),
});
export type NewServiceHours = z.input<typeof newServiceHoursSchema>;

export const serviceHoursListSchema = z.object({
  items: z.array(serviceHoursEntrySchema),
  hoursTotal: z.number(),
});
export type ServiceHoursList = z.infer<typeof serviceHoursListSchema>;

export const volunteerRecordSchema = z.object({
  id: z.uuid(),
  volunteerId: z.uuid(),
  kind: z.enum(volunteerRecordKinds),
  title: z.string(),
  issuer: z.string(),
  reference: z.string(),
  recordedOn: z.string(),
  validTo: z.string().nullable(),
  hours: z.number().nullable().describe('Training hours'),
  note: z.string(),
  createdAt: z.string(),
});
export type VolunteerRecord = z.infer<typeof volunteerRecordSchema>;

export const newVolunteerRecordSchema = z.strictObject({
  kind: z.enum(volunteerRecordKinds),
  title: z.string().trim().min(2).max(100),
  issuer: z.string().trim().max(100).default(''),
  reference: z.string().trim().max(60).default('').describe('Policy or certificate number'),
  recordedOn: isoDateSchema.describe('Held, awarded, or the policy’s start'),
  validTo: isoDateSchema.nullable().default(null).describe('End of cover (required for insurance)'),
  hours: z
    .number()
    .min(0.5)
    .max(999)
    .multipleOf(0.1, { error: 'hours.tenths' })
    .nullable()
    .default(null)
    .describe('Training only'),
  note: z.string().trim().max(500).default(''),
});
export type NewVolunteerRecord = z.input<typeof newVolunteerRecordSchema>;

export const volunteerRecordQuerySchema = z.strictObject({
  kind: z.enum(volunteerRecordKinds).optional(),
});

export const volunteerSummaryQuerySchema = z.strictObject({
  division: divisionCodeSchema.optional().describe('This division and below (default: all yours)'),
});
export type VolunteerSummaryQuery = z.infer<typeof volunteerSummaryQuerySchema>;

export const volunteerSummarySchema = z.object({
  total: z.number().int(),
  byKind: z.record(z.enum(volunteerKinds), z.number().int()),
  byStatus: z.record(z.enum(volunteerStatuses), z.number().int()),
  year: z.number().int().describe('The calendar year of the hours (Asia/Shanghai)'),
  hoursThisYear: z.number(),
  stations: z.array(
    z.object({
      stationId: z.uuid().nullable(),
      stationName: z.string().nullable(),
      hours: z.number(),
      volunteers: z.number().int().describe('Volunteers who served there this year'),
    }),
  ),
  activeUninsured: z.number().int().describe('Active volunteers with no insurance cover today'),
  insuranceExpiring: z.array(
    z.object({
      volunteerId: z.uuid(),
      volunteerName: z.string(),
      stationName: z.string().nullable(),
      title: z.string(),
      validTo: z.string(),
      daysLeft: z.number().int(),
    }),
  ),
});
export type VolunteerSummary = z.infer<typeof volunteerSummarySchema>;
