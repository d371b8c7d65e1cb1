import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from './web.js';

/** A stand-in for dist/web: the two index pages and one hashed asset. */
function builtWebDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'farun-web-'));
  writeFileSync(join(directory, 'index.html'), '<title>portal</title>');
  writeFileSync(join(directory, 'console.html'), '<title>console</title>');
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'assets', 'app-1234.js'), 'export {};');
  return directory;
}

describe('static web', () => {
  let webDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    webDir = builtWebDir();
    app = Fastify({ logger: false });
    await registerWeb(app, webDir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'portal'],
    ['/stations/nearby', 'portal'],
    ['/console', 'console'],
    ['/console/organizations', 'console'],
  ])('should answer the page of the app when GET %s is asked', async (url, page) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(`<title>${page}</title>`);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/', '/console', '/console/organizations'])(
    'should answer 200 with the page headers and no body when HEAD %s is asked',
    async (url) => {
      const response = await app.inject({ method: 'HEAD', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toBe('');
    },
  );

  it('should answer 404 when HEAD asks for an API path', async () => {
    expect((await app.inject({ method: 'HEAD', url: '/api/nothing' })).statusCode).toBe(404);
  });

  it('should let browsers keep a hashed asset for good when it is fetched', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
