import type {
  AuditEntry,
  AuditFilter,
  AuditOutcome,
  AuditSearchQuery,
  AuditVerification,
} from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/common.js';
import type { Locale } from '../../../contracts/errors.js';
import type { Database } from '../../platform/db/client.js';
import type { AuditEvent as PlatformAuditEvent } from '../../platform/writes/audit-event.js';
import { chainHash, chainProblem, GENESIS_HASH, type ChainedFields } from './audit.chain.js';
import { createAuditRepository, type AuditRow } from './audit.repository.js';

/** An event as the chain stores it: any action text (domains use the contracts' closed list). */
export type AuditEvent = PlatformAuditEvent<string>;

export interface AuditExport {
  rows: AuditEntry[];
  /** More rows matched than the export holds: the caller should say so, or narrow the filters. */
  truncated: boolean;
}

export const AUDIT_EXPORT_LIMIT = 50_000;
const VERIFY_BATCH_SIZE = 1_000;

/**
 * Thrown when an audit event carries something that looks like a resident ID number or a mobile
 * number. It names where, never the value: the message may end up in a log.
 */
export class AuditPersonalDataError extends Error {
  constructor(readonly path: string) {
    super(`audit event holds what looks like personal data at ${path}; mask it before recording`);
    this.name = 'AuditPersonalDataError';
  }
}

// Cheap look-alike checks, not validation: an 18-character resident ID number (region, birth date
// 18xx–20xx, sequence, check character) and an 11-digit mainland mobile number, optionally with
// +86 and spaces or dashes. Letters and dots around a digit run rule it out, so UUIDs, hashes and
// decimal fractions do not trip them.
const residentIdPattern =
  /(?<![0-9A-Za-z.])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
const mobilePhonePattern =
  /(?<![0-9A-Za-z.])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9A-Za-z])/;

function looksPersonal(text: string): boolean {
  return residentIdPattern.test(text) || mobilePhonePattern.test(text);
}

