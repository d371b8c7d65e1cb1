import type { Catalogues } from './messages.js';

/** Server messages of Excel import and export. */
export const spreadsheetMessages: Catalogues = {
  'zh-CN': {
    'spreadsheet.not_xlsx': '文件不是有效的 Excel（.xlsx）文件',
  },
  'en-US': {
    'spreadsheet.not_xlsx': 'the file is not a valid Excel (.xlsx) workbook',
  },
};
