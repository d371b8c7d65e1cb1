import { z } from 'zod';
import { divisionCodeSchema } from './divisions.js';
import {
  organizationServices,
  organizationStatuses,
  organizationTypes,
  weekdays,
  workstationHostKinds,
} from './values.js';
import { isoDateSchema, pageSchema, paginationQuerySchema } from './common.js';
import { organizationPhotoLimit, photoCaptionMaxLength } from './photos.js';

export {
  organizationServices,
  organizationStatuses,
  organizationTypes,
  weekdays,
  workstationHostKinds,
  type OrganizationService,
  type OrganizationStatus,
  type OrganizationType,
  type Weekday,
  type WorkstationHostKind,
} from './values.js';

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
export const openingIntervalSchema = z
  .object({ opens: z.string().regex(clockTime), closes: z.string().regex(clockTime) })
  .refine((interval) => interval.opens < interval.closes, { error: 'opening_hours.interval' });
export type OpeningInterval = z.infer<typeof openingIntervalSchema>;

/** Weekly opening pattern, local (Asia/Shanghai) times; a missing day means closed. */
export const openingHoursSchema = z.partialRecord(z.enum(weekdays), z.array(openingIntervalSchema));
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** A dated exception to the weekly pattern: no intervals = closed that day (e.g. a public holiday). */
export const hoursExceptionSchema = z.strictObject({
  date: isoDateSchema,
  intervals: z.array(openingIntervalSchema).max(4),
  note: z.string().trim().max(100).default(''),
});
export type HoursException = z.infer<typeof hoursExceptionSchema>;

const hoursExceptionsSchema = z
  .array(hoursExceptionSchema)
  .max(366)
  .refine((list) => new Set(list.map((entry) => entry.date)).size === list.length, {
    error: 'opening_hours.exception_duplicate',
  });

export const organizationPhotoSchema = z.object({
  id: z.uuid(),
  url: z.string().describe('Where the image is served'),
  caption: z.string(),
});
export type OrganizationPhoto = z.infer<typeof organizationPhotoSchema>;

export const organizationSchema = z.object({
  id: z.uuid(),
  type: z.enum(organizationTypes),
  name: z.string(),
  parentId: z.uuid().nullable().describe('The supervising organization'),
  divisionCode: z.string(),
  divisionName: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  openingHours: openingHoursSchema,
  hoursExceptions: z.array(hoursExceptionSchema),
  services: z.array(z.enum(organizationServices)),
  description: z.string(),
  directions: z.string(),
  stepFree: z.boolean(),
  homeVisits: z.boolean().describe('Serves people at home (elderly, disabled, seriously ill)'),
  accessibilityNotes: z.string(),
  status: z.enum(organizationStatuses),
  statusSince: z.string().nullable().describe('YYYY-MM-DD the current status took effect'),
  establishedOn: z.string().nullable().describe('YYYY-MM-DD opened'),
  hostKind: z.enum(workstationHostKinds).nullable(),
  hostName: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  meetsStandard: z.boolean().nullable(),
  photos: z.array(organizationPhotoSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const listOrganizationsQuerySchema = paginationQuerySchema.extend({
  type: z.enum(organizationTypes).optional(),
  division: divisionCodeSchema.optional().describe('This division and every division below it'),
  status: z.enum(organizationStatuses).optional(),
  service: z.enum(organizationServices).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name or address'),
});
export type ListOrganizationsQuery = z.infer<typeof listOrganizationsQuerySchema>;

export const organizationPageSchema = pageSchema(organizationSchema);

export const organizationIdParamsSchema = z.strictObject({ id: z.uuid() });

/** What a new organization needs; used by the seed and CLI now, by staff routes later. */
export const newOrganizationSchema = z.strictObject({
  type: z.enum(organizationTypes),
  name: z.string().trim().min(2).max(100),
  parentId: z.uuid().nullable().default(null),
  divisionCode: divisionCodeSchema,
  address: z.string().trim().max(200).default(''),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  openingHours: openingHoursSchema.default({}),
  hoursExceptions: hoursExceptionsSchema.default([]),
  services: z.array(z.enum(organizationServices)).max(organizationServices.length).default([]),
  description: z.string().trim().max(2000).default(''),
  directions: z.string().trim().max(500).default(''),
  stepFree: z.boolean().default(false),
  homeVisits: z.boolean().default(false),
  accessibilityNotes: z.string().trim().max(500).default(''),
  status: z.enum(organizationStatuses).default('active'),
  statusSince: isoDateSchema.nullable().default(null),
  establishedOn: isoDateSchema.nullable().default(null),
  hostKind: z.enum(workstationHostKinds).nullable().default(null),
  hostName: z.string().trim().max(100).nullable().default(null),
  staffCount: z.number().int().min(0).max(999).nullable().default(null),
  meetsStandard: z.boolean().nullable().default(null),
});
export type NewOrganization = z.input<typeof newOrganizationSchema>;

/** A staff edit: only the fields that change, and the version the editor saw (409 if stale). */
export const updateOrganizationSchema = z.strictObject({
  name: z.string().trim().min(2).max(100).optional(),
  parentId: z.uuid().nullable().optional(),
  divisionCode: divisionCodeSchema.optional(),
  address: z.string().trim().max(200).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  openingHours: openingHoursSchema.optional(),
  hoursExceptions: hoursExceptionsSchema.optional(),
  services: z.array(z.enum(organizationServices)).max(organizationServices.length).optional(),
  description: z.string().trim().max(2000).optional(),
  directions: z.string().trim().max(500).optional(),
  stepFree: z.boolean().optional(),
  homeVisits: z.boolean().optional(),
  accessibilityNotes: z.string().trim().max(500).optional(),
  status: z.enum(organizationStatuses).optional(),
  statusSince: isoDateSchema.nullable().optional(),
  establishedOn: isoDateSchema.nullable().optional(),
  hostKind: z.enum(workstationHostKinds).nullable().optional(),
  hostName: z.string().trim().max(100).nullable().optional(),
  staffCount: z.number().int().min(0).max(999).nullable().optional(),
  meetsStandard: z.boolean().nullable().optional(),
  version: z.number().int().min(1),
});
export type OrganizationUpdate = z.infer<typeof updateOrganizationSchema>;

export const organizationPhotoParamsSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });

/** `POST /api/organizations/:id/photos?caption=…`: the image itself is the raw request body. */
export const uploadOrganizationPhotoQuerySchema = z.strictObject({
  caption: z.string().trim().max(photoCaptionMaxLength).default(''),
});

/** A new caption, a new place in the display order (0 = first), or both. */
export const updateOrganizationPhotoSchema = z
  .strictObject({
    caption: z.string().trim().max(photoCaptionMaxLength).optional(),
    position: z
      .number()
      .int()
      .min(0)
      .max(organizationPhotoLimit - 1)
      .optional(),
  })
  .refine((change) => change.caption !== undefined || change.position !== undefined, {
    path: ['caption'],
    error: 'organization_photo.nothing_to_change',
  });
export type OrganizationPhotoUpdate = z.infer<typeof updateOrganizationPhotoSchema>;
