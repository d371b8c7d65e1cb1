import { createDemoStaff } from '../../src/server/seed/demo-identity.js';
import type { Page } from '../../src/contracts/common.js';
import type { Account } from '../../src/contracts/identity.js';
import type { Practitioner } from '../../src/contracts/practitioners.js';
import { sampleImage } from './factories.organizations.js';
import { buildPractitioner, lawyerLicenceNumber, testMobile } from './factories.practitioners.js';
import { createOwnOrganization } from './scoped-routes.organizations.js';
import {
  buildOver,
  spreadsheetRoutes,
  today,
  type HarnessSetup,
  type ScopedRouteList,
} from './scoped-routes.js';

async function createPractitioner(setup: HarnessSetup): Promise<Practitioner> {
  const firm = await createOwnOrganization(setup);
  return buildOver(setup, 'POST', '/api/practitioners', buildPractitioner(firm.id));
}

let accountSequence = 0;

/** A staff account of the own district that no practitioner is linked to yet. */
async function createOwnAccount(setup: HarnessSetup): Promise<string> {
  accountSequence += 1;
  const username = `harnesslink${accountSequence}x${Date.now() % 100000}`;
  await createDemoStaff(setup.context.services, {
    username,
    displayName: `范围测试账号${accountSequence}`,
    organizationId: setup.bureauId,
    roleCodes: [],
    mustChangePassword: false,
  });
  const page = await buildOver<Page<Account>>(setup, 'GET', `/api/accounts?q=${username}`);
  return page.items[0]!.id;
}

async function withPhoto(setup: HarnessSetup): Promise<Practitioner> {
  const { id } = await createPractitioner(setup);
  return buildOver(setup, 'POST', `/api/practitioners/${id}/photo`, sampleImage('png'), {
    'content-type': 'image/png',
  });
}

export const practitionerRoutes: ScopedRouteList = {
  name: 'practitioners',
  routes: [
    {
      route: 'GET /api/practitioners',
      permission: 'practitioners.read',
      jurisdiction: { kind: 'listing' },
      succeeds: 200,
      request: async (setup) => ({
        url: '/api/practitioners?limit=100',
        marker: (await createPractitioner(setup)).id,
      }),
    },
    {
      route: 'POST /api/practitioners',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'target', refused: 400 },
      succeeds: 201,
      request: async (setup) => ({
        url: '/api/practitioners',
        payload: buildPractitioner((await createOwnOrganization(setup)).id),
      }),
    },
    {
      route: 'GET /api/practitioners/:id',
      permission: 'practitioners.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/practitioners/${(await createPractitioner(setup)).id}`,
      }),
    },
    {
      route: 'PATCH /api/practitioners/:id',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const practitioner = await createPractitioner(setup);
        return {
          url: `/api/practitioners/${practitioner.id}`,
          payload: { languages: ['mandarin', 'wu_dialect'], version: practitioner.version },
        };
      },
    },
    {
      route: 'GET /api/practitioners/:id/moves',
      permission: 'practitioners.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/practitioners/${(await createPractitioner(setup)).id}/moves`,
      }),
    },
    {
      route: 'POST /api/practitioners/:id/moves',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 201,
      request: async (setup) => {
        const practitioner = await createPractitioner(setup);
        const destination = await createOwnOrganization(setup);
        return {
          url: `/api/practitioners/${practitioner.id}/moves`,
          payload: {
            toOrganizationId: destination.id,
            movedOn: today(),
            version: practitioner.version,
          },
        };
      },
    },
    {
      route: 'PUT /api/practitioners/:id/account',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const practitioner = await createPractitioner(setup);
        return {
          url: `/api/practitioners/${practitioner.id}/account`,
          payload: { accountId: await createOwnAccount(setup), version: practitioner.version },
        };
      },
    },
    {
      route: 'DELETE /api/practitioners/:id/account',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const { id, version } = await createPractitioner(setup);
        const linked = await buildOver<Practitioner>(
          setup,
          'PUT',
          `/api/practitioners/${id}/account`,
          { accountId: await createOwnAccount(setup), version },
        );
        return { url: `/api/practitioners/${id}/account?version=${linked.version}` };
      },
    },
    {
      route: 'POST /api/practitioners/:id/photo',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/practitioners/${(await createPractitioner(setup)).id}/photo`,
        payload: sampleImage('png'),
        headers: { 'content-type': 'image/png' },
      }),
    },
    {
      route: 'DELETE /api/practitioners/:id/photo',
      permission: 'practitioners.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/practitioners/${(await withPhoto(setup)).id}/photo`,
      }),
    },
    {
      route: 'GET /api/practitioners/:id/photo',
      permission: 'practitioners.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/practitioners/${(await withPhoto(setup)).id}/photo`,
      }),
    },
    ...spreadsheetRoutes(
      '/api/practitioners',
      { import: 'practitioners.manage', export: 'practitioners.read' },
      {
        importRow: async (setup) => {
          accountSequence += 1;
          return {
            姓名: `范围测试导入律师${accountSequence}`,
            人员类别: '律师',
            所在机构: (await createOwnOrganization(setup)).name,
            执业证类型: '专职律师',
            执业证号: lawyerLicenceNumber(700_000 + accountSequence),
            执业起始日期: '2016-03-01',
            加入本机构日期: '2019-05-06',
            手机号码: testMobile(60_000_000 + accountSequence),
            执业状态: '执业中',
          };
        },
        exportMarker: async (setup) => (await createPractitioner(setup)).name,
      },
    ),
  ],
};
