import { fieldProblem } from '../../platform/input.js';
import type { SignedInOrigin } from '../../platform/access/actor.js';
import type { Page } from '../../../contracts/common.js';
import type { Account } from '../../../contracts/identity.js';
import type { Actor } from '../../platform/access/actor.js';
import { changedFields, requireCurrentVersion } from '../../platform/writes/writes.js';
import { sameMembers, systemOrigin, type IdentityCore } from './identity.core.js';
import {
  createIdentityRepository,
  type AccountListQuery,
  type AccountRecord,
  type RoleRow,
} from './identity.repository.js';
import { assignableRoles } from './identity.roles.js';
import { generatePassword, hashPassword } from './passwords.js';

export interface NewStaffAccount {
  username: string;
  displayName: string;
  phone: string | null;
  organizationId: string;
  roleIds: string[];
}

export interface AccountPatch {
  displayName?: string;
  roleIds?: string[];
  status?: 'active' | 'disabled';
  version: number;
}

export type OrganizationFinder = (id: string) => Promise<{ divisionCode: string } | undefined>;

const usernameConflicts = {
  accounts_username_unique: () => fieldProblem('body.username', 'account.username.taken'),
};

function inScopeOf(
  actor: Actor,
  organizationId: string,
  organization: { divisionCode: string } | undefined,
): boolean {
  if (!organization) return false;
  const { scope } = actor;
  return (
    scope.level === 'all' ||
    (scope.level === 'district' && organization.divisionCode.startsWith(scope.divisionPrefix)) ||
    (scope.level === 'organization' && scope.organizationId === organizationId)
  );
}

export function createIdentityAccounts(core: IdentityCore) {
  const { repository, now, requireAccount } = core;
  const { writer, personalFields } = core.deps;

  function presentAccount(
    account: AccountRecord,
    accountRoles: RoleRow[],
    unmasked = false,
  ): Account {
    return {
      id: account.id,
      kind: account.kind,
      username: account.username,
      displayName: account.displayName,
      phone: personalFields.open('phone', account.phoneCipher, { clear: unmasked }),
      organizationId: account.organizationId,
      organizationName: account.organizationName,
      roles: accountRoles.map((role) => ({ id: role.id, code: role.code, name: role.name })),
      status: account.status,
      totpEnabled: Boolean(account.totpEnabledAt),
      locked: core.isLocked(account),
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
      createdAt: account.createdAt.toISOString(),
      version: account.version,
    };
  }

  async function presentStored(id: string): Promise<Account> {
    const account = (await repository.findAccount(id))!;
    return presentAccount(account, await repository.rolesOfAccount(id));
  }

  return {
    /**
     * On a system without accounts, the first system administrator, with a random password that
     * the caller prints once and that must be changed at first sign-in.
     */
    async createFirstAdministrator(): Promise<{ username: string; password: string } | null> {
      if ((await repository.countAccounts()) > 0) return null;
      const systemAdmin = await repository.findRoleByCode('system_admin');
      if (!systemAdmin) throw new Error('built-in roles are missing; run ensureBuiltinRoles first');
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      await writer.write(systemOrigin, async ({ tx, audit: auditWrite }) => {
        const txRepository = createIdentityRepository(tx);
        const id = await txRepository.insertAccount({
          kind: 'staff',
          username: 'admin',
          displayName: '系统管理员',
          passwordHash,
          mustChangePassword: true,
        });
        await txRepository.setAccountRoles(id, [systemAdmin.id]);
        auditWrite({
          action: 'account.create',
          objectType: 'account',
          objectId: id,
          detail: { firstAdministrator: true },
        });
      });
      return { username: 'admin', password };
    },

    async listAccounts(query: AccountListQuery, actor: Actor): Promise<Page<Account>> {
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
    async getAccount(id: string, unmask: boolean, origin: SignedInOrigin): Promise<Account> {
      const { actor } = origin;
      const account = await requireAccount(id, actor.scope);
      if (unmask) {
        await personalFields.authorizeUnmask({
          origin,
          objectType: 'account',
          objectId: id,
          fields: ['phone'],
        });
      }
      return presentAccount(account, await repository.rolesOfAccount(id), unmask);
    },

    async createStaffAccount(
      input: NewStaffAccount,
      origin: SignedInOrigin,
      findOrganization: OrganizationFinder,
    ): Promise<{ account: Account; initialPassword: string }> {
      const { actor } = origin;
      const organization = await findOrganization(input.organizationId);
      if (!inScopeOf(actor, input.organizationId, organization))
        throw fieldProblem('body.organizationId', 'organization.unknown');
      const roleRows = await assignableRoles(repository, input.roleIds);
      const initialPassword = generatePassword();
      const passwordHash = await hashPassword(initialPassword);
      const phone = personalFields.seal('phone', input.phone);
      const id = await writer.write(
        origin,
        async ({ tx, audit: auditWrite }) => {
          const txRepository = createIdentityRepository(tx);
          const accountId = await txRepository.insertAccount({
            kind: 'staff',
            username: input.username,
            displayName: input.displayName,
            phoneCipher: phone.cipher,
            phoneIndex: phone.index,
            organizationId: input.organizationId,
            passwordHash,
            mustChangePassword: true,
          });
          await txRepository.setAccountRoles(
            accountId,
            roleRows.map((role) => role.id),
          );
          auditWrite({
            action: 'account.create',
            objectType: 'account',
            objectId: accountId,
            detail: { roles: roleRows.map((role) => role.code) },
          });
          return accountId;
        },
        { conflicts: usernameConflicts },
      );
      const created = (await repository.findAccount(id))!;
      return { account: presentAccount(created, roleRows), initialPassword };
    },

    /** Role changes and disabling end every session of the account at once. */
    async updateAccount(id: string, patch: AccountPatch, origin: SignedInOrigin): Promise<Account> {
      const { actor } = origin;
      const account = await requireAccount(id, actor.scope);
      const roleRows = patch.roleIds ? await assignableRoles(repository, patch.roleIds) : undefined;
      const changes = {
        ...(patch.displayName ? { displayName: patch.displayName } : {}),
        ...(patch.status ? { status: patch.status } : {}),
      };
      await writer.write(origin, async ({ tx, audit: auditWrite }) => {
        const txRepository = createIdentityRepository(tx);
        await requireCurrentVersion(
          txRepository.updateAccount(id, patch.version, changes),
          'account',
          patch.version,
        );
        const previousRoleIds = (await txRepository.rolesOfAccount(id)).map((role) => role.id);
        const newRoleIds = roleRows?.map((role) => role.id);
        const rolesChanged = newRoleIds !== undefined && !sameMembers(newRoleIds, previousRoleIds);
        if (rolesChanged) await txRepository.setAccountRoles(id, newRoleIds);
        const disabling = patch.status === 'disabled' && account.status !== 'disabled';
        if (rolesChanged || disabling) {
          const reason = rolesChanged ? 'roles_changed' : 'disabled';
          await txRepository.endSessionsOfAccount(id, reason, now());
        }
        auditWrite({
          action: 'account.update',
          objectType: 'account',
          objectId: id,
          detail: {
            fields: [...changedFields(account, changes), ...(rolesChanged ? ['roleIds'] : [])],
            ...(roleRows ? { roles: roleRows.map((role) => role.code) } : {}),
          },
        });
      });
      return presentStored(id);
    },
  };
}
