import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../test/helpers/database.js';
import { buildOrganization } from '../../test/helpers/factories.js';
import { readDivisionsDirectory } from './modules/divisions/divisions.import.js';
import { createServices, type Services } from './services.js';
import { demoDivisionsDir } from './platform/paths.js';
import type { DatabaseHandle } from './platform/db/client.js';

/** The same writes on each engine, in the same order. */
async function loadSameData(services: Services) {
  await services.divisions.importDivisions(readDivisionsDirectory(demoDivisionsDir));
  const bureau = await services.organizations.createOrganization(
    buildOrganization({
      type: 'justice_bureau',
      name: '武进区司法局',
      divisionCode: '320412',
      address: '延政中路2号',
    }),
  );
  for (const [index, township] of ['320412100', '320412102', '320412105'].entries()) {
    await services.organizations.createOrganization(
      buildOrganization({
        type: index === 0 ? 'legal_aid_station' : 'law_firm',
        name: `工作站${index}`,
        parentId: bureau.id,
        divisionCode: township,
        address: `地址${index}`,
      }),
    );
  }
  await services.divisions.renameDivision('320412100005', '测试社区', '2024-01-01');
  await services.divisions.mergeDivision('320412100002', '320412100003', '2025-01-01');
}

/** The calls every repository answers; random ids and clock times are left out of the comparison. */
async function readEverything(services: Services) {
  const withoutIdentity = <T extends object>(value: T) =>
    JSON.parse(
      JSON.stringify(value, (key, field) =>
        ['id', 'parentId', 'createdAt', 'updatedAt', 'recordedAt'].includes(key)
          ? undefined
          : field,
      ),
    );
  const page = { limit: 200, offset: 0 };
  return withoutIdentity({
    provinces: await services.divisions.listDivisions(page),
    wujinTownships: await services.divisions.listDivisions({ ...page, parent: '320412' }),
    search: await services.divisions.listDivisions({ ...page, q: '社区', limit: 50 }),
    villagesPastPage: await services.divisions.listDivisions({
      ...page,
      level: 'village',
      asOf: '2024-06-01',
      offset: 100,
    }),
    detail: await services.divisions.getDivision('320412100005'),
    path: await services.divisions.getPath('320412100003'),
    changes: await services.divisions.listChanges('320412100002'),
    organizations: await services.organizations.listOrganizations({ ...page, division: '320412' }),
    stations: await services.organizations.listOrganizations({
      ...page,
      type: 'legal_aid_station',
    }),
    searched: await services.organizations.listOrganizations({ ...page, q: '地址' }),
  });
}

describeOnPostgres('PGlite and PostgreSQL', () => {
  let pglite: DatabaseHandle;
  let postgres: DatabaseHandle;

  beforeAll(async () => {
    [pglite, postgres] = await Promise.all([
      createPgliteTestDatabase(),
      createPostgresTestDatabase(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([pglite?.close(), postgres?.close()]);
  });

  it('should give identical results when the same repository calls run on both', async () => {
    const onPglite = createServices(pglite.db);
    const onPostgres = createServices(postgres.db);
    await loadSameData(onPglite);
    await loadSameData(onPostgres);
    const [fromPglite, fromPostgres] = [
      await readEverything(onPglite),
      await readEverything(onPostgres),
    ];
    expect(fromPglite.wujinTownships.total).toBe(18);
    expect(fromPglite.organizations.total).toBe(4);
    expect(fromPostgres).toEqual(fromPglite);
  });
});
