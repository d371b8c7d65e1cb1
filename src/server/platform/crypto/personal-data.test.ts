import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maskPhone,
  maskResidentId,
  mobilePhoneSchema,
  residentIdCheckCharacter,
  residentIdProblem,
  residentIdSchema,
} from '../../../contracts/personal-data.js';
import { createPersonalDataCipher } from './personal-data-cipher.js';

describe('resident ID numbers (GB 11643)', () => {
  it('should accept the standard example when its check character is right', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
  });

  it('should reject the number when its check digit is wrong', () => {
    expect(residentIdProblem('340524198001010013')).toBe('check_digit');
  });

  it.each([
    ['1101051949123100', 'format'],
    ['11010519491231002x', 'format'],
    ['99010519491231002X', 'region'],
    ['110105194902300021', 'birth_date'],
    ['110105189912310021', 'birth_date'],
  ] as const)('should report %s as a %s problem', (value, problem) => {
    expect(residentIdProblem(value)).toBe(problem);
  });

  it('should reject a birth date when it is in the future', () => {
    const first17 = '32041220990101001';
    expect(
      residentIdProblem(first17 + residentIdCheckCharacter(first17), new Date('2026-11-24')),
    ).toBe('birth_date');
  });

  it('should upper-case a trailing x when parsing', () => {
    expect(residentIdSchema.parse('11010519491231002x')).toBe('11010519491231002X');
  });

  it('should accept any number when its check character was computed by the rule', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 3,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        digits,
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        (sequence, birth) => {
          const first17 = `320412${birth.toISOString().slice(0, 10).replace(/-/g, '')}${sequence}`;
          expect(residentIdProblem(first17 + residentIdCheckCharacter(first17))).toBeNull();
        },
      ),
    );
  });
});

describe('mobile phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
  ])('should normalise %s when it is a mainland mobile number', (input, normalised) => {
    expect(mobilePhoneSchema.parse(input)).toBe(normalised);
  });

  it.each(['12812345678', '1381234567', '0519-86311234'])('should reject %s', (input) => {
    expect(mobilePhoneSchema.safeParse(input).success).toBe(false);
  });
});

describe('masking', () => {
  it('should keep the region and the last four when masking an ID number', () => {
    expect(maskResidentId('32041219800101123X')).toBe('3204**********123X');
  });

  it('should keep the prefix and the last four when masking a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('personal data cipher', () => {
  const cipher = createPersonalDataCipher('a-test-secret-of-at-least-thirty-two-chars');

  it('should give back the clear value when decrypting what it encrypted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(cipher.decrypt(cipher.encrypt(value))).toBe(value);
      }),
    );
  });

  it('should never store the clear value or repeat a ciphertext when encrypting twice', () => {
    const [first, second] = [
      cipher.encrypt('11010519491231002X'),
      cipher.encrypt('11010519491231002X'),
    ];
    expect(first).not.toBe(second);
    expect(first).not.toContain('11010519491231002X');
  });

  it('should refuse a value when it was altered', () => {
    const stored = cipher.encrypt('13812345678');
    const altered = stored.slice(0, -2) + (stored.endsWith('A') ? 'B' : 'A') + stored.slice(-1);
    expect(() => cipher.decrypt(altered)).toThrow(/altered/);
  });

  it('should refuse a value when another key encrypted it', () => {
    const other = createPersonalDataCipher('another-secret-of-at-least-thirty-two-chars');
    expect(() => cipher.decrypt(other.encrypt('x'))).toThrow(/another key/);
  });

  it('should give a stable index per value and key when indexing', () => {
    const other = createPersonalDataCipher('another-secret-of-at-least-thirty-two-chars');
    expect(cipher.blindIndex('13812345678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'));
    expect(cipher.blindIndex('13812345678')).not.toBe(other.blindIndex('13812345678'));
  });
});
