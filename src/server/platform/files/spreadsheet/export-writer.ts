import type ExcelJS from 'exceljs';
import { exportCell } from './cells.js';
import {
  columnsOf,
  type AnyColumn,
  type SpreadsheetColumn,
  type SpreadsheetDefinition,
} from './definition.js';
import { DATE_FORMAT, sheetColumns, TEXT_FORMAT, workbookBuffer, writeHeader } from './workbook.js';

/**
 * An export: every column (export-only ones too), one row per record, values formatted by kind
 * (labels for choices, 是/否, real Excel dates). Streams rows, so 100,000 records stay cheap.
 */
export async function writeSpreadsheet<Item>(
  definition: SpreadsheetDefinition<readonly SpreadsheetColumn<string, Item>[]>,
  records: Iterable<Item>,
): Promise<Buffer> {
  const columns = columnsOf(definition as SpreadsheetDefinition);
  return workbookBuffer((workbook) => {
    const sheet = workbook.addWorksheet(definition.sheetName, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = sheetColumns(columns, false);
    writeHeader(sheet, columns, false);
    // One style object per column, shared by its cells: exceljs recognises a style object it has
    // seen, but works a new one out from scratch (a third of the export's time on 100,000 rows).
    const styles = columns.map((column) => cellStyles[column.kind]);
    for (const record of records) {
      const values = columns.map((column) =>
        exportCell(column, column.value ? column.value(record) : null),
      );
      const row = sheet.addRow(values);
      values.forEach((value, index) => {
        if (value !== null) row.getCell(index + 1).style = styles[index] as Partial<ExcelJS.Style>;
      });
      row.commit();
    }
    sheet.commit();
  });
}

const cellStyles: Record<AnyColumn['kind'], Partial<ExcelJS.Style>> = {
  text: { numFmt: TEXT_FORMAT },
  date: { numFmt: DATE_FORMAT },
  integer: {},
  number: {},
  boolean: {},
  choice: {},
  choices: {},
};
