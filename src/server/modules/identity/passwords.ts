import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.js';

/** OWASP's minimum argon2id parameters. */
const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A real hash to verify against when the account does not exist, so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function verifyDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password that no account has');
  return decoyHash.then((decoy) => verifyPassword(decoy, password)).then(() => false);
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  requireComplexity: boolean;
}

export interface PasswordContext {
  username?: string | null;
  phone?: string | null;
  displayName?: string | null;
}

export type PasswordProblem =
  | { key: 'password.too_short'; params: { min: number } }
  | { key: 'password.too_long'; params: { max: number } }
  | { key: 'password.common' | 'password.context' | 'password.complexity'; params: object };

const contextWords = ['司法局', '司法', '法润', 'farun', 'sifaju', 'justice'];

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return (
    commonPasswords.has(lower) ||
    (stem.length >= 4 && commonPasswords.has(stem)) ||
    /^(.)\1+$/.test(lower)
  );
}

function containsContext(password: string, context: PasswordContext): boolean {
  const lower = password.toLowerCase();
  const words = [context.username, context.phone, context.displayName, ...contextWords]
    .filter((word): word is string => Boolean(word) && (word as string).length >= 3)
    .map((word) => word.toLowerCase());
  return words.some((word) => lower.includes(word));
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) => pattern.test(password)).length;
}

/** The first rule a new password breaks, or null. */
export function passwordProblem(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
): PasswordProblem | null {
  const length = [...password].length;
  if (length < policy.minLength)
    return { key: 'password.too_short', params: { min: policy.minLength } };
  if (length > policy.maxLength)
    return { key: 'password.too_long', params: { max: policy.maxLength } };
  if (isCommon(password)) return { key: 'password.common', params: {} };
  if (containsContext(password, context)) return { key: 'password.context', params: {} };
  if (policy.requireComplexity && characterClasses(password) < 3) {
    return { key: 'password.complexity', params: {} };
  }
  return null;
}

/** A random password that satisfies every rule: for first administrators and new staff. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const body = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${body.slice(0, 5)}-${body.slice(5, 10)}-${body.slice(10, 16)}`;
}
