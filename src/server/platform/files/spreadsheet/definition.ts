import type { SpreadsheetChoice } from './choices.js';

/** What an export hands a column for one record; the engine formats it by the column's kind. */
export type SpreadsheetCellInput = string | number | boolean | Date | null | undefined | string[];

interface ColumnBase<Key extends string, Item> {
  /** Stable identifier; parsed values are keyed by it. */
  key: Key;
  /** The Chinese header, exactly as the template writes it. */
  header: string;
  /** Other headers accepted on import (an English one, an older wording). */
  aliases?: readonly string[];
  /** The cell must be filled; the header must be present. */
  required?: boolean;
  /** Format hint: the header's note in the template and a line of the instructions sheet. */
  note?: string;
  /** An example value for the instructions sheet. */
  example?: string;
  /** Column width in characters. */
  width?: number;
  /** false = export only (e.g. a division's name beside its code); ignored on import. */
  importable?: boolean;
  /** The cell of one exported record; leave out for template-only columns. */
  value?: (record: Item) => SpreadsheetCellInput;
}

export type SpreadsheetColumn<Key extends string = string, Item = never> =
  | (ColumnBase<Key, Item> & { kind: 'text' })
  | (ColumnBase<Key, Item> & { kind: 'integer' })
  | (ColumnBase<Key, Item> & { kind: 'number' })
  | (ColumnBase<Key, Item> & { kind: 'date' })
  | (ColumnBase<Key, Item> & { kind: 'boolean' })
  | (ColumnBase<Key, Item> & { kind: 'choice'; choices: readonly SpreadsheetChoice[] })
  | (ColumnBase<Key, Item> & { kind: 'choices'; choices: readonly SpreadsheetChoice[] });

type ChoiceValue<C> = C extends { choices: readonly SpreadsheetChoice<infer V>[] } ? V : string;

/** The parsed value of a column: text and dates as strings (dates `YYYY-MM-DD`), etc. */
export type SpreadsheetValue<C> = C extends { kind: 'text' | 'date' }
  ? string
  : C extends { kind: 'integer' | 'number' }
    ? number
    : C extends { kind: 'boolean' }
      ? boolean
      : C extends { kind: 'choice' }
        ? ChoiceValue<C>
        : C extends { kind: 'choices' }
          ? ChoiceValue<C>[]
          : never;

/**
 * One row's values by column key (export-only columns left out); a blank cell, or a cell with a
 * problem, is absent.
 */
export type SpreadsheetValues<Columns extends readonly SpreadsheetColumn<string, never>[]> = {
  [
    C in Columns[number] as C extends { importable: false } ? never : C['key']
  ]?: SpreadsheetValue<C>;
};

export interface SpreadsheetDefinition<
  Columns extends readonly SpreadsheetColumn<string, never>[] = readonly SpreadsheetColumn<
    string,
    never
  >[],
> {
  /** The data sheet's name, e.g. 机构; also accepted: any sheet whose header row fits. */
  sheetName: string;
  columns: Columns;
  /** Lines at the top of the template's instructions sheet (说明). */
  instructions?: readonly string[];
}

/**
 * Declares a sheet. `Item` is what an export receives per row (the domain's list item):
 * `defineSpreadsheet<Organization>()({ sheetName, columns: [...] })`. The column keys and kinds
 * are kept literally, so {@link SpreadsheetValues} types every parsed value.
 */
export function defineSpreadsheet<Item>() {
  return <const Columns extends readonly SpreadsheetColumn<string, Item>[]>(definition: {
    sheetName: string;
    columns: Columns;
    instructions?: readonly string[];
  }): SpreadsheetDefinition<Columns> => definition as unknown as SpreadsheetDefinition<Columns>;
}

/** A column with its item type erased, as the engine handles it. */
export type AnyColumn = SpreadsheetColumn<string, unknown>;

export function columnsOf(definition: SpreadsheetDefinition): AnyColumn[] {
  return definition.columns as unknown as AnyColumn[];
}

export const importable = (column: AnyColumn) => column.importable !== false;
