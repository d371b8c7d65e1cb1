import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDivisionsDir } from '../../platform/paths.js';
import { DivisionFileError, readDivisionsDirectory } from './divisions.import.js';

const createdDirectories: string[] = [];

function directoryWith(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'farun-divisions-'));
  createdDirectories.push(directory);
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(directory, name), content);
  return directory;
}

describe('readDivisionsDirectory', () => {
  afterAll(() => {
    for (const directory of createdDirectories) rmSync(directory, { recursive: true, force: true });
  });

  it('should read every level when given the shipped demo data', () => {
    const inputs = readDivisionsDirectory(demoDivisionsDir);
    const countOfLength = (length: number) => inputs.filter((i) => i.code.length === length).length;
    expect([2, 4, 6, 9, 12].map(countOfLength)).toEqual([2, 2, 11, 116, 1385]);
    expect(inputs.find((input) => input.code === '320412')).toEqual({
      code: '320412',
      name: '武进区',
      parentCode: '3204',
    });
  });

  it('should read only the levels present when lower files are missing', () => {
    const directory = directoryWith({
      'provinces.csv': 'code,name\n32,"江苏省"\n',
      'cities.csv': 'code,name,provinceCode\n3204,"常州市",32\n',
    });
    expect(readDivisionsDirectory(directory)).toHaveLength(2);
  });

  it('should name the file and line when a code is not digits', () => {
    const directory = directoryWith({
      'provinces.csv': 'code,name\n32,"江苏省"\n',
      'cities.csv': 'code,name,provinceCode\n3204,"常州市",32\n32O5,"错误市",32\n',
    });
    expect(() => readDivisionsDirectory(directory)).toThrow(
      new DivisionFileError('cities.csv', 3, 'code must be digits'),
    );
  });

  it('should name the missing column when a header is wrong', () => {
    const directory = directoryWith({ 'provinces.csv': 'id,name\n32,"江苏省"\n' });
    expect(() => readDivisionsDirectory(directory)).toThrow(
      'provinces.csv, line 1: missing column "code"',
    );
  });

  it('should refuse a directory when it has no provinces.csv', () => {
    expect(() => readDivisionsDirectory(directoryWith({}))).toThrow(/provinces\.csv.*not found/);
  });
});
