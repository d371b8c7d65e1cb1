import { z } from 'zod';
import {
  divisionChangeTypes,
  divisionCodePattern,
  divisionKinds,
  divisionLevels,
} from './values.js';
import { isoDateSchema, pageSchema, paginationQuerySchema, queryBooleanSchema } from './common.js';

export {
  divisionChangeTypes,
  divisionCodeLengths,
  divisionKinds,
  divisionLevels,
  type DivisionChangeType,
  type DivisionKind,
  type DivisionLevel,
} from './values.js';

export const divisionCodeSchema = z
  .string()
  .regex(divisionCodePattern, { error: 'division.code.format' });

export const divisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(divisionLevels),
  kind: z.enum(divisionKinds),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable().describe('Last day the division existed; null while it exists'),
  successorCode: z.string().nullable().describe('Where a merged division went'),
  latitude: z.number().nullable().describe('Recorded centre (WGS 84), where known'),
  longitude: z.number().nullable(),
});
export type Division = z.infer<typeof divisionSchema>;

export const divisionSummarySchema = divisionSchema.pick({ code: true, name: true, level: true });
export type DivisionSummary = z.infer<typeof divisionSummarySchema>;

export const divisionDetailSchema = divisionSchema.extend({
  path: z.array(divisionSummarySchema).describe('From the province down to this division'),
  childCount: z.number().int(),
});
export type DivisionDetail = z.infer<typeof divisionDetailSchema>;

export const listDivisionsQuerySchema = paginationQuerySchema.extend({
  parent: divisionCodeSchema.optional().describe('List the children of this division'),
  level: z.enum(divisionLevels).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name'),
  asOf: isoDateSchema.optional().describe('Divisions as they stood on this date (default today)'),
  includeAbolished: queryBooleanSchema.optional(),
});
export type ListDivisionsQuery = z.infer<typeof listDivisionsQuerySchema>;

export const divisionPageSchema = pageSchema(divisionSchema);

export const divisionCodeParamsSchema = z.strictObject({ code: divisionCodeSchema });

/** `PATCH /api/divisions/:code/centre`: where a village or township is (WGS 84). */
export const divisionCentreSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type DivisionCentre = z.infer<typeof divisionCentreSchema>;

export const divisionChangeSchema = z.object({
  id: z.number().int(),
  divisionCode: z.string(),
  changeType: z.enum(divisionChangeTypes),
  effectiveDate: z.string(),
  previousName: z.string().nullable(),
  newName: z.string().nullable(),
  successorCode: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type DivisionChange = z.infer<typeof divisionChangeSchema>;
