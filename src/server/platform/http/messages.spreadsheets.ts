import type { Catalogues } from './messages.js';

/** Server messages of Excel import and export (whole-file problems, cell problems, row rules). */
export const spreadsheetMessages: Catalogues = {
  'zh-CN': {
    'spreadsheet.not_xlsx': '文件不是有效的 Excel（.xlsx）文件',
    'spreadsheet.legacy_xls':
      '这是旧版 .xls 或加密的 Excel 文件，请在 Excel 中另存为 .xlsx 后再导入',
    'spreadsheet.not_workbook': '文件是压缩包，但不是 Excel（.xlsx）工作簿',
    'spreadsheet.too_large': '文件解压后超过 {limit} MB，请分批导入',
    'spreadsheet.too_many_rows': '数据超过 {max} 行，请分批导入',
    'spreadsheet.sheet_missing': '找不到工作表“{sheet}”，也没有表头与导入模板一致的工作表',
    'spreadsheet.empty': '工作表“{sheet}”没有数据行',
    'spreadsheet.header.invalid': '工作表“{sheet}”的表头与导入模板不一致，请对照模板修改',
    'spreadsheet.header.missing': '缺少必需的列“{column}”',
    'spreadsheet.header.unknown': '第 {letter} 列“{column}”不是模板中的列，请删除或改用模板的列名',
    'spreadsheet.header.duplicate': '列“{column}”出现了不止一次',
    'spreadsheet.cell.required': '必填',
    'spreadsheet.cell.integer': '应为整数',
    'spreadsheet.cell.number': '应为数字',
    'spreadsheet.cell.date': '应为日期，如 2024-05-01',
    'spreadsheet.cell.boolean': '应填“是”或“否”',
    'spreadsheet.cell.choice': '“{value}”不是可选值，应为：{choices}',
    'spreadsheet.cell.error': '单元格是错误值 {value}',
    'spreadsheet.duplicate_in_file': '与第 {row} 行重复：同一区划内名称相同',
    'spreadsheet.division.unknown': '行政区划代码“{code}”不存在',
    'spreadsheet.phone.format': '应为电话号码，如 0519-86000000 或 13800000000',
    'spreadsheet.hours.format':
      '格式应如“周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00”，无法识别“{text}”',
    'spreadsheet.hours.interval': '时段“{text}”应为 HH:MM-HH:MM，且开始早于结束',
    'spreadsheet.hours.overlap': '{day}的时段有重叠',
    'spreadsheet.hours.repeated': '{day}出现了不止一次',
    'spreadsheet.organization.exists': '该区划内已有同名机构',
    'spreadsheet.organization.parent_unknown':
      '找不到上级机构“{name}”：须为本辖区内已有的机构，或本表中的机构',
    'spreadsheet.organization.parent_ambiguous':
      '有多个名为“{name}”的机构，无法确定上级机构；请先修改其中一个的名称',
    'spreadsheet.organization.parent_row': '上级机构“{name}”所在的第 {row} 行有误',
    'spreadsheet.organization.parent_cycle': '上级机构关系循环引用',
    'spreadsheet.organization.parent_self': '上级机构不能是自身',
    'spreadsheet.import_conflict': '导入期间有人新增了同名数据，请重新导入',
  },
  'en-US': {
    'spreadsheet.not_xlsx': 'the file is not a valid Excel (.xlsx) workbook',
    'spreadsheet.legacy_xls':
      'this is an old .xls or an encrypted workbook; save it as .xlsx in Excel and import that',
    'spreadsheet.not_workbook': 'the file is a zip archive but not an Excel (.xlsx) workbook',
    'spreadsheet.too_large': 'the file unpacks to more than {limit} MB; import it in parts',
    'spreadsheet.too_many_rows': 'more than {max} data rows; import them in parts',
    'spreadsheet.sheet_missing':
      'there is no sheet "{sheet}", nor a sheet whose headers match the import template',
    'spreadsheet.empty': 'the sheet "{sheet}" has no data rows',
    'spreadsheet.header.invalid':
      'the headers of the sheet "{sheet}" do not match the import template; compare them with it',
    'spreadsheet.header.missing': 'the required column "{column}" is missing',
    'spreadsheet.header.unknown':
      'column {letter} "{column}" is not a column of the template; remove it or rename it',
    'spreadsheet.header.duplicate': 'the column "{column}" appears more than once',
    'spreadsheet.cell.required': 'is required',
    'spreadsheet.cell.integer': 'must be a whole number',
    'spreadsheet.cell.number': 'must be a number',
    'spreadsheet.cell.date': 'must be a date, e.g. 2024-05-01',
    'spreadsheet.cell.boolean': 'must be 是 (yes) or 否 (no)',
    'spreadsheet.cell.choice': '"{value}" is not one of: {choices}',
    'spreadsheet.cell.error': 'the cell holds the error value {value}',
    'spreadsheet.duplicate_in_file': 'repeats row {row}: same name in the same division',
    'spreadsheet.division.unknown': 'there is no division with the code "{code}"',
    'spreadsheet.phone.format': 'must be a phone number, e.g. 0519-86000000 or 13800000000',
    'spreadsheet.hours.format':
      'write hours like "周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00"; cannot read "{text}"',
    'spreadsheet.hours.interval': '"{text}" must be HH:MM-HH:MM with the start before the end',
    'spreadsheet.hours.overlap': 'the intervals of {day} overlap',
    'spreadsheet.hours.repeated': '{day} appears more than once',
    'spreadsheet.organization.exists': 'an organization of this name exists in this division',
    'spreadsheet.organization.parent_unknown':
      'no supervising organization "{name}": it must exist in your jurisdiction or in this sheet',
    'spreadsheet.organization.parent_ambiguous':
      'several organizations are named "{name}"; rename one of them first',
    'spreadsheet.organization.parent_row':
      'the supervising organization "{name}" (row {row}) has problems',
    'spreadsheet.organization.parent_cycle':
      'the supervising organizations refer to each other in a loop',
    'spreadsheet.organization.parent_self': 'an organization cannot supervise itself',
    'spreadsheet.import_conflict':
      'someone added records of the same names during the import; import the file again',
  },
};
