import type { Organization } from '../../src/contracts/organizations.js';
import type { Partner } from '../../src/contracts/partners.js';
import type {
  ServiceHoursEntry,
  Volunteer,
  VolunteerRecord,
} from '../../src/contracts/volunteers.js';
import {
  buildPartner,
  buildVolunteer,
  createWorkstation,
  uniqueMobile,
} from './factories.volunteers.js';
import {
  buildOver,
  spreadsheetRoutes,
  today,
  type HarnessSetup,
  type ScopedRouteList,
} from './scoped-routes.js';

let importSequence = 0;

const stations = new WeakMap<HarnessSetup, Promise<Organization>>();

/** One workstation of the own district's bureau, shared by the volunteers of a test file. */
function stationOf(setup: HarnessSetup): Promise<Organization> {
  let station = stations.get(setup);
  if (!station) {
    station = createWorkstation(setup.context, setup.bureauId).then((made) => made.station);
    stations.set(setup, station);
  }
  return station;
}

async function createVolunteer(setup: HarnessSetup): Promise<Volunteer> {
  const station = await stationOf(setup);
  return buildOver(setup, 'POST', '/api/volunteers', buildVolunteer({ stationId: station.id }));
}

async function logHours(setup: HarnessSetup, volunteer: Volunteer): Promise<ServiceHoursEntry> {
  return buildOver(setup, 'POST', `/api/volunteers/${volunteer.id}/hours`, {
    servedOn: today(),
    hours: 1,
    activity: '值班',
  });
}

const commendation = { kind: 'commendation', title: '年度优秀志愿者', recordedOn: '2026-05-01' };

function createPartner(setup: HarnessSetup): Promise<Partner> {
  return buildOver(setup, 'POST', '/api/partners', buildPartner());
}

export const volunteerRoutes: ScopedRouteList = {
  name: 'volunteers',
  routes: [
    {
      route: 'GET /api/volunteers',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'listing' },
      succeeds: 200,
      request: async (setup) => {
        const volunteer = await createVolunteer(setup);
        return { url: '/api/volunteers?limit=100', marker: volunteer.id };
      },
    },
    {
      route: 'GET /api/volunteers/summary',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'listing' },
      succeeds: 200,
      request: async (setup) => {
        await logHours(setup, await createVolunteer(setup));
        return { url: '/api/volunteers/summary', marker: (await stationOf(setup)).id };
      },
    },
    {
      route: 'POST /api/volunteers',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'target', refused: 400 },
      succeeds: 201,
      request: async (setup) => ({
        url: '/api/volunteers',
        payload: buildVolunteer({ stationId: (await stationOf(setup)).id }),
      }),
    },
    {
      route: 'GET /api/volunteers/:id',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({ url: `/api/volunteers/${(await createVolunteer(setup)).id}` }),
    },
    {
      route: 'PATCH /api/volunteers/:id',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const volunteer = await createVolunteer(setup);
        return {
          url: `/api/volunteers/${volunteer.id}`,
          payload: { notes: '范围测试', version: volunteer.version },
        };
      },
    },
    {
      route: 'GET /api/volunteers/:id/hours',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/volunteers/${(await createVolunteer(setup)).id}/hours`,
      }),
    },
    {
      route: 'POST /api/volunteers/:id/hours',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 201,
      request: async (setup) => ({
        url: `/api/volunteers/${(await createVolunteer(setup)).id}/hours`,
        payload: { servedOn: today(), hours: 1, activity: '值班' },
      }),
    },
    {
      route: 'DELETE /api/volunteers/:id/hours/:entryId',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 204,
      request: async (setup) => {
        const volunteer = await createVolunteer(setup);
        const entry = await logHours(setup, volunteer);
        return { url: `/api/volunteers/${volunteer.id}/hours/${entry.id}` };
      },
    },
    {
      route: 'GET /api/volunteers/:id/records',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/volunteers/${(await createVolunteer(setup)).id}/records`,
      }),
    },
    {
      route: 'POST /api/volunteers/:id/records',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 201,
      request: async (setup) => ({
        url: `/api/volunteers/${(await createVolunteer(setup)).id}/records`,
        payload: commendation,
      }),
    },
    {
      route: 'DELETE /api/volunteers/:id/records/:recordId',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 204,
      request: async (setup) => {
        const volunteer = await createVolunteer(setup);
        const url = `/api/volunteers/${volunteer.id}/records`;
        const record = await buildOver<VolunteerRecord>(setup, 'POST', url, commendation);
        return { url: `${url}/${record.id}` };
      },
    },
    ...spreadsheetRoutes(
      '/api/volunteers',
      { import: 'volunteers.manage', export: 'volunteers.read' },
      {
        importRow: async (setup) => ({
          姓名: `范围测试导入志愿者${++importSequence}`,
          类别: '退休法官',
          手机号: uniqueMobile(),
          服务站点: (await stationOf(setup)).name,
          加入日期: new Date(Date.UTC(2025, 2, 1)),
          状态: '在岗',
        }),
        exportMarker: async (setup) => (await createVolunteer(setup)).name,
      },
    ),
  ],
};

export const partnerRoutes: ScopedRouteList = {
  name: 'partners',
  routes: [
    {
      route: 'GET /api/partners',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'listing' },
      succeeds: 200,
      request: async (setup) => ({
        url: '/api/partners?limit=100',
        marker: (await createPartner(setup)).id,
      }),
    },
    {
      route: 'POST /api/partners',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'target', refused: 400 },
      succeeds: 201,
      request: async (setup) => ({
        url: '/api/partners',
        payload: buildPartner({ organizationId: setup.bureauId }),
      }),
    },
    {
      route: 'GET /api/partners/:id',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({ url: `/api/partners/${(await createPartner(setup)).id}` }),
    },
    {
      route: 'PATCH /api/partners/:id',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => {
        const partner = await createPartner(setup);
        return {
          url: `/api/partners/${partner.id}`,
          payload: { contactName: '新联络员', version: partner.version },
        };
      },
    },
    {
      route: 'GET /api/partners/:id/agreements',
      permission: 'volunteers.read',
      jurisdiction: { kind: 'record' },
      succeeds: 200,
      request: async (setup) => ({
        url: `/api/partners/${(await createPartner(setup)).id}/agreements`,
      }),
    },
    {
      route: 'POST /api/partners/:id/agreements',
      permission: 'volunteers.manage',
      jurisdiction: { kind: 'record' },
      succeeds: 201,
      request: async (setup) => ({
        url: `/api/partners/${(await createPartner(setup)).id}/agreements`,
        payload: { title: '共建协议', signedOn: '2026-01-05', validFrom: '2026-01-05' },
      }),
    },
  ],
};
