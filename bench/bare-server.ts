/**
 * Child process: the baseline. A bare Fastify route that sends a constant, already serialized JSON
 * body (read from BENCH_BARE_BODY_FILE: the real list response), so the difference to the app is
 * everything the app does per request: its hooks, the cache lookup and, on a miss, validation,
 * queries and serialization.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { exitWithParent, reportReady } from './protocol.js';

async function main(): Promise<void> {
  exitWithParent();
  const bodyFile = process.env.BENCH_BARE_BODY_FILE;
  const path = process.env.BENCH_BARE_PATH;
  if (!bodyFile || !path) throw new Error('BENCH_BARE_BODY_FILE and BENCH_BARE_PATH are required');
  const body = readFileSync(bodyFile, 'utf8');
  const app = Fastify({ logger: false });
  app.get(path, (_request, reply) => {
    reply.type('application/json; charset=utf-8').send(body);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  reportReady(url, () => app.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
