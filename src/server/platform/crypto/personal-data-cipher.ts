import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'farun', purpose, 32));
}

export class CipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CipherError';
  }
}

/**
 * Encrypts personal data at rest (AES-256-GCM, a fresh 96-bit IV per value) and computes a keyed
 * blind index (HMAC-SHA-256) for exact-match lookup. Both keys are derived from the configured
 * secret with HKDF under separate labels, so the index reveals nothing that decrypts.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function createPersonalDataCipher(secret: string) {
  const encryptionKey = deriveKey(secret, 'personal-data encryption v1');
  const indexKey = deriveKey(secret, 'personal-data blind index v1');

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },

    decrypt(stored: string): string {
      const [version, iv, tag, ciphertext] = stored.split('.');
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
        throw new CipherError('not an encrypted value of a known version');
      }
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          encryptionKey,
          Buffer.from(iv, 'base64url'),
          {
            authTagLength: TAG_BYTES,
          },
        );
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        throw new CipherError('the value was altered or encrypted with another key');
      }
    },

    /** The same input always gives the same index, so `where id_number_index = ?` finds it. */
    blindIndex(plain: string): string {
      return createHmac('sha256', indexKey).update(plain.normalize('NFC')).digest('base64url');
    },
  };
}

export type PersonalDataCipher = ReturnType<typeof createPersonalDataCipher>;
