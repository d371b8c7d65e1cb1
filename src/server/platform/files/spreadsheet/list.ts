import type { z } from 'zod';
import type { Locale } from '../../../../contracts/errors.js';
import type { Permission } from '../../../../contracts/permissions.js';
import type { SpreadsheetImportMode } from '../../../../contracts/spreadsheets.js';
import type { RequestOrigin } from '../../access/actor.js';
import type { SpreadsheetColumn, SpreadsheetDefinition, SpreadsheetValues } from './definition.js';
import type { SpreadsheetProblems } from './problems.js';
import type { SpreadsheetRow } from './reader.js';

export interface SpreadsheetImportContext {
  origin: RequestOrigin;
  locale: Locale;
  mode: SpreadsheetImportMode;
  /** The uploaded file, for the audit row. */
  file: { sha256: string; bytes: number };
}

export interface SpreadsheetImportSummary {
  /** Data rows read. */
  rows: number;
  /** Rows with problems (skipped in `valid_rows` mode). */
  invalidRows: number;
}

/** How a domain imports its rows. */
export interface SpreadsheetImporter<Values, Prepared> {
  /**
   * Checks every row with the domain's contract and rules, adding each problem to `problems`
   * (row, column key, message key), and returns the records of the rows found valid, keyed by
   * their sheet row. Must not write.
   */
  prepare(
    rows: SpreadsheetRow<Values>[],
    problems: SpreadsheetProblems,
    context: SpreadsheetImportContext,
  ): Promise<Array<{ row: number; record: Prepared }>>;
  /**
   * Writes the records in ONE transaction (batched multi-row inserts) with ONE audit row
   * (action `<entity>.import`, detail: counts, mode, file sha256), then publishes the change.
   * Returns how many were written.
   */
  write(
    records: Prepared[],
    context: SpreadsheetImportContext,
    summary: SpreadsheetImportSummary,
  ): Promise<number>;
}

/** How a domain exports its list: the filters of its list route (without paging) and the rows. */
export interface SpreadsheetExporter<Filters, Item> {
  query: z.ZodType<Filters>;
  /** At most `limit` records matching `filters`, within the caller's data scope. */
  rows(filters: Filters, context: { origin: RequestOrigin; limit: number }): Promise<Item[]>;
}

/** An audit row the engine records itself: a rejected import, an export. */
export interface SpreadsheetAuditEvent {
  origin: RequestOrigin;
  action: string;
  objectType: string;
  outcome: 'success' | 'failure';
  detail: Record<string, unknown>;
}

/**
 * Everything about one list's Excel import and export that its three routes need: a domain's
 * `<domain>.spreadsheet.ts` builds one from its dependencies, and {@link spreadsheetRoutes}
 * turns it into `GET {basePath}/import/template`, `POST {basePath}/import` and
 * `GET {basePath}/export`.
 */
export interface SpreadsheetList<
  Columns extends readonly SpreadsheetColumn<string, never>[] = readonly SpreadsheetColumn<
    string,
    never
  >[],
  Prepared = unknown,
  Filters = unknown,
  Item = unknown,
> {
  /** The list's path, e.g. `/api/organizations`; the routes hang below it (spreadsheetPaths). */
  basePath: string;
  /** OpenAPI tags. */
  tags: string[];
  /** Permission per route; `template` defaults to `import`'s. */
  access: { import: Permission; export: Permission; template?: Permission };
  definition: SpreadsheetDefinition<Columns>;
  /** Names the audit rows: `<auditEntity>.import` (rejected imports) and `<auditEntity>.export`. */
  auditEntity: string;
  /** Records the audit rows of rejected imports and of exports (the service's `audit.record`). */
  audit: (event: SpreadsheetAuditEvent) => Promise<void>;
  /** File names: `{fileName}导入模板.xlsx`, `{fileName}-YYYYMMDD.xlsx`; ASCII fallback `asciiName`. */
  fileName: string;
  asciiName: string;
  importer: SpreadsheetImporter<SpreadsheetValues<Columns>, Prepared>;
  exporter: SpreadsheetExporter<Filters, Item>;
  /** Largest upload in bytes (default 20 MiB). */
  bodyLimit?: number;
  /** Most data rows one import may hold (default 200,000). */
  maxRows?: number;
  /** Most records one export holds (default 100,000); more set `X-Export-Truncated: true`. */
  maxExportRows?: number;
}
