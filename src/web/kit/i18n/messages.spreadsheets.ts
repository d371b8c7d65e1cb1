// Labels of Excel import and export (the SpreadsheetToolbar of any list).

export const spreadsheetsZhCN = {
  'spreadsheet.export': '导出 Excel',
  'spreadsheet.import': '导入 Excel',
  'spreadsheet.template': '下载导入模板',
  'spreadsheet.toolbar': 'Excel 导入导出',
  'spreadsheet.export.failed': '导出失败',
  'spreadsheet.template.failed': '模板下载失败',
  'spreadsheet.import.title': '从 Excel 导入',
  'spreadsheet.import.hint':
    '请先下载导入模板，按模板填写后上传（.xlsx）。上传后逐行校验：默认任何一行有误则全部不导入，并列出每一行的问题。',
  'spreadsheet.import.choose': '点击或拖入 Excel 文件',
  'spreadsheet.import.chooseHint': '仅支持 .xlsx 格式，最大 20 MB',
  'spreadsheet.import.file': '文件：{name}',
  'spreadsheet.import.working': '正在校验并导入，请稍候…',
  'spreadsheet.import.done': '已导入 {imported} 条，共 {rows} 行',
  'spreadsheet.import.donePartial': '已导入无误的 {imported} 条，跳过有误的 {invalid} 行',
  'spreadsheet.import.rejected': '共 {rows} 行，其中 {invalid} 行有误，未导入任何数据',
  'spreadsheet.import.rejectedHint':
    '请按下表修改后重新上传；也可以只导入无误的 {valid} 行，有误的行不会导入。',
  'spreadsheet.import.validOnly': '只导入无误的行（{valid} 行）',
  'spreadsheet.import.again': '重新选择文件',
  'spreadsheet.import.failed': '文件无法导入',
  'spreadsheet.import.truncated': '问题较多，只列出前 {count} 条',
  'spreadsheet.problem.row': '行号',
  'spreadsheet.problem.column': '列',
  'spreadsheet.problem.message': '问题',
  'spreadsheet.problem.wholeRow': '整行',
  'spreadsheet.problems': '问题列表',
  'spreadsheet.close': '完成',
} as const;

export const spreadsheetsEnUS: Record<keyof typeof spreadsheetsZhCN, string> = {
  'spreadsheet.export': 'Export to Excel',
  'spreadsheet.import': 'Import from Excel',
  'spreadsheet.template': 'Download the import template',
  'spreadsheet.toolbar': 'Excel import and export',
  'spreadsheet.export.failed': 'The export failed',
  'spreadsheet.template.failed': 'The template could not be downloaded',
  'spreadsheet.import.title': 'Import from Excel',
  'spreadsheet.import.hint':
    'Download the import template, fill it in and upload it (.xlsx). Every row is checked: by default nothing is imported if any row has a problem, and each row’s problems are listed.',
  'spreadsheet.import.choose': 'Click or drop an Excel file here',
  'spreadsheet.import.chooseHint': '.xlsx only, at most 20 MB',
  'spreadsheet.import.file': 'File: {name}',
  'spreadsheet.import.working': 'Checking and importing…',
  'spreadsheet.import.done': 'Imported {imported} of {rows} rows',
  'spreadsheet.import.donePartial':
    'Imported the {imported} good rows; skipped {invalid} rows with problems',
  'spreadsheet.import.rejected': '{invalid} of {rows} rows have problems; nothing was imported',
  'spreadsheet.import.rejectedHint':
    'Correct the rows below and upload again, or import only the {valid} good rows; the others are skipped.',
  'spreadsheet.import.validOnly': 'Import only the good rows ({valid})',
  'spreadsheet.import.again': 'Choose another file',
  'spreadsheet.import.failed': 'The file cannot be imported',
  'spreadsheet.import.truncated': 'Many problems; the first {count} are listed',
  'spreadsheet.problem.row': 'Row',
  'spreadsheet.problem.column': 'Column',
  'spreadsheet.problem.message': 'Problem',
  'spreadsheet.problem.wholeRow': 'Whole row',
  'spreadsheet.problems': 'Problems',
  'spreadsheet.close': 'Done',
};
