import { createHash } from 'node:crypto';
import type { AuditChainProblem } from '../../../contracts/audit.js';

/** The `previous_hash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers, as they read back from the database. */
export interface ChainedFields {
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  detail: unknown;
}

export interface ChainedRow extends ChainedFields {
  previousHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth. jsonb stores keys in its own order (by length, then
 * bytes), so only a sorted form hashes the same before the insert and after reading back.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    );
  return `{${entries.join(',')}}`;
}

/**
 * The row's fields in a fixed order as one JSON array: strings are escaped, so no two different
 * rows serialize alike. `id` is left out: it is assigned by the insert, and order is what the
 * `previous_hash` link already proves.
 */
export function canonicalRow(fields: ChainedFields): string {
  return canonicalJson([
    fields.occurredAt.toISOString(),
    fields.actorId,
    fields.actorName,
    fields.actorRoles,
    fields.ip,
    fields.action,
    fields.objectType,
    fields.objectId,
    fields.outcome,
    fields.detail,
  ]);
}

export function chainHash(previousHash: string, fields: ChainedFields): string {
  return createHash('sha256')
    .update(previousHash + canonicalRow(fields), 'utf8')
    .digest('hex');
}

/**
 * What is wrong with a row, given the hash of the row before it. The link is checked first: a row
 * that went missing shows as a broken link at the row after it, not as that row's mismatch.
 */
export function chainProblem(
  row: ChainedRow,
  expectedPreviousHash: string,
): AuditChainProblem | null {
  if (row.previousHash !== expectedPreviousHash) return 'broken_link';
  if (row.hash !== chainHash(row.previousHash, row)) return 'hash_mismatch';
  return null;
}