/** The path of the first string, integer or key that looks like personal data, or null. */
export function findPersonalData(value: unknown, path = 'detail'): string | null {
  if (typeof value === 'string') return looksPersonal(value) ? path : null;
  if (typeof value === 'number')
    return Number.isInteger(value) && looksPersonal(String(value)) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findPersonalData(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (looksPersonal(key)) return `${path}.<key>`;
      const found = findPersonalData(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The detail exactly as jsonb will hold it: dates become strings, undefined members disappear.
 * Hashing this form, not the caller's object, keeps the hash equal to what reads back.
 */
function asStoredJson(detail: Record<string, unknown>): Record<string, unknown> {
  const stored: unknown = JSON.parse(JSON.stringify(detail));
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    throw new TypeError('audit detail must be a JSON object');
  }
  return stored as Record<string, unknown>;
}

type EventFields = Omit<ChainedFields, 'occurredAt' | 'outcome' | 'detail'> & {
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
};

/** The row's fields apart from its time and hashes; refuses personal data. */
function eventFields(event: AuditEvent): EventFields {
  if (event.action.trim() === '') throw new TypeError('audit action is empty');
  const detail = asStoredJson(event.detail ?? {});
  const found =
    findPersonalData(detail) ??
    (event.objectId === undefined ? null : findPersonalData(event.objectId, 'objectId'));
  if (found) throw new AuditPersonalDataError(found);
  const { actor, ip } = event.origin;
  return {
    // PostgreSQL prints uuids in lower case; hash what will read back.
    actorId: actor ? actor.accountId.toLowerCase() : null,
    actorName: actor ? actor.displayName : null,
    actorRoles: actor ? actor.roles.join(',') : null,
    ip,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    outcome: event.outcome,
    detail,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRoles: row.actorRoles ? row.actorRoles.split(',') : [],
    ip: row.ip,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    outcome: row.outcome,
    detail: row.detail,
  };
}

export function createAuditService(deps: { db: Database }) {
  const { db } = deps;
  const repository = createAuditRepository(db);

  return {
    /**
     * Appends one event to the chain. Pass the transaction of the write it describes as `executor`
     * so both commit or roll back together (the append then runs in a savepoint). The chain lock
     * is held until that outer transaction ends, so record as its last step. The executor must
     * run at READ COMMITTED (the default): a REPEATABLE READ snapshot could miss the last row and
     * fork the chain, so it is refused.
     */
    async record(event: AuditEvent, executor?: Database): Promise<void> {
      const fields = eventFields(event);
      await (executor ?? db).transaction(async (tx) => {
        const chain = createAuditRepository(tx);
        const isolation = await chain.lockChain();
        if (isolation !== 'read committed') {
          throw new Error(`audit record needs a READ COMMITTED transaction, not ${isolation}`);
        }
        const head = await chain.chainHead();
        const previousHash = head.lastHash ?? GENESIS_HASH;
        const row = { ...fields, occurredAt: new Date(head.now) };
        const hash = chainHash(previousHash, row);
        await chain.insert({ ...row, previousHash, hash });
      });
    },

    /**
     * Recomputes every hash in id order, in batches, and names the first row that does not hold.
     * Gaps in ids are normal (rolled-back appends); only the hash links count. Removing the newest
     * rows leaves a valid shorter chain: compare `headHash` with a copy kept elsewhere.
     */
    async verifyChain(options: { batchSize?: number } = {}): Promise<AuditVerification> {
      const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
      let expectedPreviousHash = GENESIS_HASH;
      let lastId: number | null = null;
      let rows = 0;
      for (;;) {
        const batch = await repository.readChainBatch(lastId ?? 0, batchSize);
        for (const row of batch) {
          rows += 1;
          const reason = chainProblem(row, expectedPreviousHash);
          if (reason) return { valid: false, rows, firstBadId: row.id, reason };
          expectedPreviousHash = row.hash;
          lastId = row.id;
        }
        if (batch.length < batchSize) {
          return {
            valid: true,
            rows,
            lastId,
            headHash: lastId === null ? null : expectedPreviousHash,
          };
        }
      }
    },

    async search(query: AuditSearchQuery): Promise<Page<AuditEntry>> {
      const { limit, offset, ...filter } = query;
      const { rows, total } = await repository.search(filter, limit, offset);
      return { items: rows.map(toAuditEntry), total, limit, offset };
    },

    /** Up to AUDIT_EXPORT_LIMIT rows, newest first; one more is read to tell if any were left out. */
    async exportRows(filter: AuditFilter): Promise<AuditExport> {
      const rows = await repository.list(filter, AUDIT_EXPORT_LIMIT + 1);
      return {
        rows: rows.slice(0, AUDIT_EXPORT_LIMIT).map(toAuditEntry),
        truncated: rows.length > AUDIT_EXPORT_LIMIT,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

const csvHeaders: Record<Locale, string[]> = {
  'zh-CN': [
    '编号',
    '时间（北京时间）',
    '操作人ID',
    '操作人',
    '角色',
    'IP地址',
    '操作',
    '对象类型',
    '对象ID',
    '结果',
    '详情',
  ],
  'en-US': [
    'ID',
    'Time (Beijing, UTC+8)',
    'Actor ID',
    'Actor',
    'Roles',
    'IP address',
    'Action',
    'Object type',
    'Object ID',
    'Outcome',
    'Detail',
  ],
};

const outcomeLabels: Record<Locale, Record<AuditOutcome, string>> = {
  'zh-CN': { success: '成功', failure: '失败', denied: '拒绝' },
  'en-US': { success: 'Success', failure: 'Failure', denied: 'Denied' },
};

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2024-05-01 20:34:56.789`: China keeps UTC+8 all year, so a fixed offset is exact. */
function beijingTime(isoUtc: string): string {
  return new Date(Date.parse(isoUtc) + BEIJING_OFFSET_MS)
    .toISOString()
    .replace('T', ' ')
    .slice(0, 23);
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * programs strip first) as a formula; a leading single quote makes it text (OWASP CSV injection).
 */
function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a quote, comma or line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCells(entry: AuditEntry, locale: Locale): string[] {
  return [
    String(entry.id),
    beijingTime(entry.occurredAt),
    entry.actorId ?? '',
    entry.actorName ?? '',
    entry.actorRoles.join(','),
    entry.ip ?? '',
    entry.action,
    entry.objectType ?? '',
    entry.objectId ?? '',
    outcomeLabels[locale][entry.outcome],
    Object.keys(entry.detail).length === 0 ? '' : JSON.stringify(entry.detail),
  ];
}

/**
 * Audit entries as CSV text with a header row in the reader's language. Starts with a UTF-8 byte
 * order mark, without which Excel reads the file in the local code page and garbles Chinese.
 */
export function auditCsv(rows: AuditEntry[], locale: Locale): string {
  const lines = [csvHeaders[locale], ...rows.map((entry) => csvCells(entry, locale))].map((cells) =>
    cells.map(csvField).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
