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
