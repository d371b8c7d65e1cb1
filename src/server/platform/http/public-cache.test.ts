import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { createResponseCache } from './public-cache.js';

describe('createResponseCache', () => {
  it('should drop the least recently used entry when full', () => {
    const cache = createResponseCache({ maxEntries: 2 });
    cache.set('/a', 'a', ['organizations']);
    cache.set('/b', 'b', ['organizations']);
    cache.get('/a');
    cache.set('/c', 'c', ['organizations']);
    expect([cache.get('/a')?.body, cache.get('/b'), cache.get('/c')?.body]).toEqual([
      'a',
      undefined,
      'c',
    ]);
  });

  it('should send one caller to refill and serve the others the old answer when an entry expires', () => {
    let clock = 0;
    const cache = createResponseCache({ ttlMs: 1000, staleMs: 500, now: () => clock });
    cache.set('/a', 'a', ['divisions']);
    clock = 999;
    expect(cache.get('/a')?.body).toBe('a');
    clock = 1000;
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/a')?.body).toBe('a');
    cache.set('/a', 'a2', ['divisions']);
    expect(cache.get('/a')?.body).toBe('a2');
  });

  it('should forget an entry when it has been expired longer than the stale allowance', () => {
    let clock = 0;
    const cache = createResponseCache({ ttlMs: 1000, staleMs: 500, now: () => clock });
    cache.set('/a', 'a', ['divisions']);
    clock = 1000;
    expect(cache.get('/a')).toBeUndefined();
    clock = 1500;
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/a')).toBeUndefined();
  });

  it('should drop only the entries of a topic when it changes', () => {
    const cache = createResponseCache();
    cache.set('/divisions', 'd', ['divisions']);
    cache.set('/organizations', 'o', ['organizations']);
    cache.invalidate('organizations');
    expect([cache.get('/divisions')?.body, cache.get('/organizations')]).toEqual(['d', undefined]);
  });

  it('should give the same ETag when the body is the same', () => {
    const cache = createResponseCache();
    expect(cache.set('/a', '{"x":1}', []).etag).toBe(cache.set('/b', '{"x":1}', []).etag);
  });
});

describe('public read caching over HTTP', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext();
    await context.services.organizations.createOrganization(
      buildOrganization({ name: '缓存律师事务所' }),
    );
  });
  afterAll(() => context.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    context.app.inject({ method: 'GET', url, headers });

  it('should answer from memory with the same ETag when asked twice', async () => {
    const first = await get('/api/organizations?limit=5');
    const second = await get('/api/organizations?limit=5');
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toContain('application/json');
    expect(second.json()).toEqual(first.json());
  });

  it('should answer 304 without a body when the ETag still matches', async () => {
    const { etag } = (await get('/api/organizations?limit=6')).headers;
    const again = await get('/api/organizations?limit=6', { 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('should show a new organization when one is created after a cached read', async () => {
    const before = (await get('/api/organizations?limit=50')).json();
    await context.services.organizations.createOrganization(
      buildOrganization({ name: '新设律师事务所' }),
    );
    const after = await get('/api/organizations?limit=50');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().total).toBe(before.total + 1);
  });

  it('should show a renamed division in organization lists when a division is renamed', async () => {
    await get('/api/organizations?division=320412100');
    await context.services.divisions.renameDivision('320412100', '湖塘镇（更名）', '2026-01-01');
    const after = (await get('/api/organizations?division=320412100')).json();
    expect(after.items[0].divisionName).toBe('湖塘镇（更名）');
  });

  it('should not cache an error when the query is invalid', async () => {
    await get('/api/organizations?limit=0');
    const again = await get('/api/organizations?limit=0', { 'accept-language': 'en' });
    expect(again.statusCode).toBe(400);
    expect(again.headers['x-cache']).toBeUndefined();
    expect(again.json().error.fields[0].message).toBe('must be at least 1');
  });
});
