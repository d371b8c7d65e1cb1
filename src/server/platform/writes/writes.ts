import type { AuditAction } from '../../../contracts/audit-actions.js';
import type { AuditOutcome } from '../../../contracts/audit.js';
import type { ServiceChannel, ServiceEventType } from '../../../contracts/service-events.js';
import type { RequestOrigin } from '../access/actor.js';
import type { ChangeFeed, ChangeTopic } from '../changes.js';
import type { Database } from '../db/client.js';
import { type AppError, ConflictError, StaleVersionError } from '../errors.js';
import type { AuditRecorder } from './audit-event.js';
import { createPartitionKeeper, type PartitionKeeper } from './service-events.partitions.js';
import {
  createServiceEventRepository,
  type EventSource,
  type NewServiceEventRow,
} from './service-events.repository.js';

/** An audit row of the write; the origin comes from the write itself. */
export interface AuditNote {
  action: AuditAction;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown>;
}

/** One service delivered, as the domain record that counts it describes it. */
export interface ServiceEventNote {
  type: ServiceEventType;
  channel: ServiceChannel;
  occurredAt: Date;
  organizationId?: string | null;
  practitionerId?: string | null;
  divisionCode?: string | null;
  peopleServed?: number;
  counts?: Record<string, number>;
  source: EventSource;
}

/** What a domain's write may do besides its own SQL, all inside one transaction. */
export interface WriteSteps {
  /** The transaction: build the domain's repositories on it. */
  tx: Database;
  audit(note: AuditNote): void;
  recordEvent(event: ServiceEventNote): void;
  /** Voids the live events of a corrected or removed record (before new ones are written). */
  voidEvents(source: EventSource): void;
  /** A topic to publish on the change feed once the transaction has committed. */
  publish(topic: ChangeTopic): void;
}

export interface WriteOptions {
  /**
   * The domain's answer to a unique violation: by constraint name (others answer a plain 409),
   * or one answer for any of them.
   */
  conflicts?: Record<string, () => AppError> | (() => AppError);
}

export interface WriterDependencies {
  db: Database;
  audit: AuditRecorder;
  changes: ChangeFeed;
  now?: () => Date;
  partitions?: PartitionKeeper;
}

/** The constraint a PostgreSQL unique violation names, looking through Drizzle's wrapper. */
function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let current = error; current && typeof current === 'object';) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23505') {
      return typeof candidate.constraint === 'string' ? candidate.constraint : '';
    }
    current = candidate.cause;
  }
  return undefined;
}

function conflictFor(error: unknown, conflicts: WriteOptions['conflicts']): unknown {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === undefined) return error;
  if (typeof conflicts === 'function') return conflicts();
  return conflicts?.[constraint]?.() ?? new ConflictError();
}

function eventRow(
  event: ServiceEventNote,
  recordedBy: string | null,
  recordedAt: Date,
): NewServiceEventRow {
  return {
    type: event.type,
    channel: event.channel,
    occurredAt: event.occurredAt,
    organizationId: event.organizationId ?? null,
    practitionerId: event.practitionerId ?? null,
    divisionCode: event.divisionCode ?? null,
    peopleServed: event.peopleServed ?? 0,
    counts: event.counts ?? {},
    sourceType: event.source.type,
    sourceId: event.source.id,
    recordedBy,
    recordedAt,
  };
}

/**
 * The one audited write path: a domain's writes, its audit rows and its service events commit or
 * roll back together; a unique violation becomes the domain's conflict error; change-feed topics
 * are published only after the commit, so no cache refills from a write that may still roll back.
 */
export function createWriter(deps: WriterDependencies) {
  const now = deps.now ?? (() => new Date());
  const partitions = deps.partitions ?? createPartitionKeeper(deps.db);

  async function write<T>(
    origin: RequestOrigin,
    steps: (write: WriteSteps) => Promise<T>,
    options: WriteOptions = {},
  ): Promise<T> {
    const topics = new Set<ChangeTopic>();
    let createdPartitions: number[] = [];
    const result = await deps.db
      .transaction(async (tx) => {
        const notes: AuditNote[] = [];
        const events: ServiceEventNote[] = [];
        const voids: EventSource[] = [];
        const value = await steps({
          tx,
          audit: (note) => notes.push(note),
          recordEvent: (event) => events.push(event),
          voidEvents: (source) => voids.push(source),
          publish: (topic) => topics.add(topic),
        });
        const recordedBy = origin.actor?.accountId ?? null;
        const at = now();
        const repository = createServiceEventRepository(tx);
        for (const source of voids) await repository.voidBySource(source, recordedBy, at);
        if (events.length > 0) {
          createdPartitions = await partitions.ensureFor(
            tx,
            events.map((event) => event.occurredAt),
          );
          await repository.insertMany(events.map((event) => eventRow(event, recordedBy, at)));
        }
        // Last: the audit append holds the chain lock until the commit.
        for (const note of notes) {
          await deps.audit.record({ origin, outcome: 'success', ...note }, tx);
        }
        return value;
      })
      .catch((error: unknown) => {
        throw conflictFor(error, options.conflicts);
      });
    partitions.remember(createdPartitions);
    for (const topic of topics) deps.changes.publish(topic);
    return result;
  }

  return { write, partitions };
}

export type Writer = ReturnType<typeof createWriter>;

/** A versioned update that matched no row was stale: answer 409, never overwrite silently. */
export async function requireCurrentVersion(
  updated: boolean | Promise<boolean>,
  entity: string,
  version: number,
): Promise<void> {
  if (!(await updated)) throw new StaleVersionError(entity, version);
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left instanceof Date || right instanceof Date) {
    return new Date(left as Date).getTime() === new Date(right as Date).getTime();
  }
  if (typeof left === 'object' || typeof right === 'object') {
    return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
  }
  return left === right;
}

/**
 * The fields a patch really changes, for audit details: names only, never values (they may be
 * personal data). `version` is the edit's precondition, not a change. Fields the stored record
 * does not hold as such (e.g. a phone kept encrypted) count as changed when the patch names them.
 */
export function changedFields(current: object, patch: object): string[] {
  const stored = current as Record<string, unknown>;
  return Object.entries(patch)
    .filter(([field, value]) => field !== 'version' && value !== undefined)
    .filter(([field, value]) => !(field in stored) || !sameValue(stored[field], value))
    .map(([field]) => field);
}
