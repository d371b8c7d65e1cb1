import { createDemoStaff } from '../../src/server/seed/demo-identity.js';
import type { Page } from '../../src/contracts/common.js';
import type { Account } from '../../src/contracts/identity.js';
import { systemOrigin } from '../../src/server/platform/access/scope.js';
import { signInStaff } from './auth.js';
import { buildOver, type HarnessSetup, type ScopedRouteList } from './scoped-routes.js';

let sequence = 0;

function nextName(prefix: string): string {
  sequence += 1;
  return `${prefix}${sequence}x${Date.now() % 100000}`;
}

/** A staff account of the own district's bureau, as the builder sees it. */
async function createOwnAccount(setup: HarnessSetup): Promise<Account> {
  const username = nextName('harnessacct');
  await createDemoStaff(setup.context.services, {
    username,
    displayName: '范围测试人员',
    organizationId: setup.bureauId,
    roleCodes: [],
    mustChangePassword: false,
  });
  const page = await buildOver<Page<Account>>(setup, 'GET', `/api/accounts?q=${username}`);
  return page.items[0]!;
}

/** A live session of a fresh user of the own district. */
async function createOwnSession(setup: HarnessSetup): Promise<{ id: string; accountId: string }> {
  const user = await signInStaff(setup.context, { roles: [], organizationId: setup.bureauId });
  const page = await buildOver<Page<{ id: string }>>(
    setup,
    'GET',
    `/api/sessions?accountId=${user.accountId}`,
  );
  return { id: page.items[0]!.id, accountId: user.accountId };
}

export const identityRoutes: ScopedRouteList = {
  name: 'identity',
  routes: [
    {
      route: 'GET /api/accounts',
      permission: 'accounts.read',
      jurisdiction: { kind: 'listing' },
      succeeds: 200,
      request: async (setup) => ({
        url: '/api/accounts?limit=100',
        marker: (await createOwnAccount(setup)).id,
      }),
    },
    {
      route: 'POST /api/accounts',
      permission: 'accounts.manage',
      jurisdiction: { kind: 'target', refused: 400 },
      succeeds: 201,
      request: async (setup) => ({
        url: '/api/accounts',
        payload: {
          username: nextName('harnessnew'),
          displayName: '新账号',
          organizationId: setup.bureauId,
        },
      }),
    },
    {
      route: 'GET /api/accounts/:id',
      permission: 'accounts.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({ url: `/api/accounts/${(await createOwnAccount(setup)).id}` }),
    },
    {
      route: 'PATCH /api/accounts/:id',
      permission: 'accounts.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const account = await createOwnAccount(setup);
        return {
          url: `/api/accounts/${account.id}`,
          payload: { displayName: '改名的人员', version: account.version },
        };
      },
    },
    {
      route: 'GET /api/roles',
      permission: 'accounts.read',
      jurisdiction: { kind: 'unscoped', why: 'roles are the same in every district' },
      succeeds: 200,
      request: async () => ({ url: '/api/roles' }),
    },
    {
      route: 'POST /api/roles',
      permission: 'roles.manage',
      jurisdiction: { kind: 'unscoped', why: 'roles are the same in every district' },
      succeeds: 201,
      request: async () => ({
        url: '/api/roles',
        payload: { code: nextName('harness_role_'), name: '范围测试角色', permissions: [] },
      }),
    },
    {
      route: 'PATCH /api/roles/:id',
      permission: 'roles.manage',
      jurisdiction: { kind: 'unscoped', why: 'roles are the same in every district' },
      succeeds: 200,
      request: async (setup) => {
        const role = await setup.context.services.identity.createRole(
          {
            code: nextName('harness_role_'),
            name: '范围测试角色',
            description: '',
            permissions: [],
            requiresTotp: false,
          },
          systemOrigin,
        );
        return { url: `/api/roles/${role.id}`, payload: { name: '改名的角色', version: 1 } };
      },
    },
    {
      route: 'GET /api/sessions',
      permission: 'sessions.read',
      jurisdiction: { kind: 'listing' },
      succeeds: 200,
      request: async (setup) => ({
        url: '/api/sessions?limit=100',
        marker: (await createOwnSession(setup)).accountId,
      }),
    },
    {
      route: 'DELETE /api/sessions/:id',
      permission: 'sessions.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 204,
      request: async (setup) => ({ url: `/api/sessions/${(await createOwnSession(setup)).id}` }),
    },
  ],
};

export const coverageRoutes: ScopedRouteList = {
  name: 'coverage',
  routes: [
    {
      route: 'GET /api/coverage',
      permission: 'coverage.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async () => ({ url: '/api/coverage?division=320412' }),
    },
  ],
};

export const divisionRoutes: ScopedRouteList = {
  name: 'divisions',
  routes: [
    {
      route: 'PATCH /api/divisions/:code/centre',
      permission: 'divisions.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async () => ({
        url: '/api/divisions/320412100001/centre',
        payload: { latitude: 31.71, longitude: 119.96 },
      }),
    },
  ],
};

const wholeLog = {
  kind: 'unscoped',
  why: 'the audit log is one chain for the whole platform',
} as const;

export const auditRoutes: ScopedRouteList = {
  name: 'audit',
  routes: [
    {
      route: 'GET /api/audit',
      permission: 'audit.read',
      jurisdiction: wholeLog,
      succeeds: 200,
      request: async () => ({ url: '/api/audit' }),
    },
    {
      route: 'GET /api/audit/verify',
      permission: 'audit.read',
      jurisdiction: wholeLog,
      succeeds: 200,
      request: async () => ({ url: '/api/audit/verify' }),
    },
    {
      route: 'GET /api/audit/export',
      permission: 'audit.export',
      jurisdiction: wholeLog,
      succeeds: 200,
      request: async () => ({ url: '/api/audit/export' }),
    },
  ],
};

const wholeOutbox = { kind: 'unscoped', why: 'one outbox serves the whole platform' } as const;

async function enqueueSms(setup: HarnessSetup): Promise<string> {
  return setup.context.services.notifications.enqueue({
    channel: 'sms',
    phone: '13811112222',
    template: 'citizen.one_time_code',
    params: { code: '123456', minutes: 5 },
  });
}

export const outboxRoutes: ScopedRouteList = {
  name: 'outbox',
  routes: [
    {
      route: 'GET /api/outbox',
      permission: 'outbox.read',
      jurisdiction: wholeOutbox,
      succeeds: 200,
      request: async () => ({ url: '/api/outbox' }),
    },
    {
      route: 'GET /api/outbox/:id/deliveries',
      permission: 'outbox.read',
      jurisdiction: wholeOutbox,
      succeeds: 200,
      request: async (setup) => ({ url: `/api/outbox/${await enqueueSms(setup)}/deliveries` }),
    },
  ],
};
