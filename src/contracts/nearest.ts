import { z } from 'zod';
import { openingHoursSchema } from './organizations.js';
import { divisionCodeSchema } from './divisions.js';
import { organizationTypes, weekdays } from './values.js';

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `GET /api/organizations/nearest`: the active organizations closest to a point. */
/** A number from the query string; an empty value is missing, not zero. */
const coordinate = (min: number, max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().min(min).max(max));

export const nearestQuerySchema = z
  .strictObject({
    lat: coordinate(-90, 90).optional().describe('Latitude (WGS 84), degrees; with lng'),
    lng: coordinate(-180, 180).optional().describe('Longitude (WGS 84), degrees; with lat'),
    division: divisionCodeSchema
      .optional()
      .describe('Instead of a point: a village or township, located at its recorded centre'),
    type: z.enum(organizationTypes).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .refine((query) => (query.lat === undefined) === (query.lng === undefined), {
    path: ['lng'],
    error: 'nearest.point.pair',
  })
  .refine((query) => query.division !== undefined || query.lat !== undefined, {
    path: ['lat'],
    error: 'nearest.origin.required',
  });
export type NearestQuery = z.infer<typeof nearestQuerySchema>;

export const nearestOrganizationSchema = z.object({
  id: z.uuid(),
  type: z.enum(organizationTypes),
  name: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  openingHours: openingHoursSchema,
  distanceMetres: z.number().int().describe('Great-circle distance, rounded to the metre'),
  openNow: z.boolean().describe('Open at the time of the request, Asia/Shanghai local time'),
  closesAt: z.string().regex(clockTime).optional().describe('When open: closing time today'),
  opensNext: z
    .object({
      date: z.iso.date(),
      day: z.enum(weekdays),
      time: z.string().regex(clockTime),
    })
    .optional()
    .describe('When closed: the next opening within a month, holidays and closures counted'),
  note: z
    .string()
    .optional()
    .describe('The note of the exception to the weekly hours that applies today, if any'),
});
export type NearestOrganization = z.infer<typeof nearestOrganizationSchema>;

/** Nearest first. */
export const nearestResultSchema = z.array(nearestOrganizationSchema);
export type NearestResult = z.infer<typeof nearestResultSchema>;
