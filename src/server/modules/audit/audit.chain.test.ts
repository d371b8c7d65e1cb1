import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainHash,
  chainProblem,
  GENESIS_HASH,
  type ChainedFields,
} from './audit.chain.js';

function fields(overrides: Partial<ChainedFields> = {}): ChainedFields {
  return {
    occurredAt: new Date('2024-05-01T12:34:56.789Z'),
    actorId: '7d3c1b1e-2f4a-4c55-9d1e-0a1b2c3d4e5f',
    actorName: '张三',
    actorRoles: 'bureau_admin,auditor',
    ip: '10.0.0.1',
    action: 'organizations.update',
    objectType: 'organization',
    objectId: '42',
    outcome: 'success',
    detail: { changed: ['name'] },
    ...overrides,
  };
}

describe('canonicalJson', () => {
  it('should sort keys at every depth when objects are nested', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('should drop undefined members when an object holds them', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('should escape quotes and control characters when strings hold them', () => {
    expect(canonicalJson({ 'k"': 'a\n"b"' })).toBe('{"k\\"":"a\\n\\"b\\""}');
  });
});

describe('chainHash', () => {
  it('should give the same 64-hex hash when the fields are the same', () => {
    const hash = chainHash(GENESIS_HASH, fields());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, fields())).toBe(hash);
  });

  it('should ignore key order when the detail is the same', () => {
    expect(chainHash(GENESIS_HASH, fields({ detail: { a: 1, b: 2 } }))).toBe(
      chainHash(GENESIS_HASH, fields({ detail: { b: 2, a: 1 } })),
    );
  });

  it.each<[string, Partial<ChainedFields>]>([
    ['occurredAt', { occurredAt: new Date('2024-05-01T12:34:56.790Z') }],
    ['actorId', { actorId: null }],
    ['actorName', { actorName: '李四' }],
    ['actorRoles', { actorRoles: 'auditor' }],
    ['ip', { ip: '10.0.0.2' }],
    ['action', { action: 'organizations.delete' }],
    ['objectType', { objectType: 'division' }],
    ['objectId', { objectId: '43' }],
    ['outcome', { outcome: 'denied' }],
    ['detail', { detail: { changed: ['address'] } }],
  ])('should change the hash when %s changes', (_field, change) => {
    expect(chainHash(GENESIS_HASH, fields(change))).not.toBe(chainHash(GENESIS_HASH, fields()));
  });

  it('should change the hash when the previous hash changes', () => {
    expect(chainHash('f'.repeat(64), fields())).not.toBe(chainHash(GENESIS_HASH, fields()));
  });

  it('should keep fields apart when text moves from one field to the next', () => {
    expect(chainHash(GENESIS_HASH, fields({ objectType: 'ab', objectId: 'c' }))).not.toBe(
      chainHash(GENESIS_HASH, fields({ objectType: 'a', objectId: 'bc' })),
    );
  });
});

describe('chainProblem', () => {
  const first = {
    ...fields(),
    previousHash: GENESIS_HASH,
    hash: chainHash(GENESIS_HASH, fields()),
  };

  it('should find nothing when the row and its link hold', () => {
    expect(chainProblem(first, GENESIS_HASH)).toBeNull();
  });

  it('should report a hash mismatch when a field was changed', () => {
    expect(chainProblem({ ...first, action: 'auth.login' }, GENESIS_HASH)).toBe('hash_mismatch');
  });

  it('should report a broken link when the previous hash is not the one expected', () => {
    expect(chainProblem(first, 'a'.repeat(64))).toBe('broken_link');
  });
});
