import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp, type App } from './app.js';
import { createPgliteTestDatabase } from '../../test/helpers/database.js';
import { testConfig } from '../../test/helpers/app.js';
import type { DatabaseHandle } from './platform/db/client.js';
import { ConflictError } from './platform/errors.js';

/** Routes that exist only in this test, to drive the shared HTTP machinery. */
function addProbeRoutes(app: App) {
  app.post(
    '/api/probe',
    {
      config: { access: 'public' },
      schema: {
        body: z.strictObject({ name: z.string().min(2), age: z.number().int().optional() }),
      },
    },
    (request) => ({ hello: request.body.name }),
  );
  app.get('/api/probe/boom', { config: { access: 'public' } }, () => {
    throw new Error('secret detail 3204**1234 should never reach a client');
  });
  app.get('/api/probe/conflict', { config: { access: 'public' } }, () => {
    throw new ConflictError();
  });
  app.get('/api/probe/slow', { config: { access: 'public' } }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { done: true };
  });
}

describe('HTTP app', () => {
  let database: DatabaseHandle;
  let app: App;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    app = await buildApp({
      db: database.db,
      config: testConfig,
      logger: false,
      webDir: '/nonexistent',
    });
    addProbeRoutes(app);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should answer liveness and readiness when the database is up', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('should publish an OpenAPI 3.1 document of the routes when asked', async () => {
    const document = (await app.inject('/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/divisions', '/api/divisions/{code}', '/api/organizations']),
    );
    expect(document.paths['/api/divisions'].get.responses['400']).toBeDefined();
  });

  it('should serve Swagger UI when /api/docs is opened', async () => {
    const response = await app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('should answer 404 in the error body when an API route does not exist', async () => {
    const response = await app.inject({
      url: '/api/nothing',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No such endpoint: GET /api/nothing' },
    });
  });

  it('should answer 400 naming the field when a body has an unknown field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/probe',
      payload: { name: '张三', nmae: 'typo' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'body.nmae', message: '不允许的字段' }]);
  });

  it('should tell a missing field from a wrongly typed one when the body is invalid', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: { 'accept-language': 'en-US' },
      payload: { age: 1.5 },
    });
    expect(response.json().error.fields).toEqual([
      { field: 'body.name', message: 'is required' },
      { field: 'body.age', message: 'must be an integer' },
    ]);
  });

  it('should answer 400 when the body is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: '请求体不是有效的 JSON',
    });
  });

  it('should answer 413 when the body is over the limit', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/probe',
      payload: { name: 'x'.repeat(testConfig.bodyLimit + 1) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('should answer 409 when a service reports a conflict', async () => {
    const response = await app.inject('/api/probe/conflict');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
  });

  it('should hide the cause when an unexpected error happens', async () => {
    const response = await app.inject('/api/probe/boom');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal', message: '服务器内部错误，请稍后再试' },
    });
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('stack');
  });
});

/** Sends raw HTTP/1.1 on one socket so a second request can arrive on a connection already open. */
function openRawConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return {
    request: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
    ended,
  };
}

describe('graceful shutdown', () => {
  it('should finish in-flight requests and answer later ones with 503 when closing', async () => {
    const database = await createPgliteTestDatabase();
    const app = await buildApp({
      db: database.db,
      config: testConfig,
      logger: false,
      webDir: '/nonexistent',
    });
    addProbeRoutes(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const connection = openRawConnection(port);
    connection.request('/api/probe/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = app.close();
    connection.request('/healthz');
    const transcript = await connection.ended;
    await closing;
    await database.close();

    const statuses = [...transcript.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => match[1]);
    expect(statuses).toEqual(['200', '503']);
    expect(transcript).toContain('{"done":true}');
    expect(transcript).toContain('"code":"unavailable"');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
