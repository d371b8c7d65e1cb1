// Labels of Excel import and export.

export const spreadsheetsZhCN = {
  'spreadsheet.export': '导出 Excel',
  'spreadsheet.import': '导入 Excel',
  'spreadsheet.template': '下载导入模板',
} as const;

export const spreadsheetsEnUS: Record<keyof typeof spreadsheetsZhCN, string> = {
  'spreadsheet.export': 'Export to Excel',
  'spreadsheet.import': 'Import from Excel',
  'spreadsheet.template': 'Download the import template',
};
