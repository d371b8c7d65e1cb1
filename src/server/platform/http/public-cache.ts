import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ChangeFeed, ChangeTopic } from '../changes.js';

interface Entry {
  body: string;
  etag: string;
  topics: readonly ChangeTopic[];
  expiresAt: number;
  /** Set when one request went to refill the expired entry; the others keep getting this one. */
  refreshing: boolean;
}

export interface PublicCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  staleMs?: number;
  now?: () => number;
}

/**
 * A bounded map of serialized answers; the oldest-used entry goes first when it is full. When an
 * entry expires, the first caller misses and refills it while later callers are still served the
 * expired answer for up to `staleMs`, so concurrent requests do not all hit the database at once.
 * Invalidation removes entries outright: after a write nobody gets the old answer.
 */
export function createResponseCache({
  maxEntries = 1000,
  ttlMs = 30_000,
  staleMs = 5_000,
  now = Date.now,
}: PublicCacheOptions = {}) {
  const entries = new Map<string, Entry>();
  return {
    get(key: string): Entry | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const time = now();
      if (entry.expiresAt > time || (entry.refreshing && entry.expiresAt + staleMs > time)) {
        entries.delete(key);
        entries.set(key, entry);
        return entry;
      }
      if (entry.expiresAt + staleMs <= time) entries.delete(key);
      else entry.refreshing = true;
      return undefined;
    },
    set(key: string, body: string, topics: readonly ChangeTopic[]): Entry {
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      const entry = { body, etag, topics, expiresAt: now() + ttlMs, refreshing: false };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return entry;
    },
    invalidate(topic: ChangeTopic): void {
      for (const [key, entry] of entries) if (entry.topics.includes(topic)) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks a public read: its 200 answers are cached until a write to one of these topics. */
    publicCache?: readonly ChangeTopic[];
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return (
    !!ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  );
}

const cacheControl = 'public, max-age=0, must-revalidate';

/**
 * Public reads (directory, divisions) are answered from memory with an ETag, so repeated and
 * conditional requests skip validation, the database and serialization. Keyed by the full URL;
 * answers do not depend on the caller or language (only errors do, and they are not cached).
 */
export function registerPublicCache(
  app: FastifyInstance,
  changes: ChangeFeed,
  options?: PublicCacheOptions,
) {
  const cache = createResponseCache(options);
  changes.subscribe((topic) => cache.invalidate(topic));

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.publicCache) return;
    const entry = cache.get(request.url);
    if (!entry) return;
    reply.header('etag', entry.etag).header('cache-control', cacheControl).header('x-cache', 'hit');
    if (matches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(entry.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const topics = request.routeOptions.config.publicCache;
    if (!topics || request.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (reply.getHeader('x-cache') === 'hit' || typeof payload !== 'string') return payload;
    const entry = cache.set(request.url, payload, topics);
    reply
      .header('etag', entry.etag)
      .header('cache-control', cacheControl)
      .header('x-cache', 'miss');
    if (matches(request.headers['if-none-match'], entry.etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  return cache;
}
