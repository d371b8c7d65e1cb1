import { z } from 'zod';
import { pageSchema, paginationQuerySchema } from './common.js';

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** Why verification stopped: a row's own fields changed, or a row before it went missing. */
export const auditChainProblems = ['hash_mismatch', 'broken_link'] as const;
export type AuditChainProblem = (typeof auditChainProblems)[number];

export const auditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime().describe('UTC, ISO 8601 with milliseconds'),
  actorId: z.guid().nullable().describe('null: anonymous or the system'),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()).describe('Role codes the actor held at the time'),
  ip: z.string().nullable(),
  action: z.string().describe('Dotted name, e.g. "auth.login", "organizations.update"'),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The filters shared by the search and the export. */
export const auditFilterSchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional().describe('Inclusive lower bound'),
  to: z.iso.datetime({ offset: true }).optional().describe('Exclusive upper bound'),
  actorId: z.guid().optional(),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('An exact action, or a prefix ending with a dot ("auth.") for a whole family'),
  objectType: z.string().trim().min(1).max(100).optional(),
  objectId: z.string().trim().min(1).max(200).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Text within the actor name, the action or the object id'),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditSearchQuerySchema = paginationQuerySchema.extend(auditFilterSchema.shape);
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;

/** The export takes the search filters without paging; it stops at a fixed row limit. */
export const auditExportQuerySchema = auditFilterSchema;
export type AuditExportQuery = AuditFilter;

export const auditPageSchema = pageSchema(auditEntrySchema);

export const auditVerificationSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    rows: z.number().int().describe('Rows checked'),
    lastId: z.number().int().nullable().describe('Id of the newest row; null when empty'),
    headHash: z
      .string()
      .nullable()
      .describe('Hash of the newest row: keep it elsewhere to detect later removal of the tail'),
  }),
  z.object({
    valid: z.literal(false),
    rows: z.number().int().describe('Rows checked, the bad one included'),
    firstBadId: z.number().int().describe('The first row whose hash or link does not hold'),
    reason: z.enum(auditChainProblems),
  }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
