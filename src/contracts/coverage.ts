import { z } from 'zod';
import { divisionCodeSchema, divisionSummarySchema } from './divisions.js';
import {
  divisionCodePattern,
  divisionKinds,
  organizationServices,
  workstationHostKinds,
} from './values.js';

/**
 * `GET /api/coverage`: which public legal services lie within reach of each township and village
 * of a district, so the bureau can place new legal aid workstations where people are farthest
 * from one ("资源跟着需求走").
 */

/** The public legal service points counted beside the legal aid workstations, per township. */
export const coveragePointTypes = [
  'service_station',
  'service_room',
  'grassroots_office',
  'law_firm',
  'mediation_committee',
] as const;
export type CoveragePointType = (typeof coveragePointTypes)[number];

/** The reach a planner may ask about, in kilometres. */
export const coverageWithinKmBounds = { min: 0.5, max: 50, default: 5 } as const;

// A malformed code is reported once, by the format check, not again as the wrong level.
const districtOrTownshipCode = divisionCodeSchema.refine(
  (code) => !divisionCodePattern.test(code) || code.length === 6 || code.length === 9,
  { error: 'coverage.division.level' },
);

export const coverageQuerySchema = z.strictObject({
  division: districtOrTownshipCode
    .optional()
    .describe('A district (6 digits) or township (9 digits); default: the caller’s district'),
  withinKm: z.coerce
    .number()
    .min(coverageWithinKmBounds.min)
    .max(coverageWithinKmBounds.max)
    .default(coverageWithinKmBounds.default)
    .describe('Villages farther than this (straight line) from every workstation are flagged'),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const coverageNearestSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
});
export type CoverageNearest = z.infer<typeof coverageNearestSchema>;

export const villageCoverageSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(divisionKinds),
  latitude: z.number().nullable().describe('Where the distance is measured from'),
  longitude: z.number().nullable(),
  approximate: z
    .boolean()
    .describe('No recorded centre of its own: placed at its township’s centre'),
  nearest: coverageNearestSchema
    .nullable()
    .describe('The nearest active, located legal aid workstation of the district'),
  distanceKm: z
    .number()
    .nullable()
    .describe('Straight-line distance to it, 1 decimal; null without a location or workstation'),
  beyond: z
    .boolean()
    .describe('Located, and no workstation within withinKm (or none with a location at all)'),
});
export type VillageCoverage = z.infer<typeof villageCoverageSchema>;

/** Distances over the villages that have one: the worst and the median, 1 decimal. */
const distanceFigures = {
  maxDistanceKm: z.number().nullable(),
  medianDistanceKm: z.number().nullable(),
};

/** How many villages are far, approximate or without any location. */
const villageFigures = {
  villagesBeyond: z.number().int(),
  villagesApproximate: z.number().int(),
  villagesWithoutLocation: z.number().int(),
};

export const townshipCoverageSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(divisionKinds),
  latitude: z.number().nullable().describe('Recorded centre, where known'),
  longitude: z.number().nullable(),
  villageCount: z.number().int(),
  workstationCount: z.number().int().describe('Active legal aid workstations in the township'),
  workstationsOpenedThisYear: z.number().int(),
  servicePoints: z
    .record(z.enum(coveragePointTypes), z.number().int())
    .describe('Other active public legal service points, by type'),
  services: z
    .array(z.enum(organizationServices))
    .describe('What the active organizations in the township offer'),
  ...villageFigures,
  ...distanceFigures,
  villages: z.array(villageCoverageSchema),
});
export type TownshipCoverage = z.infer<typeof townshipCoverageSchema>;

export const coverageWorkstationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  divisionCode: z.string(),
  townshipCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  establishedOn: z.string().nullable(),
  openedThisYear: z.boolean(),
  hostKind: z.enum(workstationHostKinds).nullable(),
  hostName: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  meetsStandard: z.boolean().nullable(),
  homeVisits: z.boolean(),
  withinDivision: z
    .boolean()
    .describe('In the chosen division; false for a nearby one of the same district'),
});
export type CoverageWorkstation = z.infer<typeof coverageWorkstationSchema>;

export const coverageSchema = z.object({
  division: divisionSummarySchema,
  path: z.array(divisionSummarySchema).describe('From the province down to the division'),
  withinKm: z.number(),
  year: z.number().int().describe('The current year (Asia/Shanghai), for "opened this year"'),
  summary: z.object({
    townships: z.number().int(),
    villages: z.number().int(),
    workstations: z.number().int(),
    workstationsOpenedThisYear: z.number().int(),
    ...villageFigures,
    ...distanceFigures,
  }),
  townships: z.array(townshipCoverageSchema),
  workstations: z
    .array(coverageWorkstationSchema)
    .describe('Active workstations of the district: the division’s own and its neighbours’'),
});
export type Coverage = z.infer<typeof coverageSchema>;
