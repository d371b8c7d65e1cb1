import { SpreadsheetFileError } from './problems.js';

const ZIP_END_SIGNATURE = 0x06054b50;
const ZIP_ENTRY_SIGNATURE = 0x02014b50;
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Checks the zip's central directory before any unzipping: a workbook has `xl/workbook.xml`, and
 * its declared uncompressed size must be sane (a zip bomb is refused here, cheaply).
 */
export function inspectZip(file: Buffer, maxUncompressedBytes: number): void {
  if (file.subarray(0, 8).equals(OLE_SIGNATURE))
    throw new SpreadsheetFileError('spreadsheet.legacy_xls');
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) {
    throw new SpreadsheetFileError('spreadsheet.not_xlsx');
  }
  let end = -1;
  for (let offset = file.length - 22; offset >= Math.max(0, file.length - 65_557); offset -= 1) {
    if (file.readUInt32LE(offset) === ZIP_END_SIGNATURE) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new SpreadsheetFileError('spreadsheet.not_xlsx');
  const entries = file.readUInt16LE(end + 10);
  let offset = file.readUInt32LE(end + 16);
  const names = new Set<string>();
  let uncompressed = 0;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== ZIP_ENTRY_SIGNATURE) {
      throw new SpreadsheetFileError('spreadsheet.not_xlsx');
    }
    uncompressed += file.readUInt32LE(offset + 24);
    const nameLength = file.readUInt16LE(offset + 28);
    const extraLength = file.readUInt16LE(offset + 30);
    const commentLength = file.readUInt16LE(offset + 32);
    names.add(file.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.has('xl/workbook.xml')) throw new SpreadsheetFileError('spreadsheet.not_workbook');
  if (uncompressed > maxUncompressedBytes) {
    throw new SpreadsheetFileError('spreadsheet.too_large', {
      limit: Math.round(maxUncompressedBytes / 2 ** 20),
    });
  }
}
