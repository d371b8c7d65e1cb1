import { fieldProblem } from '../../platform/input.js';
import type { Role } from '../../../contracts/identity.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { RequestOrigin } from '../../platform/access/actor.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { changedFields, requireCurrentVersion } from '../../platform/writes/writes.js';
import { builtinRoles, type BuiltinRole } from './builtin-roles.js';
import { sameMembers, systemOrigin, type IdentityCore } from './identity.core.js';
import {
  createIdentityRepository,
  type IdentityRepository,
  type RoleRow,
} from './identity.repository.js';

export interface NewRole {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
  requiresTotp: boolean;
}

export interface RolePatch {
  name?: string;
  description?: string;
  permissions?: Permission[];
  requiresTotp?: boolean;
  version: number;
}

const roleConflicts = { roles_code_unique: () => fieldProblem('body.code', 'role.code.taken') };

function presentRole(role: RoleRow): Role {
  return { ...role, description: role.description, permissions: role.permissions };
}

/**
 * What an upgrade must change in a stored administrator role: its duties and its second factor
 * are fixed by code (MLPS level 3 separation and two factors), whatever a deployment edited.
 */
function administratorDrift(
  stored: RoleRow,
  builtin: BuiltinRole,
): Partial<Pick<RoleRow, 'permissions' | 'requiresTotp'>> {
  return {
    ...(sameMembers(stored.permissions, builtin.permissions)
      ? {}
      : { permissions: builtin.permissions }),
    ...(stored.requiresTotp === builtin.requiresTotp ? {} : { requiresTotp: builtin.requiresTotp }),
  };
}

/** The roles to assign, all known, and never two administrators' duties on one account. */
export async function assignableRoles(
  repository: IdentityRepository,
  roleIds: string[],
): Promise<RoleRow[]> {
  const found = await repository.findRolesByIds([...new Set(roleIds)]);
  if (found.length !== new Set(roleIds).size) throw fieldProblem('body.roleIds', 'role.unknown');
  const adminKinds = new Set(found.map((role) => role.adminKind).filter(Boolean));
  if (adminKinds.size > 1) throw new ConflictError('error.admin_separation');
  return found;
}

export function createIdentityRoles(core: IdentityCore) {
  const { repository, now } = core;
  const { writer } = core.deps;

  async function ensureBuiltinRole(builtin: BuiltinRole): Promise<void> {
    const stored = await repository.findRoleByCode(builtin.code);
    const drift = stored && builtin.adminKind ? administratorDrift(stored, builtin) : {};
    if (stored && Object.keys(drift).length === 0) return;
    await writer.write(systemOrigin, async ({ tx, audit }) => {
      const txRepository = createIdentityRepository(tx);
      if (!stored) {
        const role = await txRepository.insertRole({ ...builtin, builtin: true });
        audit({
          action: 'role.create',
          objectType: 'role',
          objectId: role.id,
          detail: { code: role.code, builtin: true },
        });
        return;
      }
      await requireCurrentVersion(
        txRepository.updateRole(stored.id, stored.version, drift),
        'role',
        stored.version,
      );
      audit({
        action: 'role.update',
        objectType: 'role',
        objectId: stored.id,
        detail: { fields: Object.keys(drift), upgrade: true },
      });
    });
  }

  return {
    /**
     * Creates missing built-in roles. The administrators' permissions and second factor are fixed
     * by code, so an upgrade that changes them applies it here; other roles are the security
     * admin's to edit.
     */
    async ensureBuiltinRoles(): Promise<void> {
      for (const builtin of builtinRoles) await ensureBuiltinRole(builtin);
    },

    async listRoles(): Promise<Role[]> {
      return (await repository.listRoles()).map(presentRole);
    },

    async createRole(input: NewRole, origin: RequestOrigin): Promise<Role> {
      return writer.write(
        origin,
        async ({ tx, audit }) => {
          const role = await createIdentityRepository(tx).insertRole({
            ...input,
            permissions: [...new Set(input.permissions)],
          });
          audit({
            action: 'role.create',
            objectType: 'role',
            objectId: role.id,
            detail: { code: role.code, permissions: role.permissions },
          });
          return presentRole(role);
        },
        { conflicts: roleConflicts },
      );
    },

    /** Changing a role's permissions ends the sessions of everyone holding it. */
    async updateRole(id: string, patch: RolePatch, origin: RequestOrigin): Promise<Role> {
      const role = await repository.findRole(id);
      if (!role) throw new NotFoundError('role', id);
      if (role.builtin && patch.name && patch.name !== role.name)
        throw new ConflictError('error.builtin_role');
      const permissionsChange =
        patch.permissions !== undefined && !sameMembers(patch.permissions, role.permissions);
      // The three administrators' duties are fixed: widening one would undo their separation.
      if (role.adminKind && permissionsChange) throw new ConflictError('error.builtin_role');
      // Their second factor too: MLPS level 3 asks two factors of every administrator.
      if (role.adminKind && patch.requiresTotp === false)
        throw new ConflictError('error.builtin_role');
      const { version, ...changes } = patch;
      await writer.write(origin, async ({ tx, audit }) => {
        const txRepository = createIdentityRepository(tx);
        await requireCurrentVersion(txRepository.updateRole(id, version, changes), 'role', version);
        if (permissionsChange) {
          for (const accountId of await txRepository.accountIdsWithRole(id)) {
            await txRepository.endSessionsOfAccount(accountId, 'roles_changed', now());
          }
        }
        audit({
          action: 'role.update',
          objectType: 'role',
          objectId: id,
          detail: {
            fields: changedFields(role, changes),
            ...(patch.permissions ? { permissions: patch.permissions } : {}),
          },
        });
      });
      return presentRole((await repository.findRole(id))!);
    },
  };
}
