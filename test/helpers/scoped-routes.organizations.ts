import type { Organization, OrganizationPhoto } from '../../src/contracts/organizations.js';
import { buildOrganization } from './factories.js';
import { sampleImage } from './factories.organizations.js';
import {
  buildOver,
  spreadsheetRoutes,
  type HarnessSetup,
  type ScopedRouteList,
} from './scoped-routes.js';

/** A law firm of the own district, made by the system as the directory's import would. */
export function createOwnOrganization(setup: HarnessSetup): Promise<Organization> {
  return setup.context.services.organizations.createOrganization(
    buildOrganization({ divisionCode: '320412100' }),
  );
}

const png = { 'content-type': 'image/png' };

let importSequence = 0;

async function addPhoto(setup: HarnessSetup): Promise<{ id: string; photoId: string }> {
  const { id } = await createOwnOrganization(setup);
  const photo = await buildOver<OrganizationPhoto>(
    setup,
    'POST',
    `/api/organizations/${id}/photos`,
    sampleImage('png'),
    png,
  );
  return { id, photoId: photo.id };
}

export const organizationRoutes: ScopedRouteList = {
  name: 'organizations',
  routes: [
    {
      route: 'POST /api/organizations',
      permission: 'organizations.manage',
      jurisdiction: { kind: 'target', refused: 400 },
      succeeds: 201,
      request: async () => ({
        url: '/api/organizations',
        payload: buildOrganization({ divisionCode: '320412100' }),
      }),
    },
    {
      route: 'PATCH /api/organizations/:id',
      permission: 'organizations.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const organization = await createOwnOrganization(setup);
        return {
          url: `/api/organizations/${organization.id}`,
          payload: { address: '常州市武进区湖塘镇新址', version: organization.version },
        };
      },
    },
    {
      route: 'POST /api/organizations/:id/photos',
      permission: 'organizations.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 201,
      request: async (setup) => ({
        url: `/api/organizations/${(await createOwnOrganization(setup)).id}/photos`,
        payload: sampleImage('png'),
        headers: png,
      }),
    },
    {
      route: 'PATCH /api/organizations/:id/photos/:photoId',
      permission: 'organizations.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const { id, photoId } = await addPhoto(setup);
        return { url: `/api/organizations/${id}/photos/${photoId}`, payload: { caption: '门头' } };
      },
    },
    {
      route: 'DELETE /api/organizations/:id/photos/:photoId',
      permission: 'organizations.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 204,
      request: async (setup) => {
        const { id, photoId } = await addPhoto(setup);
        return { url: `/api/organizations/${id}/photos/${photoId}` };
      },
    },
    ...spreadsheetRoutes(
      '/api/organizations',
      { import: 'organizations.manage', export: 'organizations.manage' },
      {
        importRow: async () => ({
          机构名称: `范围测试导入工作站${++importSequence}`,
          机构类型: '公共法律服务工作站',
          行政区划代码: '320412100',
          地址: '常州市武进区湖塘镇人民中路 1 号',
          联系电话: '0519-86000001',
        }),
        exportMarker: async (setup) => (await createOwnOrganization(setup)).name,
      },
    ),
  ],
};
