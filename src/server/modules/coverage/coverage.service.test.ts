import { describe, expect, it, vi } from 'vitest';
import { buildListedOrganization } from '../../../../test/helpers/factories.coverage.js';
import type { ListOrganizationsQuery, Organization } from '../../../contracts/organizations.js';
import type { Division } from '../../../contracts/divisions.js';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { createCoverageService } from './coverage.service.js';

function division(code: string, name: string, centre?: [number, number]): Division {
  return {
    code,
    name,
    level: code.length === 6 ? 'district' : code.length === 9 ? 'township' : 'village',
    kind: code.length === 12 ? 'village' : code.length === 9 ? 'town' : 'district',
    parentCode: code.length === 6 ? '3204' : code.slice(0, code.length === 9 ? 6 : 9),
    validFrom: '1949-10-01',
    validTo: null,
    successorCode: null,
    latitude: centre?.[0] ?? null,
    longitude: centre?.[1] ?? null,
  };
}

const wujin = division('320412', '武进区');
const hutang = division('320412100', '湖塘镇', [31.7, 119.95]);
const village = division('320412100001', '湖塘村');

function originWith(scope: DataScope): RequestOrigin {
  const actor: Actor = {
    accountId: '00000000-0000-4000-8000-000000000001',
    kind: 'staff',
    displayName: '测试',
    organizationId: null,
    roles: ['bureau_staff'],
    permissions: new Set(['coverage.read']),
    scope,
    sessionId: 's',
    restriction: null,
  };
  return { actor, ip: null };
}

/** Fakes of the two services coverage reads through, over a fixed set of organizations. */
function fakes(organizations: Organization[]) {
  const divisions = {
    requireDivisionInScope: vi.fn(async (code: string, scope: DataScope) => {
      const inScope =
        scope.level === 'all' ||
        (scope.level === 'district' && code.startsWith(scope.divisionPrefix));
      if (!inScope || ![wujin.code, hutang.code].includes(code)) {
        throw new NotFoundError('division', code);
      }
      return code === wujin.code ? wujin : hutang;
    }),
    getPath: vi.fn(async () => [{ code: '320412', name: '武进区', level: 'district' as const }]),
    listWithin: vi.fn(async (_code: string, level: string) =>
      level === 'township' ? [hutang] : [village],
    ),
  };
  const listOrganizations = vi.fn(async (query: ListOrganizationsQuery) => ({
    items: organizations.slice(query.offset, query.offset + query.limit),
    total: organizations.length,
    limit: query.limit,
    offset: query.offset,
  }));
  return { divisions, organizations: { listOrganizations } };
}

const clock = () => new Date('2026-11-24T02:00:00Z');

describe('coverage service', () => {
  it('should read every page of the district’s active organizations when there are more than one page', async () => {
    const firms = Array.from({ length: 450 }, (_, index) =>
      buildListedOrganization({ type: 'law_firm', name: `律所${index}` }),
    );
    const deps = fakes(firms);
    const service = createCoverageService({ ...deps, now: clock });
    const coverage = await service.getCoverage(
      { division: '320412', withinKm: 5 },
      originWith({ level: 'district', divisionPrefix: '320412' }),
    );
    expect(coverage.townships[0]?.servicePoints.law_firm).toBe(450);
    expect(deps.organizations.listOrganizations.mock.calls.map(([query]) => query)).toEqual([
      { division: '320412', status: 'active', limit: 200, offset: 0 },
      { division: '320412', status: 'active', limit: 200, offset: 200 },
      { division: '320412', status: 'active', limit: 200, offset: 400 },
    ]);
  });

  it('should measure a township against the whole district’s workstations', async () => {
    const deps = fakes([buildListedOrganization({ latitude: 31.7, longitude: 119.95 })]);
    const service = createCoverageService({ ...deps, now: clock });
    const coverage = await service.getCoverage(
      { division: '320412100', withinKm: 5 },
      originWith({ level: 'district', divisionPrefix: '320412' }),
    );
    expect(deps.divisions.listWithin).toHaveBeenCalledWith('320412', 'township');
    expect(deps.divisions.listWithin).toHaveBeenCalledWith('320412100', 'village');
    expect(deps.organizations.listOrganizations).toHaveBeenCalledWith(
      expect.objectContaining({ division: '320412' }),
    );
    expect(coverage.year).toBe(2026);
    expect(coverage.townships[0]?.villages[0]).toMatchObject({ approximate: true, distanceKm: 0 });
  });

  it('should look at the caller’s own district when no division is given', async () => {
    const deps = fakes([]);
    const service = createCoverageService({ ...deps, now: clock });
    const coverage = await service.getCoverage(
      { withinKm: 5 },
      originWith({ level: 'district', divisionPrefix: '320412' }),
    );
    expect(coverage.division.code).toBe('320412');
  });

  it('should ask for a division when the caller’s jurisdiction is not a district', async () => {
    const deps = fakes([]);
    const service = createCoverageService({ ...deps, now: clock });
    await expect(
      service.getCoverage(
        { withinKm: 5 },
        originWith({ level: 'district', divisionPrefix: '3204' }),
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'querystring.division', message: 'coverage.division.required' }],
    });
    await expect(
      service.getCoverage({ withinKm: 5 }, originWith({ level: 'all' })),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('should not find a division outside the caller’s jurisdiction', async () => {
    const deps = fakes([]);
    const service = createCoverageService({ ...deps, now: clock });
    await expect(
      service.getCoverage(
        { division: '320412', withinKm: 5 },
        originWith({ level: 'district', divisionPrefix: '320402' }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.organizations.listOrganizations).not.toHaveBeenCalled();
  });
});
