import { systemOrigin } from '../../platform/access/scope.js';
import type {
  Division,
  DivisionChange,
  DivisionDetail,
  DivisionKind,
  DivisionLevel,
  DivisionSummary,
  ListDivisionsQuery,
} from '../../../contracts/divisions.js';
import type { DivisionCentre } from '../../../contracts/divisions.js';
import { divisionCodeLengths, divisionLevels } from '../../../contracts/divisions.js';
import type { Page } from '../../../contracts/common.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { Database } from '../../platform/db/client.js';
import { ConflictError, InputError, NotFoundError } from '../../platform/errors.js';
import { dayBefore, todayInShanghai } from '../../platform/time.js';
import type { WriteSteps, Writer } from '../../platform/writes/writes.js';
import type { NewDivisionRow } from './divisions.repository.js';
import { createDivisionRepository } from './divisions.repository.js';

export interface DivisionInput {
  code: string;
  name: string;
  parentCode: string | null;
}

export function levelOfCode(code: string): DivisionLevel {
  const level = divisionLevels.find((candidate) => divisionCodeLengths[candidate] === code.length);
  if (!level) throw new InputError([{ field: 'code', message: 'division.code.format' }]);
  return level;
}

/** The codes of every ancestor, province first: codes nest by prefix. */
export function ancestorCodes(code: string): string[] {
  return divisionLevels
    .map((level) => divisionCodeLengths[level])
    .filter((length) => length < code.length)
    .map((length) => code.slice(0, length));
}

const kindSuffixes: Array<[RegExp, DivisionKind]> = [
  [/(社区居委会|居委会|居民委员会|社区)[）)]?$/, 'community'],
  [/(村委会|村民委员会|村委|村)[）)]?$/, 'village'],
  [/街道(办事处)?$/, 'subdistrict'],
  [/镇$/, 'town'],
  [/乡$/, 'township'],
  [/县$/, 'county'],
];

/** Reads the kind from the official name's suffix (…镇 town, …街道 subdistrict, …村委会 village …). */
export function kindFromName(level: DivisionLevel, name: string): DivisionKind {
  if (level === 'province' || level === 'city') return level;
  const match = kindSuffixes.find(([pattern]) => pattern.test(name));
  if (level === 'district') return match?.[1] === 'county' ? 'county' : 'district';
  if (!match) return 'other';
  const kind = match[1];
  const fitsLevel =
    level === 'township'
      ? ['town', 'subdistrict', 'township'].includes(kind)
      : ['village', 'community'].includes(kind);
  return fitsLevel ? kind : 'other';
}

export interface DivisionServiceDependencies {
  db: Database;
  writer: Writer;
}

/** Organizations show their division's name, so their cached reads go stale too. */
function publishChange(write: WriteSteps) {
  write.publish('divisions');
  write.publish('organizations');
}

