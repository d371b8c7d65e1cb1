import { codeSentTo } from '../../../../test/helpers/one-time-codes.js';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  createTestContext,
  type TestContext,
} from '../../../../test/helpers/app.js';
import {
  sessionCookieName,
  sessionCookieOf,
  signInAdministrator,
  signInStaff,
  signInWithPassword,
  signInWithTotp,
  type SignedIn,
} from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { createDemoCitizen } from '../../seed/demo-identity.js';

describe('identity routes', () => {
  const clock = createFakeClock();
  let context: TestContext;
  type Staff = SignedIn & {
    organizationId: string;
    username: string;
    password: string;
    totpSecret: string;
  };
  let wujinAdmin: Staff;
  let tianningAdmin: Staff;
  let security: Staff;

  beforeAll(async () => {
    context = await createTestContext({ now: clock.now });
    // Administrators enrol a second factor before anything else (MLPS level 3).
    wujinAdmin = await signInAdministrator(context, {
      roles: ['system_admin', 'personal_data_officer'],
      divisionCode: '320412',
      at: clock.now,
    });
    tianningAdmin = await signInAdministrator(context, {
      roles: ['system_admin'],
      divisionCode: '320402',
      at: clock.now,
    });
    security = await signInAdministrator(context, {
      roles: ['security_admin'],
      divisionCode: '3204',
      at: clock.now,
    });
  });
  afterAll(() => context.close());

  // Some tests move the clock hours ahead, which (correctly) ends every older session.
  beforeEach(async () => {
    const refresh = async (staff: Staff): Promise<Staff> => ({
      ...staff,
      ...(await signInWithTotp(context, staff, clock.now())),
    });
    wujinAdmin = await refresh(wujinAdmin);
    tianningAdmin = await refresh(tianningAdmin);
    security = await refresh(security);
  });

  const inject = (options: {
    method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    url: string;
    as?: SignedIn;
    payload?: object;
    headers?: Record<string, string>;
  }) =>
    context.app.inject({
      method: options.method ?? 'GET',
      url: options.url,
      headers: { ...(options.as?.headers ?? {}), ...(options.headers ?? {}) },
      ...(options.payload ? { payload: options.payload } : {}),
    });

  async function createStaff(
    as: SignedIn & { organizationId: string },
    roleCodes: string[] = ['bureau_staff'],
  ) {
    const roles = (await inject({ url: '/api/roles', as })).json() as Array<{
      id: string;
      code: string;
    }>;
    const roleIds = roles.filter((role) => roleCodes.includes(role.code)).map((role) => role.id);
    const response = await inject({
      method: 'POST',
      url: '/api/accounts',
      as,
      payload: {
        username: `user${Math.floor(Math.random() * 1e9)}`,
        displayName: '新同事',
        phone: '13912345678',
        organizationId: as.organizationId,
        roleIds,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as {
      account: { id: string; username: string; version: number };
      initialPassword: string;
    };
  }

  describe('staff sign-in', () => {
    it('should answer the same for an unknown user and a wrong password when sign-in fails', async () => {
      const unknown = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody-here', password: 'whatever-password' },
      });
      const wrong = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: wujinAdmin.me.username!, password: 'not-the-password' },
      });
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
    });

    it('should lock the account for 15 minutes when the password is wrong five times', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const attempt = (password: string) =>
        inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password },
        });
      for (let index = 0; index < 5; index += 1)
        expect((await attempt('wrong-password!')).statusCode).toBe(401);
      const whileLocked = await attempt(user.password);
      expect(whileLocked.statusCode).toBe(401);
      expect(whileLocked.json().error.message).toBe('用户名或密码错误');
      clock.advanceMinutes(16);
      expect((await attempt(user.password)).statusCode).toBe(200);
    });

    it('should lock the account when ten wrong passwords arrive at once', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const attempt = (password: string) =>
        inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password },
        });
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => attempt('wrong-password!')),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array(10).fill(401));
      expect((await attempt(user.password)).statusCode).toBe(401);
      clock.advanceMinutes(16);
      expect((await attempt(user.password)).statusCode).toBe(200);
    });

    it('should issue a new session id at every sign-in', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const again = await signInWithPassword(context, user.username, user.password);
      expect(again.cookie).not.toBe(user.cookie);
      expect(user.cookie.length).toBeGreaterThanOrEqual(43);
    });

    it('should set an HttpOnly SameSite=Lax cookie when signing in', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const response = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: user.password },
      });
      const cookie = response.cookies.find((candidate) => candidate.name === sessionCookieName);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    });

    it('should answer 400 naming the field when the body is incomplete', async () => {
      const response = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'body.password', message: '必填' }]);
    });
  });

  describe('session timeouts', () => {
    it('should end a staff session when it idles for more than 15 minutes', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      clock.advanceMinutes(14);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(200);
      clock.advanceMinutes(14);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(200);
      clock.advanceMinutes(16);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(401);
    });

    it('should end a session after 8 hours when it is used all the time', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      for (let elapsed = 0; elapsed < 8 * 60 - 10; elapsed += 10) {
        clock.advanceMinutes(10);
        expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(200);
      }
      clock.advanceMinutes(11);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(401);
    });
  });

  describe('logout, password and role changes', () => {
    it('should end every session of the user when they sign out on one device', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const otherDevice = await signInWithPassword(context, user.username, user.password);
      expect((await inject({ method: 'POST', url: '/api/auth/logout', as: user })).statusCode).toBe(
        204,
      );
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(401);
      expect((await inject({ url: '/api/auth/me', as: otherDevice })).statusCode).toBe(401);
    });

    it('should end every session of the user when the password changes', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const other = await signInWithPassword(context, user.username, user.password);
      const response = await inject({
        method: 'POST',
        url: '/api/auth/password',
        as: user,
        payload: { currentPassword: user.password, newPassword: 'Correct-Horse-Battery-9' },
      });
      expect(response.statusCode).toBe(200);
      expect((await inject({ url: '/api/auth/me', as: other })).statusCode).toBe(401);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(401);
      const fresh = sessionCookieOf(response);
      expect(
        (
          await inject({
            url: '/api/auth/me',
            headers: { cookie: `${sessionCookieName}=${fresh}` },
          })
        ).statusCode,
      ).toBe(200);
    });

    it.each([
      ['short1!', '密码至少 12 个字符'],
      ['password123456', '密码过于常见，请换一个'],
      ['武进司法局的密码很长很长', '密码不能包含用户名、手机号、姓名或“司法局”等易猜词'],
    ])('should refuse the new password %s with its reason', async (newPassword, message) => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const response = await inject({
        method: 'POST',
        url: '/api/auth/password',
        as: user,
        payload: { currentPassword: user.password, newPassword },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'body.newPassword', message }]);
    });

    it('should end the sessions of a user when an administrator changes their roles', async () => {
      const created = await createStaff(wujinAdmin);
      const user = await signInWithPassword(
        context,
        created.account.username,
        created.initialPassword,
      );
      const response = await inject({
        method: 'PATCH',
        url: `/api/accounts/${created.account.id}`,
        as: wujinAdmin,
        payload: { roleIds: [], version: created.account.version },
      });
      expect(response.statusCode).toBe(200);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(401);
    });

    it('should answer 409 when the account was changed by someone else', async () => {
      const created = await createStaff(wujinAdmin);
      const first = await inject({
        method: 'PATCH',
        url: `/api/accounts/${created.account.id}`,
        as: wujinAdmin,
        payload: { displayName: '甲', version: created.account.version },
      });
      expect(first.statusCode).toBe(200);
      const stale = await inject({
        method: 'PATCH',
        url: `/api/accounts/${created.account.id}`,
        as: wujinAdmin,
        payload: { displayName: '乙', version: created.account.version },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('stale_version');
    });

    it('should force a password change when a new account first signs in', async () => {
      const created = await createStaff(wujinAdmin);
      const user = await signInWithPassword(
        context,
        created.account.username,
        created.initialPassword,
      );
      expect(user.me.passwordChangeRequired).toBe(true);
      const blocked = await inject({ url: '/api/accounts', as: user });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.message).toBe('请先修改密码或绑定动态口令后再继续');
    });
  });

  describe('TOTP', () => {
    it('should ask for the code and accept the right one when the user enrolled', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const enrolment = await inject({ method: 'POST', url: '/api/auth/totp/enrolment', as: user });
      expect(enrolment.statusCode, enrolment.body).toBe(200);
      const { secret } = enrolment.json() as { secret: string };
      const epoch = Math.floor(clock.now().getTime() / 1000);
      const confirm = await inject({
        method: 'POST',
        url: '/api/auth/totp/enrolment/confirm',
        as: user,
        payload: { code: await generate({ secret, epoch }) },
      });
      expect(confirm.statusCode).toBe(200);
      expect(confirm.json().totpEnabled).toBe(true);

      const step1 = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: user.password },
      });
      expect(step1.json()).toEqual({ status: 'totp_required' });
      const pending = sessionCookieOf(step1);
      expect(
        (
          await inject({
            url: '/api/auth/me',
            headers: { cookie: `${sessionCookieName}=${pending}` },
          })
        ).statusCode,
      ).toBe(401);
      const wrong = await inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: { cookie: `${sessionCookieName}=${pending}` },
        payload: { code: '000000' },
      });
      expect(wrong.statusCode).toBe(401);
      const step2 = await inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: { cookie: `${sessionCookieName}=${pending}` },
        payload: { code: await generate({ secret, epoch }) },
      });
      expect(step2.statusCode).toBe(200);
      expect(step2.json().status).toBe('signed_in');
      expect(sessionCookieOf(step2)).not.toBe(pending);
    });

    it('should restrict a user whose role requires TOTP until they enrol', async () => {
      const role = await inject({
        method: 'POST',
        url: '/api/roles',
        as: security,
        payload: {
          code: 'totp_staff',
          name: '需动态口令的岗位',
          permissions: ['accounts.read'],
          requiresTotp: true,
        },
      });
      expect(role.statusCode).toBe(201);
      const user = await signInStaff(context, { roles: ['totp_staff'] });
      expect(user.me.totpRequired).toBe(true);
      expect((await inject({ url: '/api/accounts', as: user })).statusCode).toBe(403);
    });
  });

  describe('jurisdiction', () => {
    it('should list only accounts of the own district when a district administrator asks', async () => {
      const listed = (await inject({ url: '/api/accounts?limit=200', as: wujinAdmin })).json();
      const organizationIds = new Set(
        listed.items.map((item: { organizationId: string }) => item.organizationId),
      );
      expect(organizationIds.has(tianningAdmin.organizationId)).toBe(false);
      expect(listed.items.some((item: { id: string }) => item.id === wujinAdmin.accountId)).toBe(
        true,
      );
    });

    it('should answer 404 when a user of another district reads, edits or ends what is not theirs', async () => {
      const created = await createStaff(wujinAdmin);
      expect(
        (await inject({ url: `/api/accounts/${created.account.id}`, as: tianningAdmin }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await inject({
            method: 'PATCH',
            url: `/api/accounts/${created.account.id}`,
            as: tianningAdmin,
            payload: { displayName: 'x', version: 1 },
          })
        ).statusCode,
      ).toBe(404);
      const sessionsPage = (
        await inject({ url: `/api/sessions?accountId=${wujinAdmin.accountId}`, as: security })
      ).json();
      const sessionId = sessionsPage.items[0].id as string;
      const tianningSecurity = await signInAdministrator(context, {
        roles: ['security_admin'],
        divisionCode: '320402',
        at: clock.now,
      });
      expect(
        (
          await inject({
            method: 'DELETE',
            url: `/api/sessions/${sessionId}`,
            as: tianningSecurity,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await inject({
            url: `/api/sessions?accountId=${wujinAdmin.accountId}`,
            as: tianningSecurity,
          })
        ).json().total,
      ).toBe(0);
    });

    it('should refuse to create an account in another district’s organization', async () => {
      const response = await inject({
        method: 'POST',
        url: '/api/accounts',
        as: tianningAdmin,
        payload: {
          username: 'intruder1',
          displayName: '越权',
          phone: null,
          organizationId: wujinAdmin.organizationId,
          roleIds: [],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe('body.organizationId');
    });
  });

  describe('administrator separation', () => {
    it('should refuse one account holding two administrator roles', async () => {
      const roles = (await inject({ url: '/api/roles', as: wujinAdmin })).json() as Array<{
        id: string;
        code: string;
      }>;
      const pick = (code: string) => roles.find((role) => role.code === code)!.id;
      const created = await createStaff(wujinAdmin);
      const response = await inject({
        method: 'PATCH',
        url: `/api/accounts/${created.account.id}`,
        as: wujinAdmin,
        payload: {
          roleIds: [pick('security_admin'), pick('audit_admin')],
          version: created.account.version,
        },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toContain('不能由同一账号兼任');
    });

    it('should keep the audit log from the system administrator', async () => {
      expect((await inject({ url: '/api/audit', as: wujinAdmin })).statusCode).toBe(403);
      expect(
        (
          await inject({
            url: '/api/roles',
            as: wujinAdmin,
            method: 'POST',
            payload: { code: 'sneaky', name: '越权角色', permissions: ['audit.read'] },
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('personal data', () => {
    it('should mask the phone by default and show it, audited, to a user allowed to unmask', async () => {
      const created = await createStaff(wujinAdmin);
      const masked = (
        await inject({ url: `/api/accounts/${created.account.id}`, as: wujinAdmin })
      ).json();
      expect(masked.phone).toBe('139****5678');
      const clear = (
        await inject({ url: `/api/accounts/${created.account.id}?unmask=true`, as: wujinAdmin })
      ).json();
      expect(clear.phone).toBe('13912345678');
      const trail = await context.services.audit.search({
        limit: 5,
        offset: 0,
        action: 'personal_data.unmask',
        objectId: created.account.id,
      });
      expect(trail.items[0]).toMatchObject({ actorId: wujinAdmin.accountId, outcome: 'success' });
    });

    it('should refuse and audit unmasking when the user lacks the permission', async () => {
      const created = await createStaff(tianningAdmin);
      const response = await inject({
        url: `/api/accounts/${created.account.id}?unmask=true`,
        as: tianningAdmin,
      });
      expect(response.statusCode).toBe(403);
      const trail = await context.services.audit.search({
        limit: 5,
        offset: 0,
        action: 'personal_data.unmask',
        outcome: 'denied',
      });
      expect(trail.items.some((item) => item.objectId === created.account.id)).toBe(true);
    });
  });

  describe('CSRF', () => {
    it('should refuse a state-changing request when the token is missing or wrong', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const cookieOnly = { cookie: user.headers.cookie! };
      expect(
        (await inject({ method: 'POST', url: '/api/auth/logout', headers: cookieOnly })).statusCode,
      ).toBe(403);
      const forged = await inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { ...cookieOnly, 'x-csrf-token': 'forged' },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.message).toBe('请求缺少有效的安全令牌，请刷新页面后重试');
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(200);
    });
  });

  describe('access declarations', () => {
    it('should audit a permission denial when a signed-in user lacks the permission', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      expect((await inject({ url: '/api/audit', as: user })).statusCode).toBe(403);
      const trail = await context.services.audit.search({
        limit: 5,
        offset: 0,
        action: 'access.denied',
        actorId: user.accountId,
      });
      expect(trail.items[0]).toMatchObject({ objectId: 'GET /api/audit', outcome: 'denied' });
    });

    it('should answer 401 when nobody is signed in', async () => {
      expect((await inject({ url: '/api/accounts' })).statusCode).toBe(401);
    });
  });

  describe('citizens', () => {
    it('should sign up with the code sent by SMS and then sign in with the password', async () => {
      const phone = '13712345678';
      const sent = await inject({
        method: 'POST',
        url: '/api/citizen/codes',
        payload: { phone, purpose: 'sign_up' },
      });
      expect(sent.statusCode).toBe(202);
      expect(sent.json()).toEqual({ sentTo: '137****5678', expiresInSeconds: 300 });
      const code = await codeSentTo(context, phone);
      const signUp = await inject({
        method: 'POST',
        url: '/api/citizen/sign-up',
        payload: { phone, code, displayName: '李四', password: 'my-own-secret-9' },
      });
      expect(signUp.statusCode).toBe(200);
      expect(signUp.json().me).toMatchObject({
        kind: 'citizen',
        phone: '137****5678',
        scope: 'self',
      });
      const signIn = await inject({
        method: 'POST',
        url: '/api/citizen/sign-in',
        payload: { phone, password: 'my-own-secret-9' },
      });
      expect(signIn.json().status).toBe('signed_in');
    });

    it('should refuse a wrong code naming the field', async () => {
      const phone = '13612345678';
      await inject({
        method: 'POST',
        url: '/api/citizen/codes',
        payload: { phone, purpose: 'sign_up' },
      });
      const response = await inject({
        method: 'POST',
        url: '/api/citizen/sign-up',
        payload: { phone, code: '999999', displayName: '王五', password: 'my-own-secret-9' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.code', message: '验证码错误或已过期' },
      ]);
    });

    it('should answer 400 naming the phone when it is not a mainland mobile number', async () => {
      const response = await inject({
        method: 'POST',
        url: '/api/citizen/codes',
        payload: { phone: '0519-8631', purpose: 'sign_up' },
      });
      expect(response.json().error.fields).toEqual([
        { field: 'body.phone', message: '应为 11 位手机号码' },
      ]);
    });

    it('should keep citizens out of staff routes', async () => {
      const phone = '13512345678';
      await createDemoCitizen(context.services, { phone, displayName: '赵六' }).then(
        async (password) => {
          const response = await inject({
            method: 'POST',
            url: '/api/citizen/sign-in',
            payload: { phone, password },
          });
          const cookie = sessionCookieOf(response);
          expect(
            (
              await inject({
                url: '/api/accounts',
                headers: { cookie: `${sessionCookieName}=${cookie}` },
              })
            ).statusCode,
          ).toBe(403);
        },
      );
    });
  });

  describe('organizations for accounts', () => {
    it('should accept an account in an organization below the own district', async () => {
      const station = await context.services.organizations.createOrganization(
        buildOrganization({ type: 'legal_aid_station', divisionCode: '320412105' }),
      );
      const response = await inject({
        method: 'POST',
        url: '/api/accounts',
        as: wujinAdmin,
        payload: {
          username: 'station.staff',
          displayName: '工作站人员',
          phone: null,
          organizationId: station.id,
          roleIds: [],
        },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().initialPassword).toMatch(
        /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{6}$/,
      );
    });
  });

  describe('changes that change nothing', () => {
    it('should keep the sessions when the same roles are saved again', async () => {
      const created = await createStaff(wujinAdmin);
      const user = await signInWithPassword(
        context,
        created.account.username,
        created.initialPassword,
      );
      const roleIds = (await inject({ url: `/api/accounts/${created.account.id}`, as: wujinAdmin }))
        .json()
        .roles.map((role: { id: string }) => role.id);
      const response = await inject({
        method: 'PATCH',
        url: `/api/accounts/${created.account.id}`,
        as: wujinAdmin,
        payload: { roleIds, version: created.account.version },
      });
      expect(response.statusCode).toBe(200);
      expect((await inject({ url: '/api/auth/me', as: user })).statusCode).toBe(200);
    });

    it('should refuse to change the permissions of an administrator role', async () => {
      const roles = (await inject({ url: '/api/roles', as: security })).json() as Array<{
        id: string;
        code: string;
        version: number;
      }>;
      const auditAdmin = roles.find((role) => role.code === 'audit_admin')!;
      const response = await inject({
        method: 'PATCH',
        url: `/api/roles/${auditAdmin.id}`,
        as: security,
        payload: { permissions: ['audit.read', 'accounts.manage'], version: auditAdmin.version },
      });
      expect(response.statusCode).toBe(409);
    });
  });

  describe('audit of sign-ins', () => {
    it('should name the user as the actor of their own sign-in', async () => {
      const user = await signInStaff(context, { roles: ['bureau_staff'] });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'auth.login',
        objectId: user.accountId,
        outcome: 'success',
      });
      expect(trail.items[0]).toMatchObject({
        actorId: user.accountId,
        actorRoles: ['bureau_staff'],
      });
    });
  });
});
