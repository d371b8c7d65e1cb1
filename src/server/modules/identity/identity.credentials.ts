import { fieldProblem } from '../../platform/input.js';
import type { SignedInOrigin } from '../../platform/access/actor.js';
import type { Actor, RequestOrigin } from '../../platform/access/actor.js';
import { requireCurrentVersion } from '../../platform/writes/writes.js';
import { newSessionId, type IdentityCore, type IssuedSession } from './identity.core.js';
import { createIdentityRepository, type AccountRecord } from './identity.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

/** A user's own credentials: their password and their second factor. */
export function createIdentityCredentials(core: IdentityCore) {
  const { now, requireAccount } = core;
  const { writer, audit, cipher } = core.deps;

  async function refuseWrongCurrentPassword(
    account: AccountRecord,
    origin: RequestOrigin,
  ): Promise<never> {
    await audit.record({
      origin,
      action: 'account.password_change',
      objectType: 'account',
      objectId: account.id,
      outcome: 'failure',
    });
    throw fieldProblem('body.currentPassword', 'password.wrong_current');
  }

  async function totpCodeMatches(account: AccountRecord, code: string): Promise<boolean> {
    return Boolean(
      account.totpSecretCipher &&
      (await verifyTotp(cipher.decrypt(account.totpSecretCipher), code, now())),
    );
  }

  return {
    /** Ends every session of the user, including this one, and opens a fresh one. */
    async changePassword(
      current: string,
      next: string,
      origin: SignedInOrigin,
      userAgent: string | null,
    ): Promise<IssuedSession> {
      const { actor } = origin;
      const account = await requireAccount(actor.accountId, { level: 'all' });
      if (!(await verifyPassword(account.passwordHash, current)))
        await refuseWrongCurrentPassword(account, origin);
      if (current === next) throw fieldProblem('body.newPassword', 'password.reused');
      core.checkNewPassword(
        next,
        account.kind,
        {
          username: account.username,
          phone: core.decryptPhone(account),
          displayName: account.displayName,
        },
        'body.newPassword',
      );
      const passwordHash = await hashPassword(next);
      return writer.write(origin, async ({ tx, audit: auditWrite }) => {
        const txRepository = createIdentityRepository(tx);
        await requireCurrentVersion(
          txRepository.updateAccount(account.id, account.version, {
            passwordHash,
            passwordChangedAt: now(),
            mustChangePassword: false,
          }),
          'account',
          account.version,
        );
        await txRepository.endSessionsOfAccount(account.id, 'password_changed', now());
        auditWrite({
          action: 'account.password_change',
          objectType: 'account',
          objectId: account.id,
        });
        return core.openSession(txRepository, {
          id: newSessionId(),
          account,
          origin,
          userAgent,
          pendingTotp: false,
        });
      });
    },

    /** A new secret replaces any earlier one; it counts only once a code from it is confirmed. */
    async startTotpEnrolment(actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
      const account = await requireAccount(actor.accountId, { level: 'all' });
      const secret = newTotpSecret();
      await writer.write({ actor, ip: null }, async ({ tx }) => {
        await requireCurrentVersion(
          createIdentityRepository(tx).updateAccount(account.id, account.version, {
            totpSecretCipher: cipher.encrypt(secret),
            totpEnabledAt: null,
          }),
          'account',
          account.version,
        );
      });
      return { secret, otpauthUri: totpUri(secret, account.username ?? account.displayName) };
    },

    async confirmTotpEnrolment(code: string, origin: SignedInOrigin): Promise<void> {
      const { actor } = origin;
      const account = await requireAccount(actor.accountId, { level: 'all' });
      if (!(await totpCodeMatches(account, code)))
        throw fieldProblem('body.code', 'error.totp_invalid');
      await writer.write(origin, async ({ tx, audit: auditWrite }) => {
        await requireCurrentVersion(
          createIdentityRepository(tx).updateAccount(account.id, account.version, {
            totpEnabledAt: now(),
          }),
          'account',
          account.version,
        );
        auditWrite({ action: 'account.totp_enrol', objectType: 'account', objectId: account.id });
      });
    },
  };
}
