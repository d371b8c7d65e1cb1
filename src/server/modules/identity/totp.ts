import { generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: 'Farun 法润', label, secret });
}

/** Accepts the current code and the one before (30 s of transmission delay), never future ones. */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<boolean> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: [30, 0],
  });
  return result.valid;
}
