import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { createServices, type Services } from '../../services.js';
import { builtinRoles } from './builtin-roles.js';
import { createIdentityRepository } from './identity.repository.js';

describe('built-in roles', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    services = createServices(database.db);
    await services.identity.ensureBuiltinRoles();
  });

  afterAll(async () => {
    await database.close();
  });

  async function roleByCode(code: string) {
    const role = await createIdentityRepository(database.db).findRoleByCode(code);
    if (!role) throw new Error(`role ${code} missing`);
    return role;
  }

  it('should give an administrator role the permissions of this version when an older version left fewer', async () => {
    const systemAdmin = await roleByCode('system_admin');
    await createIdentityRepository(database.db).updateRole(systemAdmin.id, systemAdmin.version, {
      permissions: ['accounts.read'],
    });

    await services.identity.ensureBuiltinRoles();

    const expected = builtinRoles.find((role) => role.code === 'system_admin')?.permissions ?? [];
    expect([...(await roleByCode('system_admin')).permissions].sort()).toEqual(
      [...expected].sort(),
    );
  });

  it('should require TOTP of every administrator role when an older version stored them without', async () => {
    for (const code of ['system_admin', 'security_admin', 'audit_admin']) {
      const role = await roleByCode(code);
      await createIdentityRepository(database.db).updateRole(role.id, role.version, {
        requiresTotp: false,
      });
    }

    await services.identity.ensureBuiltinRoles();

    for (const code of ['system_admin', 'security_admin', 'audit_admin']) {
      expect((await roleByCode(code)).requiresTotp, code).toBe(true);
    }
  });

  it('should audit the upgrade of an administrator role when the roles are ensured', async () => {
    const auditAdmin = await roleByCode('audit_admin');
    await createIdentityRepository(database.db).updateRole(auditAdmin.id, auditAdmin.version, {
      requiresTotp: false,
    });

    await services.identity.ensureBuiltinRoles();

    const page = await services.audit.search({
      action: 'role.update',
      objectId: auditAdmin.id,
      limit: 1,
      offset: 0,
    });
    expect(page.items[0]).toMatchObject({
      actorId: null,
      detail: { fields: ['requiresTotp'], upgrade: true },
    });
  });

  it('should refuse to stop requiring TOTP of an administrator role when asked to', async () => {
    const securityAdmin = await roleByCode('security_admin');

    await expect(
      services.identity.updateRole(
        securityAdmin.id,
        { requiresTotp: false, version: securityAdmin.version },
        { actor: null, ip: null },
      ),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'error.builtin_role' });
  });

  it('should keep the security admin’s changes to a non-administrator role when the roles are ensured again', async () => {
    const staff = await roleByCode('bureau_staff');
    await createIdentityRepository(database.db).updateRole(staff.id, staff.version, {
      permissions: ['organizations.manage'],
    });

    await services.identity.ensureBuiltinRoles();

    expect((await roleByCode('bureau_staff')).permissions).toEqual(['organizations.manage']);
  });
});
