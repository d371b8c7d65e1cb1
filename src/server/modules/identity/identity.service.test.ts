import { codeSentTo } from '../../../../test/helpers/one-time-codes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff } from '../../../../test/helpers/auth.js';
import type { Actor, SignedInOrigin } from '../../platform/access/actor.js';
import { createDemoCitizen } from '../../seed/demo-identity.js';

describe('identity service writes', () => {
  let context: TestContext;
  let actor: Actor;
  let origin: SignedInOrigin;
  let organizationId: string;
  const inDistrict = async () => ({ divisionCode: '320412' });

  beforeAll(async () => {
    context = await createTestContext();
    const staff = await signInStaff(context, { roles: ['bureau_staff'] });
    actor = (await context.services.identity.resolveSession(staff.cookie))!;
    origin = { actor, ip: '127.0.0.1' };
    organizationId = staff.organizationId;
  });
  afterAll(() => context.close());

  async function roleIdOf(code: string): Promise<string> {
    const roles = await context.services.identity.listRoles();
    return roles.find((role) => role.code === code)!.id;
  }

  async function latestAudit(action: string, objectId: string) {
    const page = await context.services.audit.search({ action, objectId, limit: 1, offset: 0 });
    return page.items[0];
  }

  it('should hold each administrator to TOTP enrolment when they first sign in', async () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      const admin = await signInStaff(context, { roles: [role], divisionCode: '3204' });

      expect(admin.me.totpRequired, role).toBe(true);
      const blocked = await context.app.inject({ url: '/api/roles', headers: admin.headers });
      expect(blocked.statusCode, role).toBe(403);
      expect(blocked.json().error.message, role).toBe('请先修改密码或绑定动态口令后再继续');
    }
  });

  it('should answer the username field when a new account takes a username in use, whatever its case', async () => {
    const input = {
      displayName: '新同事',
      phone: null,
      organizationId,
      roleIds: [await roleIdOf('bureau_staff')],
    };
    await context.services.identity.createStaffAccount(
      { ...input, username: 'zhou.min' },
      origin,
      inDistrict,
    );

    await expect(
      context.services.identity.createStaffAccount(
        { ...input, username: 'Zhou.Min' },
        origin,
        inDistrict,
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'body.username', message: 'account.username.taken' }],
    });
  });

  it('should answer the code field when a new role takes a code in use', async () => {
    const role = {
      code: 'front_desk',
      name: '窗口人员',
      description: '',
      permissions: [],
      requiresTotp: false,
    };
    await context.services.identity.createRole(role, origin);

    await expect(context.services.identity.createRole(role, origin)).rejects.toMatchObject({
      fields: [{ field: 'body.code', message: 'role.code.taken' }],
    });
  });

  it('should answer phone_taken when the phone signed up meanwhile', async () => {
    const phone = '13700001111';
    const locale = 'zh-CN';
    await context.services.identity.requestCitizenCode(phone, 'sign_up', origin, locale);
    const code = await codeSentTo(context, phone);
    await createDemoCitizen(context.services, { phone, displayName: '吴九' });

    const signUp = { phone, code, displayName: '吴九', password: 'Lotus-Pond-4821' };
    await expect(
      context.services.identity.signUpCitizen(signUp, { actor: null, ip: null }, null),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'error.phone_taken' });
  });

  it('should audit only the fields that change when an account patch repeats a value', async () => {
    const { account } = await context.services.identity.createStaffAccount(
      {
        username: 'qian.li',
        displayName: '钱立',
        phone: null,
        organizationId,
        roleIds: [await roleIdOf('bureau_staff')],
      },
      origin,
      inDistrict,
    );

    await context.services.identity.updateAccount(
      account.id,
      {
        displayName: '钱立',
        status: 'disabled',
        roleIds: [await roleIdOf('bureau_staff')],
        version: account.version,
      },
      origin,
    );

    const entry = await latestAudit('account.update', account.id);
    expect(entry?.detail).toEqual({ fields: ['status'], roles: ['bureau_staff'] });
  });

  it('should audit only the fields that change when a role patch repeats a value', async () => {
    const role = await context.services.identity.createRole(
      {
        code: 'hotline',
        name: '热线坐席',
        description: '12348',
        permissions: [],
        requiresTotp: false,
      },
      origin,
    );

    await context.services.identity.updateRole(
      role.id,
      { name: '热线坐席', description: '12348 热线', version: role.version },
      origin,
    );

    expect((await latestAudit('role.update', role.id))?.detail).toEqual({
      fields: ['description'],
    });
  });
});
