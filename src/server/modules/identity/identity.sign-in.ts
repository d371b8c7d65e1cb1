import { fieldProblem } from '../../platform/input.js';
import { createHmac, randomInt } from 'node:crypto';
import type { Locale } from '../../../contracts/errors.js';
import { maskPhone } from '../../../contracts/personal-data.js';
import type { RequestOrigin } from '../../platform/access/actor.js';
import { ConflictError } from '../../platform/errors.js';
import {
  InvalidCredentialsError,
  newSessionId,
  newSessionToken,
  sha256,
  type IdentityCore,
  type IssuedSession,
  type LoginOutcome,
} from './identity.core.js';
import { createIdentityRepository, type AccountRecord } from './identity.repository.js';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.js';
import { verifyTotp } from './totp.js';

export interface CitizenSignUp {
  phone: string;
  code: string;
  displayName: string;
  password: string;
}

type CodePurpose = 'sign_up' | 'sign_in';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;
const CODE_TTL_MS = 5 * 60_000;
const CODE_MAX_ATTEMPTS = 5;

const citizenPhoneConflicts = {
  accounts_citizen_phone_unique: () => new ConflictError('error.phone_taken'),
};

export function createIdentitySignIn(core: IdentityCore) {
  const { repository, now } = core;
  const { writer, audit, cipher, personalFields, secretKey, codes } = core.deps;

  function codeHash(phoneIndex: string, code: string): string {
    return createHmac('sha256', secretKey).update(`${phoneIndex}:${code}`).digest('base64url');
  }

  /**
   * Counts a failure atomically (concurrent wrong passwords each count); the fifth in a row locks
   * the account for 15 minutes.
   */
  async function recordFailure(account: AccountRecord, origin: RequestOrigin, reason: string) {
    const lockUntil = new Date(now().getTime() + LOCKOUT_MS);
    await writer.write(origin, async ({ tx, audit: auditWrite }) => {
      const locks = await createIdentityRepository(tx).countFailedLogin(
        account.id,
        MAX_FAILED_LOGINS,
        lockUntil,
      );
      auditWrite({
        action: 'auth.login',
        objectType: 'account',
        objectId: account.id,
        outcome: 'failure',
        detail: { reason, locked: locks },
      });
    });
  }

  async function refuseSignIn(
    origin: RequestOrigin,
    objectId: string,
    reason: string,
  ): Promise<never> {
    await audit.record({
      origin,
      action: 'auth.login',
      objectType: 'account',
      objectId,
      outcome: 'failure',
      detail: { reason },
    });
    throw new InvalidCredentialsError();
  }

  /** Same answer, same work, whether the account is unknown, disabled, locked or the password wrong. */
  async function checkPassword(
    account: AccountRecord | undefined,
    password: string,
    origin: RequestOrigin,
    attempted: string,
  ): Promise<AccountRecord> {
    if (!account) {
      await verifyDecoy(password);
      // What was typed may be a phone or an ID number: keep a keyed hash that still correlates
      // repeated attempts, never the text itself.
      const attempt = `attempt:${cipher.blindIndex(attempted.toLowerCase()).slice(0, 16)}`;
      return refuseSignIn(origin, attempt, 'unknown_account');
    }
    const matches = await verifyPassword(account.passwordHash, password);
    if (account.status !== 'active') return refuseSignIn(origin, account.id, 'disabled');
    if (core.isLocked(account)) return refuseSignIn(origin, account.id, 'locked');
    if (!matches) {
      await recordFailure(account, origin, 'wrong_password');
      throw new InvalidCredentialsError();
    }
    return account;
  }

  /** A verified password opens a session: a full one, or one awaiting the TOTP code. */
  async function signIn(
    account: AccountRecord,
    origin: RequestOrigin,
    userAgent: string | null,
  ): Promise<LoginOutcome> {
    const pendingTotp = Boolean(account.totpEnabledAt);
    const sessionId = newSessionId();
    // The password proved who this is: the trail names them as the actor, not "anonymous".
    const actor = core.actorOf(account, await repository.rolesOfAccount(account.id), sessionId);
    const issued = await writer.write(
      { actor, ip: origin.ip },
      async ({ tx, audit: auditWrite }) => {
        const txRepository = createIdentityRepository(tx);
        await txRepository.setLoginState(account.id, {
          failedLogins: 0,
          lockedUntil: null,
          ...(pendingTotp ? {} : { lastLoginAt: now() }),
        });
        auditWrite({
          action: pendingTotp ? 'auth.password_verified' : 'auth.login',
          objectType: 'account',
          objectId: account.id,
        });
        return core.openSession(txRepository, {
          id: sessionId,
          account,
          origin,
          userAgent,
          pendingTotp,
        });
      },
    );
    return { status: pendingTotp ? 'totp_required' : 'signed_in', issued, accountId: account.id };
  }

  async function pendingSessionOf(token: string | undefined) {
    const session = token ? await repository.findLiveSessionByTokenHash(sha256(token)) : undefined;
    if (!session || !session.pendingTotp || session.expiresAt.getTime() <= now().getTime())
      throw new InvalidCredentialsError('error.totp_not_pending');
    const account = await repository.findAccount(session.accountId);
    if (!account?.totpSecretCipher || account.status !== 'active' || core.isLocked(account))
      throw new InvalidCredentialsError('error.totp_not_pending');
    return { session, account, secret: cipher.decrypt(account.totpSecretCipher) };
  }

  /** The latest unused code for the phone, if it is the one typed, in time, within 5 tries. */
  async function checkCitizenCode(phoneIndex: string, code: string, purpose: CodePurpose) {
    const stored = await repository.latestOneTimeCode(phoneIndex, purpose);
    const valid =
      stored &&
      stored.attempts < CODE_MAX_ATTEMPTS &&
      stored.expiresAt.getTime() > now().getTime() &&
      stored.codeHash === codeHash(phoneIndex, code);
    if (!valid) {
      if (stored) await repository.countAttempt(stored.id);
      throw fieldProblem('body.code', 'error.invalid_code');
    }
    return stored;
  }

  return {
    async loginStaff(
      username: string,
      password: string,
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const account = await repository.findStaffByUsername(username);
      return signIn(await checkPassword(account, password, origin, username), origin, userAgent);
    },

    async loginCitizen(
      phone: string,
      password: string,
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const account = await repository.findCitizenByPhoneIndex(
        personalFields.indexOf('phone', phone),
      );
      return signIn(await checkPassword(account, password, origin, 'citizen'), origin, userAgent);
    },

    /** Second step: a pending session becomes a full one under a new id. */
    async completeTotp(
      token: string | undefined,
      code: string,
      origin: RequestOrigin,
    ): Promise<{ issued: IssuedSession; accountId: string }> {
      const { session, account, secret } = await pendingSessionOf(token);
      if (!(await verifyTotp(secret, code, now()))) {
        await recordFailure(account, origin, 'wrong_totp');
        throw new InvalidCredentialsError('error.totp_invalid');
      }
      const fresh = newSessionToken();
      const actor = core.actorOf(account, await repository.rolesOfAccount(account.id), session.id);
      await writer.write({ actor, ip: origin.ip }, async ({ tx, audit: auditWrite }) => {
        const txRepository = createIdentityRepository(tx);
        await txRepository.completeTotp(session.id, sha256(fresh), now());
        await txRepository.setLoginState(account.id, { failedLogins: 0, lastLoginAt: now() });
        auditWrite({
          action: 'auth.login',
          objectType: 'account',
          objectId: account.id,
          detail: { factor: 'totp' },
        });
      });
      return {
        issued: { token: fresh, session: { ...session, pendingTotp: false } },
        accountId: account.id,
      };
    },

    async requestCitizenCode(
      phone: string,
      purpose: CodePurpose,
      origin: RequestOrigin,
      locale: Locale,
    ): Promise<{ sentTo: string; expiresInSeconds: number }> {
      const phoneIndex = personalFields.indexOf('phone', phone);
      if (purpose === 'sign_up' && (await repository.findCitizenByPhoneIndex(phoneIndex))) {
        throw new ConflictError('error.phone_taken');
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await writer.write(origin, async ({ tx, audit: auditWrite }) => {
        await createIdentityRepository(tx).insertOneTimeCode({
          phoneIndex,
          purpose,
          codeHash: codeHash(phoneIndex, code),
          expiresAt: new Date(now().getTime() + CODE_TTL_MS),
        });
        await codes.enqueue(
          {
            channel: 'sms',
            phone,
            template: 'citizen.one_time_code',
            params: { code, minutes: CODE_TTL_MS / 60_000 },
            locale,
          },
          tx,
        );
        auditWrite({
          action: 'auth.code_sent',
          objectType: 'phone',
          objectId: maskPhone(phone),
          detail: { purpose },
        });
      });
      return { sentTo: maskPhone(phone), expiresInSeconds: CODE_TTL_MS / 1000 };
    },

    async signUpCitizen(
      input: CitizenSignUp,
      origin: RequestOrigin,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const phoneIndex = personalFields.indexOf('phone', input.phone);
      const stored = await checkCitizenCode(phoneIndex, input.code, 'sign_up');
      core.checkNewPassword(
        input.password,
        'citizen',
        { phone: input.phone, displayName: input.displayName },
        'body.password',
      );
      const passwordHash = await hashPassword(input.password);
      const id = await writer.write(
        origin,
        async ({ tx, audit: auditWrite }) => {
          const txRepository = createIdentityRepository(tx);
          await txRepository.consumeOneTimeCode(stored.id, now());
          const accountId = await txRepository.insertAccount({
            kind: 'citizen',
            displayName: input.displayName,
            phoneCipher: personalFields.seal('phone', input.phone).cipher,
            phoneIndex,
            passwordHash,
          });
          auditWrite({
            action: 'account.create',
            objectType: 'account',
            objectId: accountId,
            detail: { kind: 'citizen' },
          });
          return accountId;
        },
        { conflicts: citizenPhoneConflicts },
      );
      return signIn((await repository.findAccount(id))!, origin, userAgent);
    },
  };
}
