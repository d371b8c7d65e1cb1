import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

function encodeCsv(rows: string[][]): string {
  const encodeField = (field: string) =>
    /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  return rows.map((row) => row.map(encodeField).join(',')).join('\r\n');
}

describe('parseCsv', () => {
  it('should split quoted fields when they hold commas, quotes and newlines', () => {
    expect(parseCsv('code,name\n1,"a, ""b""\nc"\n')).toEqual([
      ['code', 'name'],
      ['1', 'a, "b"\nc'],
    ]);
  });

  it('should ignore a byte-order mark and blank lines when Excel saved the file', () => {
    expect(parseCsv('\ufeffcode,name\r\n\r\n32,江苏省\r\n')).toEqual([
      ['code', 'name'],
      ['32', '江苏省'],
    ]);
  });

  it('should give back what was encoded when rows hold any text', () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 12 });
    const rows = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, (generated) => {
        const meaningful = generated.filter((row) => row.some((cell) => cell.trim() !== ''));
        expect(parseCsv(encodeCsv(meaningful))).toEqual(meaningful);
      }),
    );
  });
});

describe('parseCsvRecords', () => {
  it('should key each row by the trimmed header when columns have spaces', () => {
    expect(parseCsvRecords(' code , name \n32, 江苏省 \n').records).toEqual([
      { code: '32', name: '江苏省' },
    ]);
  });
});