export function createDivisionService(deps: DivisionServiceDependencies) {
  const { db, writer } = deps;
  const repository = createDivisionRepository(db);

  async function requireDivision(code: string) {
    const division = await repository.findByCode(code);
    if (!division) throw new NotFoundError('division', code);
    return division;
  }

  /** A division of the scope's jurisdiction; one outside it is not found, like a missing one. */
  async function requireDivisionInScope(code: string, scope: DataScope) {
    const division = await repository.findInScope(code, scope);
    if (!division) throw new NotFoundError('division', code);
    return division;
  }

  async function pathOf(code: string): Promise<DivisionSummary[]> {
    const rows = await repository.findByCodes([...ancestorCodes(code), code]);
    return rows
      .sort((a, b) => a.code.length - b.code.length)
      .map(({ code: rowCode, name, level }) => ({ code: rowCode, name, level }));
  }

  /** A change row for the division's history and an audit row for the trail, in one transaction. */
  async function writeChange(
    write: WriteSteps,
    change: Parameters<ReturnType<typeof createDivisionRepository>['insertChange']>[0],
  ) {
    await createDivisionRepository(write.tx).insertChange(change);
    write.audit({
      action: `division.${change.changeType}`,
      objectType: 'division',
      objectId: change.divisionCode,
      detail: {
        effectiveDate: change.effectiveDate,
        successorCode: change.successorCode ?? null,
      },
    });
    publishChange(write);
  }

  return {
    /**
     * Adds or refreshes divisions in one transaction. Each parent must be in the batch or already
     * stored; otherwise nothing is written.
     */
    async importDivisions(
      inputs: DivisionInput[],
      origin: RequestOrigin = systemOrigin,
    ): Promise<number> {
      const rows: NewDivisionRow[] = inputs.map((input) => {
        const level = levelOfCode(input.code);
        return {
          code: input.code,
          name: input.name,
          level,
          kind: kindFromName(level, input.name),
          parentCode: input.parentCode,
        };
      });
      const batchCodes = new Set(rows.map((row) => row.code));
      const outsideParents = [
        ...new Set(rows.flatMap((row) => (row.parentCode ? [row.parentCode] : []))),
      ].filter((code) => !batchCodes.has(code));
      const stored = await repository.existingCodes(outsideParents);
      const orphan = rows.find(
        (row) => row.parentCode && !batchCodes.has(row.parentCode) && !stored.has(row.parentCode),
      );
      if (orphan) {
        throw new InputError([
          { field: `${orphan.code}.parentCode`, message: 'division.parent.unknown' },
        ]);
      }
      // Parents first, so the foreign key holds inside each batch.
      rows.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
      await writer.write(origin, async (write) => {
        await createDivisionRepository(write.tx).upsertMany(rows);
        write.audit({
          action: 'division.import',
          objectType: 'division',
          detail: { count: rows.length },
        });
        publishChange(write);
      });
      return rows.length;
    },

    async listDivisions(query: ListDivisionsQuery): Promise<Page<Division>> {
      return repository.list({ ...query, asOf: query.asOf ?? todayInShanghai() });
    },

    async getDivision(code: string): Promise<DivisionDetail> {
      const division = await requireDivision(code);
      const [path, childCount] = await Promise.all([
        pathOf(code),
        repository.countChildren(code, todayInShanghai()),
      ]);
      return { ...division, path, childCount };
    },

    async getPath(code: string): Promise<DivisionSummary[]> {
      await requireDivision(code);
      return pathOf(code);
    },

    async listChanges(code: string): Promise<DivisionChange[]> {
      await requireDivision(code);
      return repository.listChanges(code);
    },

    async renameDivision(code: string, newName: string, effectiveDate: string, note?: string) {
      const division = await requireDivision(code);
      await writer.write(systemOrigin, async (write) => {
        await createDivisionRepository(write.tx).update(code, { name: newName });
        await writeChange(write, {
          divisionCode: code,
          changeType: 'renamed',
          effectiveDate,
          previousName: division.name,
          newName,
          note: note ?? null,
        });
      });
    },

    /** The division ends the day before `effectiveDate`; its area and records pass to the successor. */
    async mergeDivision(code: string, successorCode: string, effectiveDate: string, note?: string) {
      const division = await requireDivision(code);
      const successor = await requireDivision(successorCode);
      if (division.validTo) throw new ConflictError('error.conflict');
      if (successor.level !== division.level || successor.code === division.code) {
        throw new InputError([{ field: 'successorCode', message: 'field.invalid' }]);
      }
      await writer.write(systemOrigin, async (write) => {
        await createDivisionRepository(write.tx).update(code, {
          validTo: dayBefore(effectiveDate),
          successorCode,
        });
        await writeChange(write, {
          divisionCode: code,
          changeType: 'merged',
          effectiveDate,
          successorCode,
          note: note ?? null,
        });
      });
    },

    async abolishDivision(code: string, effectiveDate: string, note?: string) {
      const division = await requireDivision(code);
      if (division.validTo) throw new ConflictError('error.conflict');
      await writer.write(systemOrigin, async (write) => {
        await createDivisionRepository(write.tx).update(code, {
          validTo: dayBefore(effectiveDate),
        });
        await writeChange(write, {
          divisionCode: code,
          changeType: 'abolished',
          effectiveDate,
          note: note ?? null,
        });
      });
    },

    /**
     * Records a division's centre: where "nearest to this village" is measured from. A signed-in
     * planner may place only divisions of their own jurisdiction (others are not found).
     */
    async setCentre(
      code: string,
      latitude: number,
      longitude: number,
      origin: RequestOrigin = systemOrigin,
    ): Promise<Division> {
      const previous = origin.actor
        ? await requireDivisionInScope(code, origin.actor.scope)
        : await requireDivision(code);
      await writer.write(origin, async (write) => {
        await createDivisionRepository(write.tx).update(code, { latitude, longitude });
        write.audit({
          action: 'division.set_centre',
          objectType: 'division',
          objectId: code,
          detail: {
            previous:
              previous.latitude === null
                ? null
                : { latitude: previous.latitude, longitude: previous.longitude },
            latitude,
            longitude,
          },
        });
        publishChange(write);
      });
      return { ...previous, latitude, longitude };
    },

    /** Records many centres at once, all or none (the demo seed places every village). */
    async setCentres(
      centres: Array<DivisionCentre & { code: string }>,
      origin: RequestOrigin = systemOrigin,
    ): Promise<void> {
      const codes = centres.map((centre) => centre.code);
      const known = await repository.existingCodes(codes);
      const unknown = codes.find((code) => !known.has(code));
      if (unknown) throw new NotFoundError('division', unknown);
      await writer.write(origin, async (write) => {
        await createDivisionRepository(write.tx).updateCentres(centres);
        write.audit({
          action: 'division.set_centres',
          objectType: 'division',
          detail: { count: centres.length },
        });
        publishChange(write);
      });
    },

    /** The divisions of one level inside a division (e.g. every village of a district). */
    listWithin(code: string, level: DivisionLevel): Promise<Division[]> {
      return repository.listWithin(code, level, todayInShanghai());
    },

    /**
     * Where a division is: its own centre, else the nearest ancestor's (a village without a
     * recorded centre is placed at its township's). Null when no level has one.
     */
    async locate(code: string): Promise<{ latitude: number; longitude: number } | null> {
      await requireDivision(code);
      const chain = await repository.findByCodes([...ancestorCodes(code), code]);
      const located = chain
        .filter((division) => division.latitude !== null && division.longitude !== null)
        .sort((a, b) => b.code.length - a.code.length)[0];
      return located ? { latitude: located.latitude!, longitude: located.longitude! } : null;
    },

    /** Which of these codes name a known division (bulk checks, e.g. an Excel import). */
    existingCodes(codes: string[]): Promise<Set<string>> {
      return repository.existingCodes(codes);
    },

    requireDivision,
    requireDivisionInScope,
  };
}

export type DivisionService = ReturnType<typeof createDivisionService>;
