import type { RequestOrigin } from '../../access/actor.js';
import type { SpreadsheetColumn, SpreadsheetDefinition } from './definition.js';
import { writeSpreadsheet } from './export-writer.js';
import type { SpreadsheetList } from './list.js';

const DEFAULT_MAX_EXPORT_ROWS = 100_000;

export interface SpreadsheetExport {
  workbook: Buffer;
  /** More records matched than one export holds. */
  truncated: boolean;
}

/** The caller's records matching `filters` as a workbook, with the export's audit row. */
export async function runExport<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
>(
  list: SpreadsheetList<Columns, Prepared, Filters, Item>,
  filters: Filters,
  origin: RequestOrigin,
): Promise<SpreadsheetExport> {
  const limit = list.maxExportRows ?? DEFAULT_MAX_EXPORT_ROWS;
  // One more than the limit tells a full export from a cut one.
  const records = await list.exporter.rows(filters, { origin, limit: limit + 1 });
  const truncated = records.length > limit;
  const kept = truncated ? records.slice(0, limit) : records;
  const workbook = await writeSpreadsheet(
    list.definition as unknown as SpreadsheetDefinition<readonly SpreadsheetColumn<string, Item>[]>,
    kept,
  );
  // Filter names only: a search text may hold a name or a phone number.
  await list.audit({
    origin,
    action: `${list.auditEntity}.export`,
    objectType: list.auditEntity,
    outcome: 'success',
    detail: { rows: kept.length, truncated, filters: Object.keys(filters as object) },
  });
  return { workbook, truncated };
}
