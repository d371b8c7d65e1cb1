import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../../test/helpers/database.js';
import { divisionTree } from '../../../../test/helpers/factories.js';
import { createChangeFeed } from '../../platform/changes.js';
import { createAuditService } from '../audit/audit.service.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { AppError, InputError } from '../../platform/errors.js';
import { createWriter } from '../../platform/writes/writes.js';
import {
  ancestorCodes,
  createDivisionService,
  kindFromName,
  levelOfCode,
  type DivisionService,
} from './divisions.service.js';

describe('division codes', () => {
  it('should find the level when a code has 2, 4, 6, 9 or 12 digits', () => {
    expect(['32', '3204', '320412', '320412100', '320412100001'].map(levelOfCode)).toEqual([
      'province',
      'city',
      'district',
      'township',
      'village',
    ]);
  });

  it('should refuse a code when its length fits no level', () => {
    expect(() => levelOfCode('32041')).toThrow(InputError);
  });

  it('should list ancestors province first when given a village', () => {
    expect(ancestorCodes('320412100001')).toEqual(['32', '3204', '320412', '320412100']);
  });

  it.each([
    ['township', '湖塘镇', 'town'],
    ['township', '戚墅堰街道', 'subdistrict'],
    ['township', '盐边县红格镇', 'town'],
    ['township', '武进经济开发区', 'other'],
    ['village', '湖塘村村民委员会', 'village'],
    ['village', '花园社区居民委员会', 'community'],
    ['village', '新安社区居委会', 'community'],
    ['village', '城东村委会', 'village'],
    ['district', '米易县', 'county'],
    ['district', '武进区', 'district'],
  ] as const)('should read a %s named %s as %s', (level, name, kind) => {
    expect(kindFromName(level, name)).toBe(kind);
  });
});

describe('division service', () => {
  let database: DatabaseHandle;
  let divisions: DivisionService;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    const writer = createWriter({
      db: database.db,
      audit: createAuditService({ db: database.db }),
      changes: createChangeFeed(),
    });
    divisions = createDivisionService({ db: database.db, writer });
    await divisions.importDivisions(divisionTree());
  });
  afterAll(() => database.close());

  it('should give the path and child count when a division is read', async () => {
    const township = await divisions.getDivision('320412100');
    expect(township.path.map((step) => step.name)).toEqual([
      '江苏省',
      '常州市',
      '武进区',
      '湖塘镇',
    ]);
    expect(township.childCount).toBe(2);
    expect(township.kind).toBe('town');
  });

  it('should refresh names and keep rows when the same codes are imported again', async () => {
    await divisions.importDivisions([
      { code: '320412105', name: '横林镇（新）', parentCode: '320412' },
    ]);
    expect((await divisions.getDivision('320412105')).name).toBe('横林镇（新）');
    await divisions.importDivisions([{ code: '320412105', name: '横林镇', parentCode: '320412' }]);
  });

  it('should write nothing when a row names a parent that does not exist', async () => {
    const error = await divisions
      .importDivisions([
        { code: '320412999', name: '新镇', parentCode: '320412' },
        { code: '320499001', name: '孤儿街道', parentCode: '320499' },
      ])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fields).toEqual([
      { field: '320499001.parentCode', message: 'division.parent.unknown' },
    ]);
    await expect(divisions.getDivision('320412999')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('should keep the old name in the history when a division is renamed', async () => {
    await divisions.importDivisions([
      { code: '320412100003', name: '旧村村委会', parentCode: '320412100' },
    ]);
    await divisions.renameDivision('320412100003', '新村村委会', '2024-03-01', '撤村建居');
    const changes = await divisions.listChanges('320412100003');
    expect(changes).toMatchObject([
      {
        changeType: 'renamed',
        effectiveDate: '2024-03-01',
        previousName: '旧村村委会',
        newName: '新村村委会',
      },
    ]);
    expect((await divisions.getDivision('320412100003')).name).toBe('新村村委会');
  });

  it('should hide a merged division from current lists but keep it for the past when it merges', async () => {
    await divisions.importDivisions([
      { code: '320412100004', name: '并入村村委会', parentCode: '320412100' },
    ]);
    await divisions.mergeDivision('320412100004', '320412100001', '2025-01-01');
    const current = await divisions.listDivisions({ parent: '320412100', limit: 50, offset: 0 });
    expect(current.items.map((item) => item.code)).not.toContain('320412100004');
    const past = await divisions.listDivisions({
      parent: '320412100',
      asOf: '2024-12-31',
      limit: 50,
      offset: 0,
    });
    expect(past.items.map((item) => item.code)).toContain('320412100004');
    const merged = await divisions.getDivision('320412100004');
    expect(merged).toMatchObject({ validTo: '2024-12-31', successorCode: '320412100001' });
  });

  it('should refuse a second ending when a division was already abolished', async () => {
    await divisions.importDivisions([
      { code: '320412100005', name: '撤销村村委会', parentCode: '320412100' },
    ]);
    await divisions.abolishDivision('320412100005', '2025-06-01');
    await expect(divisions.abolishDivision('320412100005', '2025-07-01')).rejects.toBeInstanceOf(
      AppError,
    );
    expect((await divisions.listChanges('320412100005')).map((c) => c.changeType)).toEqual([
      'abolished',
    ]);
  });

  it('should refuse a merge when the successor is of another level', async () => {
    await expect(
      divisions.mergeDivision('320412100002', '320412105', '2025-01-01'),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('should leave an audit row for each import and change', async () => {
    const trail = await createAuditService({ db: database.db }).search({
      limit: 50,
      offset: 0,
      objectType: 'division',
    });
    const actions = trail.items.map((item) => item.action);
    expect(actions).toContain('division.import');
    expect(actions).toContain('division.renamed');
    expect(actions).toContain('division.merged');
    expect(actions).toContain('division.abolished');
  });
});
