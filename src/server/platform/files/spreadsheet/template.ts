import type ExcelJS from 'exceljs';
import { BOOLEAN_LABELS } from './cells.js';
import { columnsOf, importable, type SpreadsheetDefinition } from './definition.js';
import { columnLetter, sheetColumns, workbookBuffer, writeHeader, columnNote } from './workbook.js';

/** Rows of the template that get drop-down lists and the text format. */
const TEMPLATE_ROWS = 5_000;

interface DataValidationList {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
const OPTIONS_SHEET = '选项';
const INSTRUCTIONS_SHEET = '说明';

/**
 * The empty workbook to fill in: the data sheet with the importable columns (required headers in
 * red, a note on each), drop-down lists for choices and 是/否, text format for text columns (so
 * Excel keeps leading zeros and long codes), and an instructions sheet (说明).
 */
export async function writeTemplate(definition: SpreadsheetDefinition): Promise<Buffer> {
  const columns = columnsOf(definition).filter(importable);
  return workbookBuffer((workbook) => {
    const sheet = workbook.addWorksheet(definition.sheetName, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = sheetColumns(columns, true);
    writeHeader(sheet, columns, true);
    // exceljs's types leave out the worksheet's data validations, which its writers support.
    const validations = (sheet as unknown as { dataValidations: DataValidationList })
      .dataValidations;

    // Lists live on a hidden sheet: a list typed into the validation is limited to 255 characters.
    const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
    const lists: string[][] = [];
    columns.forEach((column, index) => {
      const letter = columnLetter(index);
      const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
      if (column.kind === 'choice' || column.kind === 'boolean') {
        const labels =
          column.kind === 'choice'
            ? column.choices.map((choice) => choice.label)
            : [BOOLEAN_LABELS.true, BOOLEAN_LABELS.false];
        lists.push(labels);
        const listColumn = columnLetter(lists.length - 1);
        validations.add(range, {
          type: 'list',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'warning',
          error: `请从下拉列表中选择（${column.header}）`,
          formulae: [`'${OPTIONS_SHEET}'!$${listColumn}$1:$${listColumn}$${labels.length}`],
        });
      } else if (column.kind === 'date') {
        validations.add(range, {
          type: 'date',
          operator: 'greaterThan',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'warning',
          error: '请填写日期，如 2024-05-01',
          formulae: [new Date(Date.UTC(1900, 0, 1))],
        });
      }
    });
    const longest = Math.max(0, ...lists.map((list) => list.length));
    for (let index = 0; index < longest; index += 1) {
      options.addRow(lists.map((list) => list[index] ?? null)).commit();
    }
    options.commit();
    sheet.commit();

    const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
    instructions.columns = [{ width: 22 }, { width: 8 }, { width: 70 }, { width: 30 }];
    for (const line of definition.instructions ?? []) instructions.addRow([line]).commit();
    instructions
      .addRow([
        `在“${definition.sheetName}”工作表中从第 2 行起每行填写一条；空行会被跳过。请勿修改表头。`,
      ])
      .commit();
    instructions.addRow([]).commit();
    const head = instructions.addRow(['列名', '必填', '填写说明', '示例']);
    head.font = { bold: true };
    head.commit();
    for (const column of columns) {
      instructions
        .addRow([
          column.header,
          column.required ? '是' : '否',
          columnNote(column).split('\n').slice(1).join('；'),
          column.example ?? '',
        ])
        .commit();
    }
    instructions.commit();
  });
}
