import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../../../test/helpers/app.js';

describe('route access declarations', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext({ config: { loginRatePerMinute: 3 } });
  });
  afterAll(() => context.close());

  it('should refuse to start when an API route declares no access', async () => {
    const app = await buildApp({
      db: context.database.db,
      services: context.services,
      config: testConfig,
      logger: false,
      webDir: '/nonexistent',
    });
    expect(() => app.get('/api/forgotten', () => 'oops')).toThrow(
      /GET \/api\/forgotten declares no access/,
    );
    await app.close();
  });

  it('should answer 429 in the error body when sign-in attempts exceed the rate limit', async () => {
    const attempt = () =>
      context.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'someone', password: 'guess' },
        remoteAddress: '10.9.8.7',
      });
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.json()).toEqual({
      error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' },
    });
  });

  it('should set security headers on every answer', async () => {
    const response = await context.app.inject('/api/settings');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('should send HSTS for a year with subdomains outside development', async () => {
    const app = await buildApp({
      db: context.database.db,
      services: context.services,
      config: { ...testConfig, env: 'production' },
      logger: false,
      webDir: '/nonexistent',
    });
    const response = await app.inject('/api/settings');
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    await app.close();
  });

  describe.skipIf(!process.env.TEST_REDIS_URL)('with Redis', () => {
    it('should count attempts in Redis when REDIS_URL is set', async () => {
      const app = await buildApp({
        db: context.database.db,
        services: context.services,
        config: { ...testConfig, loginRatePerMinute: 2, redisUrl: process.env.TEST_REDIS_URL },
        logger: false,
        webDir: '/nonexistent',
      });
      const address = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const attempt = () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'a', password: 'b' },
          remoteAddress: address,
        });
      const statuses = [
        (await attempt()).statusCode,
        (await attempt()).statusCode,
        (await attempt()).statusCode,
      ];
      await app.close();
      expect(statuses).toEqual([401, 401, 429]);
    });
  });
});
