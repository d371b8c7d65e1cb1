import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Page } from '../../../contracts/common.js';
import type { Account, Me, Role } from '../../../contracts/identity.js';
import { maskPhone } from '../../../contracts/personal-data.js';
import type { AdminKind, Permission } from '../../../contracts/permissions.js';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import { csrfTokenFor, ForbiddenError } from '../../platform/access/route-access.js';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import type { Database } from '../../platform/db/client.js';
import type { NotificationService } from '../../platform/notify/notify.service.js';
import type { Writer } from '../../platform/writes/writes.js';
import type { Locale } from '../../../contracts/errors.js';
import {
  AppError,
  ConflictError,
  InputError,
  NotFoundError,
  StaleVersionError,
} from '../../platform/errors.js';
import type { AccountRecord, RoleRow, SessionRow } from './identity.repository.js';
import { createIdentityRepository } from './identity.repository.js';
import { builtinRoles } from './builtin-roles.js';
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyDecoy,
  verifyPassword,
  type PasswordContext,
} from './passwords.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

/** What identity needs from the audit trail; the audit service provides it. */
export interface AuditRecorder {
  record(
    event: {
      origin: RequestOrigin;
      action: string;
      objectType?: string;
      objectId?: string;
      outcome: 'success' | 'failure' | 'denied';
      detail?: Record<string, unknown>;
    },
    executor?: Database,
  ): Promise<void>;
}

/** What identity needs from notifications: one-time codes go out by SMS through the outbox. */
export type CodeSender = Pick<NotificationService, 'enqueue'>;

export interface IdentityOptions {
  secretKey: string;
  cipher: PersonalDataCipher;
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

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;
const PENDING_TOTP_MS = 5 * 60_000;
const CODE_TTL_MS = 5 * 60_000;
const CODE_MAX_ATTEMPTS = 5;
const TOUCH_EVERY_MS = 60_000;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  return setA.size === new Set(b).size && [...b].every((value) => setA.has(value));
}

function fieldError(field: string, key: string): InputError {
  return new InputError([{ field, message: key }]);
}

