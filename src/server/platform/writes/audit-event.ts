import type { AuditAction } from '../../../contracts/audit-actions.js';
import type { AuditOutcome } from '../../../contracts/audit.js';
import type { RequestOrigin } from '../access/actor.js';
import type { Database } from '../db/client.js';

/**
 * What happened, by whom, to what. `detail` must hold no personal data in clear. Domains name
 * their actions from the contracts' closed list; the chain itself stores any action text.
 */
export interface AuditEvent<Action extends string = AuditAction> {
  origin: RequestOrigin;
  action: Action;
  objectType?: string;
  objectId?: string;
  outcome: AuditOutcome;
  detail?: Record<string, unknown>;
}

/**
 * The audit trail as the platform sees it (the audit module implements it). Pass the write's
 * transaction as `executor` so the row commits or rolls back with the write.
 */
export interface AuditRecorder {
  record(event: AuditEvent<string>, executor?: Database): Promise<void>;
}
