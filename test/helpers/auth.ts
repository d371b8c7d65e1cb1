import { generate } from 'otplib';
import type { LightMyRequestResponse } from 'fastify';
import type { Me } from '../../src/contracts/identity.js';
import type { TestContext } from './app.js';
import { createDemoStaff } from '../../src/server/seed/demo-identity.js';
import { buildOrganization } from './factories.js';

export const sessionCookieName = 'farun_session';

export interface SignedIn {
  accountId: string;
  cookie: string;
  csrfToken: string;
  me: Me;
  /** Headers for a request as this user; state-changing requests also need the CSRF token. */
  headers: Record<string, string>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === sessionCookieName);
  if (!cookie)
    throw new Error(`no session cookie in the answer (${response.statusCode}: ${response.body})`);
  return cookie.value;
}

export async function signInWithPassword(
  context: TestContext,
  username: string,
  password: string,
): Promise<SignedIn> {
  const response = await context.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200 || response.json().status !== 'signed_in') {
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = sessionCookieOf(response);
  const me = response.json().me as Me;
  return {
    accountId: me.accountId,
    cookie,
    csrfToken: me.csrfToken,
    me,
    headers: { cookie: `${sessionCookieName}=${cookie}`, 'x-csrf-token': me.csrfToken },
  };
}

let organizationSequence = 0;

/**
 * A staff user of a fresh organization (a justice bureau of `divisionCode` by default, so the
 * data scope is that district) holding the given roles, signed in.
 */
export async function signInStaff(
  context: TestContext,
  options: { roles: string[]; divisionCode?: string; organizationId?: string; username?: string },
): Promise<SignedIn & { username: string; password: string; organizationId: string }> {
  organizationSequence += 1;
  const organizationId =
    options.organizationId ??
    (
      await context.services.organizations.createOrganization(
        buildOrganization({
          type: 'justice_bureau',
          name: `测试司法局${organizationSequence}`,
          divisionCode: options.divisionCode ?? '320412',
        }),
      )
    ).id;
  const username = options.username ?? `staff${organizationSequence}x${Date.now() % 100000}`;
  const password = await createDemoStaff(context.services, {
    username,
    displayName: `测试人员${organizationSequence}`,
    organizationId,
    roleCodes: options.roles,
    mustChangePassword: false,
  });
  return {
    ...(await signInWithPassword(context, username, password)),
    username,
    password,
    organizationId,
  };
}

/** The code an authenticator holding `secret` shows at `at` (the test's clock, when it has one). */
export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Enrols a second factor for the signed-in user, as the console's enrolment page does; the same
 * session carries on, no longer restricted.
 */
export async function enrolTotp<User extends SignedIn>(
  context: TestContext,
  user: User,
  at: Date = new Date(),
): Promise<User & { totpSecret: string }> {
  const enrolment = await context.app.inject({
    method: 'POST',
    url: '/api/auth/totp/enrolment',
    headers: user.headers,
  });
  const { secret } = enrolment.json() as { secret: string };
  const confirm = await context.app.inject({
    method: 'POST',
    url: '/api/auth/totp/enrolment/confirm',
    headers: user.headers,
    payload: { code: await totpCode(secret, at) },
  });
  if (confirm.statusCode !== 200) {
    throw new Error(`TOTP enrolment failed: ${confirm.statusCode} ${confirm.body}`);
  }
  return { ...user, me: confirm.json() as Me, totpSecret: secret };
}

/** Signs in a user whose second factor is enrolled: the password, then the TOTP code. */
export async function signInWithTotp(
  context: TestContext,
  credentials: { username: string; password: string; totpSecret: string },
  at: Date = new Date(),
): Promise<SignedIn> {
  const step1 = await context.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: credentials.username, password: credentials.password },
  });
  if (step1.statusCode !== 200 || step1.json().status !== 'totp_required') {
    throw new Error(`sign-in of ${credentials.username} failed: ${step1.statusCode} ${step1.body}`);
  }
  const step2 = await context.app.inject({
    method: 'POST',
    url: '/api/auth/totp',
    headers: { cookie: `${sessionCookieName}=${sessionCookieOf(step1)}` },
    payload: { code: await totpCode(credentials.totpSecret, at) },
  });
  if (step2.statusCode !== 200) {
    throw new Error(`TOTP of ${credentials.username} failed: ${step2.statusCode} ${step2.body}`);
  }
  const cookie = sessionCookieOf(step2);
  const me = step2.json().me as Me;
  return {
    accountId: me.accountId,
    cookie,
    csrfToken: me.csrfToken,
    me,
    headers: { cookie: `${sessionCookieName}=${cookie}`, 'x-csrf-token': me.csrfToken },
  };
}

/**
 * A staff user holding an administrator role (system, security or audit), signed in and enrolled
 * in TOTP, as administrators must be before anything else. `at` is the test's clock, if any.
 */
export async function signInAdministrator(
  context: TestContext,
  options: Parameters<typeof signInStaff>[1] & { at?: () => Date },
) {
  const { at = () => new Date(), ...staff } = options;
  return enrolTotp(context, await signInStaff(context, staff), at());
}
