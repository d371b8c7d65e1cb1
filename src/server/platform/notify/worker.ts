import type { NotificationChannel } from '../../../contracts/notifications.js';
import type { PersonalDataCipher } from '../crypto/personal-data-cipher.js';
import type { Database } from '../db/client.js';
import type { DeliveryChannels, DeliveryResult } from './channels/channel.js';
import { openOutboxRow, UndeliverableRowError } from './outbox-codec.js';
import { createOutboxRepository, type OutboxRow, type OutboxUpdate } from './outbox.repository.js';

/** Milliseconds to wait after the `attempt`-th failed attempt (1 = the first). */
export type Backoff = (attempt: number) => number;

/** Any pino-style logger (Fastify's `app.log` fits). Only counts, ids and error codes reach it. */
export interface WorkerLogger {
  debug?(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface NotificationWorkerOptions {
  db: Database;
  cipher: PersonalDataCipher;
  channels: DeliveryChannels;
  now?: () => Date;
  /** Messages claimed per run (default 20). */
  batchSize?: number;
  /** Attempts before a message is given up as failed (default 5). */
  maxAttempts?: number;
  backoff?: Backoff;
  /**
   * How long a claimed message is reserved for this worker (default 5 min). Should the process
   * die mid-batch, its messages become due again after it; keep it above batchSize × timeout.
   */
  claimLeaseMs?: number;
  logger?: WorkerLogger;
}

export interface RunSummary {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
  held: number;
}

/** 30 s, 1 min, 2 min, 4 min … capped at an hour. */
export function exponentialBackoff(options: { baseMs?: number; maxMs?: number } = {}): Backoff {
  const baseMs = options.baseMs ?? 30_000;
  const maxMs = options.maxMs ?? 3_600_000;
  return (attempt) => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

type Verdict = keyof Omit<RunSummary, 'claimed'>;

interface Settlement {
  verdict: Verdict;
  delivery: { outcome: DeliveryResult['outcome']; detail: string | null };
  update: OutboxUpdate;
}

/** The name and code of an error: its message may quote SQL parameters or message content. */
function errorSummary(error: unknown): { error: string; code?: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? { error: name, code } : { error: name };
}

export function createNotificationWorker(options: NotificationWorkerOptions) {
  const { db, cipher, channels } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoff ?? exponentialBackoff();
  const claimLeaseMs = options.claimLeaseMs ?? 300_000;
  const logger = options.logger;

  /**
   * Claims due messages in a short transaction and delivers them after it commits. Holding the
   * transaction through network calls would keep a pool connection busy for the whole batch and,
   * on PGlite, block every other query of the process (it runs one transaction at a time).
   */
  async function claimDue(): Promise<OutboxRow[]> {
    const claimedAt = now();
    return db.transaction(async (tx) => {
      const repository = createOutboxRepository(tx);
      const rows = await repository.lockDue(claimedAt, batchSize);
      await repository.postpone(
        rows.map((row) => row.id),
        new Date(claimedAt.getTime() + claimLeaseMs),
      );
      return rows;
    });
  }

  async function attempt(row: OutboxRow): Promise<DeliveryResult> {
    const channel = channels[row.channel];
    if (!channel) return { outcome: 'held', detail: `no ${row.channel} channel configured` };
    try {
      return await channel.deliver(openOutboxRow(cipher, row));
    } catch (error) {
      if (error instanceof UndeliverableRowError) {
        return { outcome: 'failed', detail: error.message, retryable: false };
      }
      return {
        outcome: 'failed',
        detail: `channel error: ${errorSummary(error).error}`,
        retryable: true,
      };
    }
  }

  function settle(row: OutboxRow, result: DeliveryResult, at: Date): Settlement {
    if (result.outcome === 'held') {
      // Waiting for configuration is not an attempt: it must not use up the message's retries.
      return {
        verdict: 'held',
        delivery: { outcome: 'held', detail: result.detail },
        update: { status: 'held', lastError: result.detail, nextAttemptAt: at },
      };
    }
    const attempts = row.attempts + 1;
    if (result.outcome === 'delivered') {
      return {
        verdict: 'delivered',
        delivery: { outcome: 'delivered', detail: result.detail ?? null },
        update: { status: 'delivered', attempts, deliveredAt: at, lastError: null },
      };
    }
    const delivery = { outcome: 'failed' as const, detail: result.detail };
    if (result.retryable && attempts < maxAttempts) {
      const nextAttemptAt = new Date(at.getTime() + backoff(attempts));
      return {
        verdict: 'retrying',
        delivery,
        update: { status: 'pending', attempts, nextAttemptAt, lastError: result.detail },
      };
    }
    return {
      verdict: 'failed',
      delivery,
      update: { status: 'failed', attempts, lastError: result.detail },
    };
  }

  async function record(row: OutboxRow, settlement: Settlement, at: Date): Promise<void> {
    await db.transaction(async (tx) => {
      const repository = createOutboxRepository(tx);
      await repository.insertDelivery({
        outboxId: row.id,
        attemptedAt: at,
        ...settlement.delivery,
      });
      await repository.update(row.id, settlement.update);
    });
  }

  async function deliverOne(row: OutboxRow): Promise<Verdict> {
    const result = await attempt(row);
    const at = now();
    const settlement = settle(row, result, at);
    await record(row, settlement, at);
    return settlement.verdict;
  }

  async function runOnce(): Promise<RunSummary> {
    const rows = await claimDue();
    const summary: RunSummary = {
      claimed: rows.length,
      delivered: 0,
      retrying: 0,
      failed: 0,
      held: 0,
    };
    // One at a time: WeCom allows a robot 20 messages a minute, and SMS providers throttle too.
    for (const row of rows) summary[await deliverOne(row)] += 1;
    if (rows.length > 0) logger?.debug?.({ ...summary }, 'notifications delivered');
    return summary;
  }

  let active = false;
  // Bumped by start() and stop(): a batch that ends after a stop (or a stop and a new start)
  // must not schedule a second loop.
  let loop = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function tick(intervalMs: number, ofLoop: number): Promise<void> {
    running = runOnce().then(
      () => undefined,
      (error: unknown) => logger?.warn(errorSummary(error), 'notification batch failed'),
    );
    await running;
    running = undefined;
    if (active && ofLoop === loop) schedule(intervalMs, intervalMs, ofLoop);
  }

  function schedule(delayMs: number, intervalMs: number, ofLoop: number): void {
    timer = setTimeout(() => void tick(intervalMs, ofLoop), delayMs);
    // The worker alone must not keep the process alive; shutdown calls stop() anyway.
    timer.unref();
  }

  return {
    runOnce,

    /** Runs a batch now and then `intervalMs` after each batch ends (batches never overlap). */
    start(intervalMs: number): void {
      if (active) return;
      active = true;
      loop += 1;
      schedule(0, intervalMs, loop);
    },

    /** Stops scheduling and waits for the batch in progress, so shutdown loses no outcome. */
    async stop(): Promise<void> {
      active = false;
      loop += 1;
      clearTimeout(timer);
      await running;
    },

    /** Makes a channel's held messages due again, e.g. after its provider was configured. */
    async releaseHeld(channel: NotificationChannel): Promise<number> {
      return createOutboxRepository(db).releaseHeld(channel, now());
    },
  };
}

export type NotificationWorker = ReturnType<typeof createNotificationWorker>;
