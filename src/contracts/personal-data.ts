import { z } from 'zod';

/** GB/T 2260 province-level codes: the first two digits of every resident ID number. */
export const provinceCodes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return checkCharacters[sum % 11] as string;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

/**
 * Checks an 18-character resident ID number (GB 11643-1999): a known province code, a real birth
 * date not in the future, and the check character. Returns the first problem found, or null.
 */
export function residentIdProblem(
  value: string,
  today: Date = new Date(),
): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (!provinceCodes.has(value.slice(0, 2))) return 'region';
  const [year, month, day] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(
    Number,
  );
  if (!isRealDate(year as number, month as number, day as number) || (year as number) < 1900) {
    return 'birth_date';
  }
  if (Date.UTC(year as number, (month as number) - 1, day as number) > today.getTime()) {
    return 'birth_date';
  }
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return 'check_digit';
  return null;
}

/** A resident ID number; a lower-case x is accepted and stored upper-case. */
export const residentIdSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .superRefine((value, context) => {
    const problem = residentIdProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: `resident_id.${problem}` });
  });

/** A mainland mobile number: 11 digits starting 13–19; spaces, dashes and +86 are tolerated. */
export const mobilePhoneSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, ''))
  .refine((value) => /^1[3-9]\d{9}$/.test(value), { error: 'phone.format' });

/** `3204**********123X`: the region and the last four stay visible. */
export function maskResidentId(value: string): string {
  return value.length <= 8
    ? '*'.repeat(value.length)
    : `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** `138****5678`. */
export function maskPhone(value: string): string {
  return value.length < 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** Free text (addresses, health notes): only the first characters stay visible. */
export function maskText(value: string, visible = 3): string {
  return value.length <= visible
    ? '*'.repeat(value.length)
    : `${value.slice(0, visible)}${'*'.repeat(Math.min(8, value.length - visible))}`;
}
