import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './error-handler.js';

// HEAD too: uptime checks and proxies probe pages with it, and it must answer as GET does.
const pageMethods = new Set(['GET', 'HEAD']);

/** Serves the built portal (/) and console (/console); unknown page paths get the app's index. */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      setHeaders(reply, path) {
        // Hashed assets never change; index pages must be revalidated to pick up a new build.
        if (path.includes('/assets/'))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        else reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage =
      pageMethods.has(request.method) && !path.startsWith('/api/') && !/\.\w+$/.test(path);
    if (built && isPage) {
      const page =
        path === '/console' || path.startsWith('/console/') ? 'console.html' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    return sendProblem(request, reply, {
      code: 'not_found',
      messageKey: 'error.route_not_found',
      params: { method: request.method, url: path },
    });
  });
}
