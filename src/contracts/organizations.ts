import { z } from 'zod';
import { divisionCodeSchema } from './divisions.js';
import { organizationStatuses, organizationTypes, weekdays } from './values.js';
import { pageSchema, paginationQuerySchema } from './common.js';

export {
  organizationStatuses,
  organizationTypes,
  weekdays,
  type OrganizationStatus,
  type OrganizationType,
  type Weekday,
} from './values.js';

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
export const openingIntervalSchema = z
  .object({ opens: z.string().regex(clockTime), closes: z.string().regex(clockTime) })
  .refine((interval) => interval.opens < interval.closes, { error: 'opening_hours.interval' });
export type OpeningInterval = z.infer<typeof openingIntervalSchema>;

/** Weekly opening pattern, local (Asia/Shanghai) times; a missing day means closed. */
export const openingHoursSchema = z.partialRecord(z.enum(weekdays), z.array(openingIntervalSchema));
export type OpeningHours = z.infer<typeof openingHoursSchema>;

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
  status: z.enum(organizationStatuses),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const listOrganizationsQuerySchema = paginationQuerySchema.extend({
  type: z.enum(organizationTypes).optional(),
  division: divisionCodeSchema.optional().describe('This division and every division below it'),
  status: z.enum(organizationStatuses).optional(),
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
  status: z.enum(organizationStatuses).default('active'),
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
  status: z.enum(organizationStatuses).optional(),
  version: z.number().int().min(1),
});
export type OrganizationUpdate = z.infer<typeof updateOrganizationSchema>;
