import type { SQL } from 'drizzle-orm';
import { and, asc, count, eq, gte, ilike, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import type {
  Division,
  DivisionChange,
  DivisionLevel,
  ListDivisionsQuery,
} from '../../../contracts/divisions.js';
import type { Page } from '../../../contracts/common.js';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/client.js';
import { divisionChanges, divisions } from './divisions.tables.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';

export type DivisionRow = typeof divisions.$inferSelect;
export type NewDivisionRow = typeof divisions.$inferInsert;
type NewDivisionChangeRow = typeof divisionChanges.$inferInsert;

const IMPORT_BATCH_SIZE = 500;

function validOn(date: string): SQL {
  return and(
    lte(divisions.validFrom, date),
    or(isNull(divisions.validTo), gte(divisions.validTo, date)),
  ) as SQL;
}

export function createDivisionRepository(db: Database) {
  return {
    /** Inserts new divisions and refreshes the name/kind of known ones; never deletes. */
    async upsertMany(rows: NewDivisionRow[]): Promise<void> {
      for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
        await db
          .insert(divisions)
          .values(rows.slice(start, start + IMPORT_BATCH_SIZE))
          .onConflictDoUpdate({
            target: divisions.code,
            set: {
              name: sql`excluded.name`,
              kind: sql`excluded.kind`,
              parentCode: sql`excluded.parent_code`,
            },
          });
      }
    },

    async findByCode(code: string): Promise<DivisionRow | undefined> {
      const [row] = await db.select().from(divisions).where(eq(divisions.code, code));
      return row;
    },

    /** A division inside the scope's jurisdiction; one outside it is not found, like a missing one. */
    async findInScope(code: string, scope: DataScope): Promise<DivisionRow | undefined> {
      const [row] = await db
        .select()
        .from(divisions)
        .where(
          and(eq(divisions.code, code), scopeCondition(scope, { divisionCode: divisions.code })),
        );
      return row;
    },

    /** The divisions of one level below a division (codes nest by prefix), in code order. */
    listWithin(code: string, level: DivisionLevel, asOf: string): Promise<DivisionRow[]> {
      return db
        .select()
        .from(divisions)
        .where(and(like(divisions.code, `${code}%`), eq(divisions.level, level), validOn(asOf)))
        .orderBy(asc(divisions.code));
    },

    /** Records many centres in one statement (the seed places hundreds of villages). */
    async updateCentres(
      centres: Array<{ code: string; latitude: number; longitude: number }>,
    ): Promise<void> {
      for (let start = 0; start < centres.length; start += IMPORT_BATCH_SIZE) {
        const rows = centres
          .slice(start, start + IMPORT_BATCH_SIZE)
          .map(
            (centre) =>
              sql`(${centre.code}, ${centre.latitude}::double precision, ${centre.longitude}::double precision)`,
          );
        await db.execute(sql`
          update ${divisions} set latitude = centre.latitude, longitude = centre.longitude
            from (values ${sql.join(rows, sql`, `)}) as centre(code, latitude, longitude)
           where ${divisions.code} = centre.code`);
      }
    },

    async findByCodes(codes: string[]): Promise<DivisionRow[]> {
      if (codes.length === 0) return [];
      return db.select().from(divisions).where(inArray(divisions.code, codes));
    },

    async existingCodes(codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await db
        .select({ code: divisions.code })
        .from(divisions)
        .where(inArray(divisions.code, codes));
      return new Set(rows.map((row) => row.code));
    },

    async list(query: ListDivisionsQuery & { asOf: string }): Promise<Page<Division>> {
      const conditions: SQL[] = [];
      if (query.parent) conditions.push(eq(divisions.parentCode, query.parent));
      else if (!query.q && !query.level) conditions.push(isNull(divisions.parentCode));
      if (query.level) conditions.push(eq(divisions.level, query.level));
      if (query.q) conditions.push(ilike(divisions.name, `%${escapeLike(query.q)}%`));
      if (!query.includeAbolished) conditions.push(validOn(query.asOf));
      const where = and(...conditions);
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(divisions)
          .where(where)
          .orderBy(asc(divisions.code))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(divisions).where(where),
      ]);
      return { items, total: total?.value ?? 0, limit: query.limit, offset: query.offset };
    },

    async countChildren(code: string, asOf: string): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(divisions)
        .where(and(eq(divisions.parentCode, code), validOn(asOf)));
      return row?.value ?? 0;
    },

    async update(
      code: string,
      patch: Partial<
        Pick<DivisionRow, 'name' | 'validTo' | 'successorCode' | 'latitude' | 'longitude'>
      >,
    ): Promise<void> {
      await db.update(divisions).set(patch).where(eq(divisions.code, code));
    },

    async insertChange(change: NewDivisionChangeRow): Promise<void> {
      await db.insert(divisionChanges).values(change);
    },

    async listChanges(code: string): Promise<DivisionChange[]> {
      const rows = await db
        .select()
        .from(divisionChanges)
        .where(eq(divisionChanges.divisionCode, code))
        .orderBy(asc(divisionChanges.effectiveDate), asc(divisionChanges.id));
      return rows.map((row) => ({ ...row, recordedAt: row.recordedAt.toISOString() }));
    },
  };
}

export type DivisionRepository = ReturnType<typeof createDivisionRepository>;
