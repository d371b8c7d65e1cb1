import type { FastifyInstance } from 'fastify';

function contentSecurityPolicy(mapTileUrl: string): string {
  const tileOrigin = mapTileUrl ? new URL(mapTileUrl.replace(/\{[a-z]\}/g, 'a')).origin : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Ant Design writes its CSS-in-JS into <style> elements.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Security headers on every answer. HSTS only outside development, where the site is served over
 * HTTPS; the API docs keep the CSP their plugin sets for its own inline assets.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { env: 'development' | 'production'; mapTileUrl: string },
) {
  const policy = contentSecurityPolicy(options.mapTileUrl);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', policy);
    if (options.env !== 'development') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });
}
