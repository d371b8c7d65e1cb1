import type { SignedInOrigin } from '../../platform/access/actor.js';
import type { Me } from '../../../contracts/identity.js';
import { maskPhone } from '../../../contracts/personal-data.js';
import type { Actor } from '../../platform/access/actor.js';
import { csrfTokenFor } from '../../platform/access/route-access.js';
import { NotFoundError } from '../../platform/errors.js';
import { sha256, type IdentityCore } from './identity.core.js';
import {
  createIdentityRepository,
  type AccountRecord,
  type SessionRow,
} from './identity.repository.js';

export interface SessionQuery {
  accountId?: string;
  limit: number;
  offset: number;
}

/** Writing `lastSeenAt` on every request would cost a write per read; a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

export function createIdentitySessions(core: IdentityCore) {
  const { repository, now } = core;
  const { writer, secretKey } = core.deps;
  const staffIdleMs = (core.deps.staffIdleMinutes ?? 15) * 60_000;
  const citizenIdleMs = (core.deps.citizenIdleMinutes ?? 30) * 60_000;

  /** Why a live session must end now, if it must: it outlived its 8 hours, or it idled. */
  function endReasonOf(session: SessionRow, account: AccountRecord, at: Date): string | null {
    if (session.expiresAt.getTime() <= at.getTime()) return 'expired';
    const idleMs = account.kind === 'staff' ? staffIdleMs : citizenIdleMs;
    if (at.getTime() - session.lastSeenAt.getTime() > idleMs) return 'idle';
    return null;
  }

  return {
    /** The actor behind a session cookie, or null; ends sessions that idled or outlived 8 hours. */
    async resolveSession(token: string | undefined): Promise<Actor | null> {
      if (!token) return null;
      const session = await repository.findLiveSessionByTokenHash(sha256(token));
      if (!session || session.pendingTotp) return null;
      const at = now();
      const account = await repository.findAccount(session.accountId);
      if (!account || account.status !== 'active') return null;
      const endReason = endReasonOf(session, account, at);
      if (endReason) {
        await repository.endSession(session.id, endReason, at);
        return null;
      }
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        await repository.touchSession(session.id, at);
      return core.actorOf(account, await repository.rolesOfAccount(account.id), session.id);
    },

    async me(actor: Actor): Promise<Me> {
      const account = await repository.findAccount(actor.accountId);
      if (!account) throw new NotFoundError('account', actor.accountId);
      const accountRoles = await repository.rolesOfAccount(account.id);
      const session = await repository.findLiveSession(actor.sessionId, { level: 'all' });
      const phone = core.decryptPhone(account);
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
        csrfToken: csrfTokenFor(secretKey, actor.sessionId),
        sessionExpiresAt: (session?.expiresAt ?? now()).toISOString(),
      };
    },

    /** Signing out ends every session of the user, on every device, at once. */
    async logout(origin: SignedInOrigin): Promise<void> {
      const { actor } = origin;
      await writer.write(origin, async ({ tx, audit }) => {
        const ended = await createIdentityRepository(tx).endSessionsOfAccount(
          actor.accountId,
          'logout',
          now(),
        );
        audit({
          action: 'auth.logout',
          objectType: 'account',
          objectId: actor.accountId,
          detail: { sessionsEnded: ended },
        });
      });
    },

    async listSessions(query: SessionQuery, actor: Actor) {
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

    async endSession(id: string, origin: SignedInOrigin): Promise<void> {
      const { actor } = origin;
      const session = await repository.findLiveSession(id, actor.scope);
      if (!session) throw new NotFoundError('session', id);
      await writer.write(origin, async ({ tx, audit }) => {
        // Ended meanwhile by its user or by another administrator: nothing left to end or audit.
        if (!(await createIdentityRepository(tx).endSession(id, 'ended_by_admin', now()))) return;
        audit({
          action: 'session.end',
          objectType: 'session',
          objectId: id,
          detail: { accountId: session.accountId },
        });
      });
    },
  };
}