export function createIdentityService(db: Database, options: IdentityOptions) {
  const repository = createIdentityRepository(db);
  const now = options.now ?? (() => new Date());
  const staffIdleMs = (options.staffIdleMinutes ?? 15) * 60_000;
  const citizenIdleMs = (options.citizenIdleMinutes ?? 30) * 60_000;
  const absoluteMs = (options.sessionMaxHours ?? 8) * 3_600_000;
  const staffPolicy = {
    minLength: 12,
    maxLength: 128,
    requireComplexity: options.requirePasswordComplexity ?? false,
  };
  const citizenPolicy = { ...staffPolicy, minLength: 8 };
  const { cipher, audit } = options;

  function policyFor(kind: 'staff' | 'citizen') {
    return kind === 'staff' ? staffPolicy : citizenPolicy;
  }

  function checkNewPassword(
    password: string,
    kind: 'staff' | 'citizen',
    context: PasswordContext,
    field: string,
  ) {
    const problem = passwordProblem(password, policyFor(kind), context);
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

  function restrictionOf(account: AccountRecord, accountRoles: RoleRow[]): Actor['restriction'] {
    const maxAgeMs = (options.passwordMaxAgeDays ?? 0) * 86_400_000;
    const expired =
      maxAgeMs > 0 && now().getTime() - account.passwordChangedAt.getTime() > maxAgeMs;
    if (account.mustChangePassword || expired) return 'password_change';
    if (!account.totpEnabledAt && accountRoles.some((role) => role.requiresTotp))
      return 'totp_enrolment';
    return null;
  }

  async function issueSession(
    account: AccountRecord,
    origin: RequestOrigin,
    userAgent: string | null,
    pendingTotp: boolean,
    executor: Database = db,
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const at = now();
    const session = await createIdentityRepository(executor).insertSession({
      tokenHash: sha256(token),
      accountId: account.id,
      pendingTotp,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + (pendingTotp ? PENDING_TOTP_MS : absoluteMs)),
      ip: origin.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, session };
  }

  function isLocked(account: AccountRecord): boolean {
    return Boolean(account.lockedUntil && account.lockedUntil.getTime() > now().getTime());
  }

  /** Counts a failure; the fifth in a row locks the account for 15 minutes. */
  async function recordFailure(account: AccountRecord, origin: RequestOrigin, reason: string) {
    const failures = account.failedLogins + 1;
    const locks = failures >= MAX_FAILED_LOGINS;
    await repository.setLoginState(account.id, {
      failedLogins: locks ? 0 : failures,
      lockedUntil: locks ? new Date(now().getTime() + LOCKOUT_MS) : account.lockedUntil,
    });
    await audit.record({
      origin,
      action: 'auth.login',
      objectType: 'account',
      objectId: account.id,
      outcome: 'failure',
      detail: { reason, locked: locks },
    });
  }

  /** Same answer, same work, whether the account is unknown, disabled, locked or the password wrong. */
  async function checkPassword(
    account: AccountRecord | undefined,
    password: string,
    origin: RequestOrigin,
    attempted: string,
  ) {
    if (!account) {
      await verifyDecoy(password);
      await audit.record({
        origin,
        action: 'auth.login',
        objectType: 'account',
        // What was typed may be a phone or an ID number: keep a keyed hash that still
        // correlates repeated attempts, never the text itself.
        objectId: `attempt:${cipher.blindIndex(attempted.toLowerCase()).slice(0, 16)}`,
        outcome: 'failure',
        detail: { reason: 'unknown_account' },
      });
      throw new InvalidCredentialsError();
    }
    const matches = await verifyPassword(account.passwordHash, password);
    if (account.status !== 'active' || isLocked(account)) {
      await audit.record({
        origin,
        action: 'auth.login',
        objectType: 'account',
        objectId: account.id,
        outcome: 'failure',
        detail: { reason: account.status !== 'active' ? 'disabled' : 'locked' },
      });
      throw new InvalidCredentialsError();
    }
    if (!matches) {
      await recordFailure(account, origin, 'wrong_password');
      throw new InvalidCredentialsError();
    }
  }

  async function signIn(
    account: AccountRecord,
    origin: RequestOrigin,
    userAgent: string | null,
  ): Promise<LoginOutcome> {
    const pendingTotp = Boolean(account.totpEnabledAt);
    await repository.setLoginState(account.id, {
      failedLogins: 0,
      lockedUntil: null,
      ...(pendingTotp ? {} : { lastLoginAt: now() }),
    });
    const issued = await issueSession(account, origin, userAgent, pendingTotp);
    // The password proved who this is: the trail names them as the actor, not "anonymous".
    const actor = actorOf(account, await repository.rolesOfAccount(account.id), issued.session.id);
    await audit.record({
      origin: { actor, ip: origin.ip },
      action: pendingTotp ? 'auth.password_verified' : 'auth.login',
      objectType: 'account',
      objectId: account.id,
      outcome: 'success',
    });
    return { status: pendingTotp ? 'totp_required' : 'signed_in', issued, accountId: account.id };
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

  async function rolesByIds(roleIds: string[]): Promise<RoleRow[]> {
    const found = await repository.findRolesByIds([...new Set(roleIds)]);
    if (found.length !== new Set(roleIds).size) throw fieldError('body.roleIds', 'role.unknown');
    const adminKinds = new Set(found.map((role) => role.adminKind).filter(Boolean));
    if (adminKinds.size > 1) throw new ConflictError('error.admin_separation');
    return found;
  }

  function decryptPhone(account: AccountRecord): string | null {
    return account.phoneCipher ? cipher.decrypt(account.phoneCipher) : null;
  }

  function presentAccount(
    account: AccountRecord,
    accountRoles: RoleRow[],
    unmasked = false,
  ): Account {
    const phone = decryptPhone(account);
    return {
      id: account.id,
      kind: account.kind,
      username: account.username,
      displayName: account.displayName,
      phone: phone && (unmasked ? phone : maskPhone(phone)),
      organizationId: account.organizationId,
      organizationName: account.organizationName,
      roles: accountRoles.map((role) => ({ id: role.id, code: role.code, name: role.name })),
      status: account.status,
      totpEnabled: Boolean(account.totpEnabledAt),
      locked: isLocked(account),
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
      createdAt: account.createdAt.toISOString(),
      version: account.version,
    };
  }

  function presentRole(role: RoleRow): Role {
    return { ...role, description: role.description, permissions: role.permissions };
  }

  async function requireAccount(id: string, scope: DataScope): Promise<AccountRecord> {
    const account = await repository.findAccount(id, scope);
    if (!account) throw new NotFoundError('account', id);
    return account;
  }

  return {
    /** Creates the built-in roles a deployment starts with; later starts leave edits alone. */
    /**
     * Creates missing built-in roles. The administrators' permissions are fixed by code, so an
     * upgrade that adds permissions to them applies it here; other roles are the security admin's.
     */
    async ensureBuiltinRoles(): Promise<void> {
      for (const role of builtinRoles) {
        const existing = await repository.findRoleByCode(role.code);
        if (!existing) {
          await repository.insertRole({ ...role, builtin: true });
        } else if (role.adminKind && !samePermissions(existing.permissions, role.permissions)) {
          await repository.updateRole(existing.id, existing.version, {
            permissions: role.permissions,
          });
        }
      }
    },

    /**
     * On a system without accounts, the first system administrator, with a random password that
     * the caller prints once and that must be changed at first sign-in.
     */
    async createFirstAdministrator(): Promise<{ username: string; password: string } | null> {
      if ((await repository.countAccounts()) > 0) return null;
      const password = generatePassword();
      const systemAdmin = await repository.findRoleByCode('system_admin');
      if (!systemAdmin) throw new Error('built-in roles are missing; run ensureBuiltinRoles first');
      await db.transaction(async (tx) => {
        const txRepository = createIdentityRepository(tx);
        const id = await txRepository.insertAccount({
          kind: 'staff',
          username: 'admin',
          displayName: '系统管理员',
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        });
        await txRepository.setAccountRoles(id, [systemAdmin.id]);
        await audit.record(
          {
            origin: { actor: null, ip: null },
            action: 'account.create',
            objectType: 'account',
            objectId: id,
            outcome: 'success',
            detail: { firstAdministrator: true },
          },
          tx,
        );
      });
      return { username: 'admin', password };
    },

    async loginStaff(
      username: string,
      password: string,
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const account = await repository.findStaffByUsername(username);
      await checkPassword(account, password, origin, username);
      return signIn(account as AccountRecord, origin, userAgent);
    },

    async loginCitizen(
      phone: string,
      password: string,
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const account = await repository.findCitizenByPhoneIndex(cipher.blindIndex(phone));
      await checkPassword(account, password, origin, 'citizen');
      return signIn(account as AccountRecord, origin, userAgent);
    },

    /** Second step: a pending session becomes a full one under a new id. */
    async completeTotp(
      token: string | undefined,
      code: string,
      origin: RequestOrigin,
    ): Promise<{ issued: IssuedSession; accountId: string }> {
      const session = token
        ? await repository.findLiveSessionByTokenHash(sha256(token))
        : undefined;
      if (!session || !session.pendingTotp || session.expiresAt.getTime() <= now().getTime()) {
        throw new InvalidCredentialsError('error.totp_not_pending');
      }
      const account = await repository.findAccount(session.accountId);
      if (!account?.totpSecretCipher || account.status !== 'active' || isLocked(account))
        throw new InvalidCredentialsError('error.totp_not_pending');
      if (!(await verifyTotp(cipher.decrypt(account.totpSecretCipher), code, now()))) {
        await recordFailure(account, origin, 'wrong_totp');
        throw new InvalidCredentialsError('error.totp_invalid');
      }
      const fresh = randomBytes(32).toString('base64url');
      await repository.completeTotp(session.id, sha256(fresh), now());
      await repository.setLoginState(account.id, { failedLogins: 0, lastLoginAt: now() });
      const actor = actorOf(account, await repository.rolesOfAccount(account.id), session.id);
      await audit.record({
        origin: { actor, ip: origin.ip },
        action: 'auth.login',
        objectType: 'account',
        objectId: account.id,
        outcome: 'success',
        detail: { factor: 'totp' },
      });
      return {
        issued: { token: fresh, session: { ...session, pendingTotp: false } },
        accountId: account.id,
      };
    },

    /** The actor behind a session cookie, or null; ends sessions that idled or outlived 8 hours. */
    async resolveSession(token: string | undefined): Promise<Actor | null> {
      if (!token) return null;
      const session = await repository.findLiveSessionByTokenHash(sha256(token));
      if (!session || session.pendingTotp) return null;
      const at = now();
      const account = await repository.findAccount(session.accountId);
      if (!account || account.status !== 'active') return null;
      const idleMs = account.kind === 'staff' ? staffIdleMs : citizenIdleMs;
      if (session.expiresAt.getTime() <= at.getTime()) {
        await repository.endSession(session.id, 'expired', at);
        return null;
      }
      if (at.getTime() - session.lastSeenAt.getTime() > idleMs) {
        await repository.endSession(session.id, 'idle', at);
        return null;
      }
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        await repository.touchSession(session.id, at);
      const accountRoles = await repository.rolesOfAccount(account.id);
      return actorOf(account, accountRoles, session.id);
    },

    async me(actor: Actor): Promise<Me> {
      const account = await repository.findAccount(actor.accountId);
      if (!account) throw new NotFoundError('account', actor.accountId);
      const accountRoles = await repository.rolesOfAccount(account.id);
      const session = await repository.findLiveSession(actor.sessionId, { level: 'all' });
      const phone = decryptPhone(account);
      return {
        accountId: account.id,
        kind: account.kind,
        displayName: account.displayName,
        username: account.username,
        phone: phone && maskPhone(phone),
        organizationId: account.organizationId,
        organizationName: account.organizationName,
        roles: accountRoles.map((role) => ({ code: role.code, name: role.name })),
        permissions: [...actor.permissions],
        scope: actor.scope.level,
        totpEnabled: Boolean(account.totpEnabledAt),
        totpRequired: actor.restriction === 'totp_enrolment',
        passwordChangeRequired: actor.restriction === 'password_change',
        csrfToken: csrfTokenFor(options.secretKey, actor.sessionId),
        sessionExpiresAt: (session?.expiresAt ?? now()).toISOString(),
      };
    },

    /** Signing out ends every session of the user, on every device, at once. */
    async logout(actor: Actor, origin: RequestOrigin): Promise<void> {
      const ended = await repository.endSessionsOfAccount(actor.accountId, 'logout', now());
      await audit.record({
        origin,
        action: 'auth.logout',
        objectType: 'account',
        objectId: actor.accountId,
        outcome: 'success',
        detail: { sessionsEnded: ended },
      });
    },

    /** Ends every session of the user, including this one, and opens a fresh one. */
    async changePassword(
      actor: Actor,
      current: string,
      next: string,
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<IssuedSession> {
      const account = await requireAccount(actor.accountId, { level: 'all' });
      if (!(await verifyPassword(account.passwordHash, current))) {
        await audit.record({
          origin,
          action: 'account.password_change',
          objectType: 'account',
          objectId: account.id,
          outcome: 'failure',
        });
        throw fieldError('body.currentPassword', 'password.wrong_current');
      }
      if (current === next) throw fieldError('body.newPassword', 'password.reused');
      checkNewPassword(
        next,
        account.kind,
        {
          username: account.username,
          phone: decryptPhone(account),
          displayName: account.displayName,
        },
        'body.newPassword',
      );
      const passwordHash = await hashPassword(next);
      return db.transaction(async (tx) => {
        const txRepository = createIdentityRepository(tx);
        await txRepository.updateAccount(account.id, account.version, {
          passwordHash,
          passwordChangedAt: now(),
          mustChangePassword: false,
        });
        await txRepository.endSessionsOfAccount(account.id, 'password_changed', now());
        await audit.record(
          {
            origin,
            action: 'account.password_change',
            objectType: 'account',
            objectId: account.id,
            outcome: 'success',
          },
          tx,
        );
        return issueSession(account, origin, userAgent, false, tx);
      });
    },

    async startTotpEnrolment(actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
      const account = await requireAccount(actor.accountId, { level: 'all' });
      const secret = newTotpSecret();
      await repository.updateAccount(account.id, account.version, {
        totpSecretCipher: cipher.encrypt(secret),
        totpEnabledAt: null,
      });
      return { secret, otpauthUri: totpUri(secret, account.username ?? account.displayName) };
    },

    async confirmTotpEnrolment(actor: Actor, code: string, origin: RequestOrigin): Promise<void> {
      const account = await requireAccount(actor.accountId, { level: 'all' });
      if (
        !account.totpSecretCipher ||
        !(await verifyTotp(cipher.decrypt(account.totpSecretCipher), code, now()))
      ) {
        throw fieldError('body.code', 'error.totp_invalid');
      }
      await repository.updateAccount(account.id, account.version, { totpEnabledAt: now() });
      await audit.record({
        origin,
        action: 'account.totp_enrol',
        objectType: 'account',
        objectId: account.id,
        outcome: 'success',
      });
    },

    async requestCitizenCode(
      phone: string,
      purpose: 'sign_up' | 'sign_in',
      origin: RequestOrigin,
      locale: Locale,
    ): Promise<{ sentTo: string; expiresInSeconds: number }> {
      const phoneIndex = cipher.blindIndex(phone);
      if (purpose === 'sign_up' && (await repository.findCitizenByPhoneIndex(phoneIndex))) {
        throw new ConflictError('error.phone_taken');
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await db.transaction(async (tx) => {
        await createIdentityRepository(tx).insertOneTimeCode({
          phoneIndex,
          purpose,
          codeHash: createHmac('sha256', options.secretKey)
            .update(`${phoneIndex}:${code}`)
            .digest('base64url'),
          expiresAt: new Date(now().getTime() + CODE_TTL_MS),
        });
        await options.codes.enqueue(
          {
            channel: 'sms',
            phone,
            template: 'citizen.one_time_code',
            params: { code, minutes: CODE_TTL_MS / 60_000 },
            locale,
          },
          tx,
        );
        await audit.record(
          {
            origin,
            action: 'auth.code_sent',
            objectType: 'phone',
            objectId: maskPhone(phone),
            outcome: 'success',
            detail: { purpose },
          },
          tx,
        );
      });
      return { sentTo: maskPhone(phone), expiresInSeconds: CODE_TTL_MS / 1000 };
    },

    async signUpCitizen(
      input: { phone: string; code: string; displayName: string; password: string },
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const phoneIndex = cipher.blindIndex(input.phone);
      const stored = await repository.latestOneTimeCode(phoneIndex, 'sign_up');
      const expected = createHmac('sha256', options.secretKey)
        .update(`${phoneIndex}:${input.code}`)
        .digest('base64url');
      if (
        !stored ||
        stored.attempts >= CODE_MAX_ATTEMPTS ||
        stored.expiresAt.getTime() <= now().getTime() ||
        stored.codeHash !== expected
      ) {
        if (stored) await repository.countAttempt(stored.id);
        throw fieldError('body.code', 'error.invalid_code');
      }
      checkNewPassword(
        input.password,
        'citizen',
        { phone: input.phone, displayName: input.displayName },
        'body.password',
      );
      if (await repository.findCitizenByPhoneIndex(phoneIndex))
        throw new ConflictError('error.phone_taken');
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction(async (tx) => {
        const txRepository = createIdentityRepository(tx);
        await txRepository.consumeOneTimeCode(stored.id, now());
        const accountId = await txRepository.insertAccount({
          kind: 'citizen',
          displayName: input.displayName,
          phoneCipher: cipher.encrypt(input.phone),
          phoneIndex,
          passwordHash,
        });
        await audit.record(
          {
            origin,
            action: 'account.create',
            objectType: 'account',
            objectId: accountId,
            outcome: 'success',
            detail: { kind: 'citizen' },
          },
          tx,
        );
        return accountId;
      });
      return signIn((await repository.findAccount(id))!, origin, userAgent);
    },

    async listAccounts(
      actor: Actor,
      query: Parameters<typeof repository.listAccounts>[0],
    ): Promise<Page<Account>> {
      const page = await repository.listAccounts(query, actor.scope);
      const rolesByAccount = await repository.rolesOfAccounts(
        page.items.map((account) => account.id),
      );
      return {
        ...page,
        items: page.items.map((account) =>
          presentAccount(account, rolesByAccount.get(account.id) ?? []),
        ),
      };
    },

    /** Reads an account; the clear phone needs `personal_data.unmask`, and every unmasking is audited. */
    async getAccount(
      actor: Actor,
      id: string,
      unmask: boolean,
      origin: RequestOrigin,
    ): Promise<Account> {
      const account = await requireAccount(id, actor.scope);
      if (unmask) {
        if (!actor.permissions.has('personal_data.unmask')) {
          await audit.record({
            origin,
            action: 'personal_data.unmask',
            objectType: 'account',
            objectId: id,
            outcome: 'denied',
          });
          throw new ForbiddenError('error.unmask_forbidden');
        }
        await audit.record({
          origin,
          action: 'personal_data.unmask',
          objectType: 'account',
          objectId: id,
          outcome: 'success',
          detail: { fields: ['phone'] },
        });
      }
      return presentAccount(account, await repository.rolesOfAccount(id), unmask);
    },

    async createStaffAccount(
      actor: Actor,
      input: {
        username: string;
        displayName: string;
        phone: string | null;
        organizationId: string;
        roleIds: string[];
      },
      origin: RequestOrigin,
      findOrganization: (id: string) => Promise<{ divisionCode: string } | undefined>,
    ): Promise<{ account: Account; initialPassword: string }> {
      const organization = await findOrganization(input.organizationId);
      const inScope =
        organization &&
        (actor.scope.level === 'all' ||
          (actor.scope.level === 'district' &&
            organization.divisionCode.startsWith(actor.scope.divisionPrefix)) ||
          (actor.scope.level === 'organization' &&
            actor.scope.organizationId === input.organizationId));
      if (!inScope) throw fieldError('body.organizationId', 'organization.unknown');
      if (await repository.findStaffByUsername(input.username))
        throw fieldError('body.username', 'account.username.taken');
      const roleRows = await rolesByIds(input.roleIds);
      const initialPassword = generatePassword();
      const passwordHash = await hashPassword(initialPassword);
      const id = await db.transaction(async (tx) => {
        const txRepository = createIdentityRepository(tx);
        const accountId = await txRepository.insertAccount({
          kind: 'staff',
          username: input.username,
          displayName: input.displayName,
          phoneCipher: input.phone ? cipher.encrypt(input.phone) : null,
          phoneIndex: input.phone ? cipher.blindIndex(input.phone) : null,
          organizationId: input.organizationId,
          passwordHash,
          mustChangePassword: true,
        });
        await txRepository.setAccountRoles(
          accountId,
          roleRows.map((role) => role.id),
        );
        await audit.record(
          {
            origin,
            action: 'account.create',
            objectType: 'account',
            objectId: accountId,
            outcome: 'success',
            detail: { roles: roleRows.map((role) => role.code) },
          },
          tx,
        );
        return accountId;
      });
      const created = (await repository.findAccount(id))!;
      return { account: presentAccount(created, roleRows), initialPassword };
    },

    /** Role changes and disabling end every session of the account at once. */
    async updateAccount(
      actor: Actor,
      id: string,
      patch: {
        displayName?: string;
        roleIds?: string[];
        status?: 'active' | 'disabled';
        version: number;
      },
      origin: RequestOrigin,
    ): Promise<Account> {
      const account = await requireAccount(id, actor.scope);
      const roleRows = patch.roleIds ? await rolesByIds(patch.roleIds) : undefined;
      await db.transaction(async (tx) => {
        const txRepository = createIdentityRepository(tx);
        const changed = await txRepository.updateAccount(id, patch.version, {
          ...(patch.displayName ? { displayName: patch.displayName } : {}),
          ...(patch.status ? { status: patch.status } : {}),
        });
        if (!changed) throw new StaleVersionError('account', patch.version);
        const previousRoles = await txRepository.rolesOfAccount(id);
        const rolesChanged =
          roleRows !== undefined &&
          !sameMembers(
            roleRows.map((role) => role.id),
            previousRoles.map((role) => role.id),
          );
        if (rolesChanged) {
          await txRepository.setAccountRoles(
            id,
            roleRows.map((role) => role.id),
          );
        }
        const disabling = patch.status === 'disabled' && account.status !== 'disabled';
        if (rolesChanged || disabling) {
          await txRepository.endSessionsOfAccount(
            id,
            rolesChanged ? 'roles_changed' : 'disabled',
            now(),
          );
        }
        await audit.record(
          {
            origin,
            action: 'account.update',
            objectType: 'account',
            objectId: id,
            outcome: 'success',
            detail: {
              fields: Object.keys(patch).filter((key) => key !== 'version'),
              ...(roleRows ? { roles: roleRows.map((role) => role.code) } : {}),
            },
          },
          tx,
        );
      });
      const updated = (await repository.findAccount(id))!;
      return presentAccount(updated, await repository.rolesOfAccount(id));
    },

    async listRoles(): Promise<Role[]> {
      return (await repository.listRoles()).map(presentRole);
    },

    async createRole(
      input: {
        code: string;
        name: string;
        description: string;
        permissions: Permission[];
        requiresTotp: boolean;
      },
      origin: RequestOrigin,
    ): Promise<Role> {
      if (await repository.findRoleByCode(input.code))
        throw fieldError('body.code', 'role.code.taken');
      return db.transaction(async (tx) => {
        const role = await createIdentityRepository(tx).insertRole({
          ...input,
          permissions: [...new Set(input.permissions)],
        });
        await audit.record(
          {
            origin,
            action: 'role.create',
            objectType: 'role',
            objectId: role.id,
            outcome: 'success',
            detail: { code: role.code, permissions: role.permissions },
          },
          tx,
        );
        return presentRole(role);
      });
    },

    async updateRole(
      id: string,
      patch: {
        name?: string;
        description?: string;
        permissions?: Permission[];
        requiresTotp?: boolean;
        version: number;
      },
      origin: RequestOrigin,
    ): Promise<Role> {
      const role = await repository.findRole(id);
      if (!role) throw new NotFoundError('role', id);
      if (role.builtin && patch.name && patch.name !== role.name)
        throw new ConflictError('error.builtin_role');
      const permissionsChange =
        patch.permissions && !sameMembers(patch.permissions, role.permissions);
      // The three administrators' duties are fixed: widening one would undo their separation.
      if (role.adminKind && permissionsChange) throw new ConflictError('error.builtin_role');
      await db.transaction(async (tx) => {
        const txRepository = createIdentityRepository(tx);
        const { version, ...changes } = patch;
        if (!(await txRepository.updateRole(id, version, changes)))
          throw new StaleVersionError('role', version);
        if (permissionsChange) {
          for (const accountId of await txRepository.accountIdsWithRole(id)) {
            await txRepository.endSessionsOfAccount(accountId, 'roles_changed', now());
          }
        }
        await audit.record(
          {
            origin,
            action: 'role.update',
            objectType: 'role',
            objectId: id,
            outcome: 'success',
            detail: {
              fields: Object.keys(changes),
              ...(patch.permissions ? { permissions: patch.permissions } : {}),
            },
          },
          tx,
        );
      });
      return presentRole((await repository.findRole(id))!);
    },

    async listSessions(actor: Actor, query: { accountId?: string; limit: number; offset: number }) {
      const page = await repository.listLiveSessions(query, actor.scope, now());
      return {
        ...page,
        items: page.items.map((session) => ({
          id: session.id,
          accountId: session.accountId,
          accountName: session.accountName,
          createdAt: session.createdAt.toISOString(),
          lastSeenAt: session.lastSeenAt.toISOString(),
          expiresAt: session.expiresAt.toISOString(),
          ip: session.ip,
          userAgent: session.userAgent,
          current: session.id === actor.sessionId,
        })),
      };
    },

    async endSession(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
      const session = await repository.findLiveSession(id, actor.scope);
      if (!session) throw new NotFoundError('session', id);
      await repository.endSession(id, 'ended_by_admin', now());
      await audit.record({
        origin,
        action: 'session.end',
        objectType: 'session',
        objectId: id,
        outcome: 'success',
        detail: { accountId: session.accountId },
      });
    },

    /** Demo data only: a staff account with a known role set and a random password. */
    async createDemoStaff(
      input: {
        username: string;
        displayName: string;
        organizationId: string | null;
        roleCodes: string[];
        mustChangePassword: boolean;
      },
      executor: Database = db,
    ): Promise<string> {
      const txRepository = createIdentityRepository(executor);
      const roleIds: string[] = [];
      for (const code of input.roleCodes)
        roleIds.push((await txRepository.findRoleByCode(code))!.id);
      const password = generatePassword();
      const id = await txRepository.insertAccount({
        kind: 'staff',
        username: input.username,
        displayName: input.displayName,
        organizationId: input.organizationId,
        passwordHash: await hashPassword(password),
        mustChangePassword: input.mustChangePassword,
      });
      await txRepository.setAccountRoles(id, roleIds);
      return password;
    },

    async createDemoCitizen(
      input: { phone: string; displayName: string },
      executor: Database = db,
    ): Promise<string> {
      const password = generatePassword();
      await createIdentityRepository(executor).insertAccount({
        kind: 'citizen',
        displayName: input.displayName,
        phoneCipher: cipher.encrypt(input.phone),
        phoneIndex: cipher.blindIndex(input.phone),
        passwordHash: await hashPassword(password),
      });
      return password;
    },

    scopeOf,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
export type { AdminKind };

function samePermissions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
