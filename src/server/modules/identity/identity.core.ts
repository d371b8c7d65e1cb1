import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, InputError, NotFoundError } from '../../platform/errors.js';
import type { NotificationService } from '../../platform/notify/notify.service.js';
import type { AuditRecorder } from '../../platform/writes/audit-event.js';
import type { Writer } from '../../platform/writes/writes.js';
import {
  createIdentityRepository,
  type AccountRecord,
  type IdentityRepository,
  type RoleRow,
  type SessionRow,
} from './identity.repository.js';
import { passwordProblem, type PasswordContext } from './passwords.js';

/** What identity needs from notifications: one-time codes go out by SMS through the outbox. */
export type CodeSender = Pick<NotificationService, 'enqueue'>;

export interface IdentityDependencies {
  db: Database;
  secretKey: string;
  /** TOTP secrets are sealed with the cipher; phones go through the personal fields. */
  cipher: PersonalDataCipher;
  personalFields: PersonalFields;
  /** For audit rows that record no write: sign-in refusals, unmasking. */
  audit: AuditRecorder;
  /** The audited write path every account, role and session change goes through. */
  writer: Writer;
  codes: CodeSender;
  now?: () => Date;
  staffIdleMinutes?: number;
  citizenIdleMinutes?: number;
  sessionMaxHours?: number;
  requirePasswordComplexity?: boolean;
  passwordMaxAgeDays?: number;
}

export class InvalidCredentialsError extends AppError {
  constructor(messageKey = 'error.invalid_credentials') {
    super('unauthenticated', messageKey);
  }
}

export interface IssuedSession {
  token: string;
  session: SessionRow;
}

export type LoginOutcome = {
  status: 'signed_in' | 'totp_required';
  issued: IssuedSession;
  accountId: string;
};

export interface NewSession {
  /** Chosen before the write, so that the write's audit row can name the session's actor. */
  id: string;
  account: AccountRecord;
  origin: RequestOrigin;
  userAgent: string | null;
  pendingTotp: boolean;
}

/** Who acts when the platform itself writes: at start, or on a first run. */
export const systemOrigin: RequestOrigin = { actor: null, ip: null };

const PENDING_TOTP_MS = 5 * 60_000;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newSessionId(): string {
  return randomUUID();
}

export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  return setA.size === new Set(b).size && [...b].every((value) => setA.has(value));
}

/** What every part of the identity service shares: settings, clock, the account's view of rules. */
export function createIdentityCore(deps: IdentityDependencies) {
  const repository = createIdentityRepository(deps.db);
  const now = deps.now ?? (() => new Date());
  const sessionMaxMs = (deps.sessionMaxHours ?? 8) * 3_600_000;
  const passwordMaxAgeMs = (deps.passwordMaxAgeDays ?? 0) * 86_400_000;
  const staffPolicy = {
    minLength: 12,
    maxLength: 128,
    requireComplexity: deps.requirePasswordComplexity ?? false,
  };
  const citizenPolicy = { ...staffPolicy, minLength: 8 };

  function checkNewPassword(
    password: string,
    kind: 'staff' | 'citizen',
    context: PasswordContext,
    field: string,
  ): void {
    const problem = passwordProblem(
      password,
      kind === 'staff' ? staffPolicy : citizenPolicy,
      context,
    );
    if (problem)
      throw new InputError([
        { field, message: problem.key, params: problem.params as Record<string, number> },
      ]);
  }

  function scopeOf(account: AccountRecord): DataScope {
    if (account.kind === 'citizen') return { level: 'self', accountId: account.id };
    if (!account.organizationId) return { level: 'all' };
    if (account.organizationType === 'justice_bureau' && account.organizationDivisionCode) {
      return { level: 'district', divisionPrefix: account.organizationDivisionCode };
    }
    return { level: 'organization', organizationId: account.organizationId };
  }

  function passwordExpired(account: AccountRecord): boolean {
    return (
      passwordMaxAgeMs > 0 &&
      now().getTime() - account.passwordChangedAt.getTime() > passwordMaxAgeMs
    );
  }

  function restrictionOf(account: AccountRecord, accountRoles: RoleRow[]): Actor['restriction'] {
    if (account.mustChangePassword || passwordExpired(account)) return 'password_change';
    if (!account.totpEnabledAt && accountRoles.some((role) => role.requiresTotp))
      return 'totp_enrolment';
    return null;
  }

  function actorOf(account: AccountRecord, accountRoles: RoleRow[], sessionId: string): Actor {
    return {
      accountId: account.id,
      kind: account.kind,
      displayName: account.displayName,
      organizationId: account.organizationId,
      roles: accountRoles.map((role) => role.code),
      permissions: new Set(accountRoles.flatMap((role) => role.permissions)),
      scope: scopeOf(account),
      sessionId,
      restriction: restrictionOf(account, accountRoles),
    };
  }

  /** A password-verified login awaiting its code lives 5 minutes; a full session 8 hours. */
  async function openSession(
    txRepository: IdentityRepository,
    session: NewSession,
  ): Promise<IssuedSession> {
    const token = newSessionToken();
    const at = now();
    const lifetimeMs = session.pendingTotp ? PENDING_TOTP_MS : sessionMaxMs;
    const row = await txRepository.insertSession({
      id: session.id,
      tokenHash: sha256(token),
      accountId: session.account.id,
      pendingTotp: session.pendingTotp,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + lifetimeMs),
      ip: session.origin.ip,
      userAgent: session.userAgent?.slice(0, 300) ?? null,
    });
    return { token, session: row };
  }

  function isLocked(account: AccountRecord): boolean {
    return Boolean(account.lockedUntil && account.lockedUntil.getTime() > now().getTime());
  }

  function decryptPhone(account: AccountRecord): string | null {
    return deps.personalFields.open('phone', account.phoneCipher, { clear: true });
  }

  async function requireAccount(id: string, scope: DataScope): Promise<AccountRecord> {
    const account = await repository.findAccount(id, scope);
    if (!account) throw new NotFoundError('account', id);
    return account;
  }

  return {
    deps,
    repository,
    now,
    checkNewPassword,
    scopeOf,
    actorOf,
    openSession,
    isLocked,
    decryptPhone,
    requireAccount,
  };
}

export type IdentityCore = ReturnType<typeof createIdentityCore>;
