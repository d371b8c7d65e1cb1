import type { FastifyInstance } from 'fastify';

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMediaType = (typeof imageMediaTypes)[number];

/**
 * Uploads (Excel workbooks, photos) arrive as the raw request body, typed by Content-Type, and
 * reach handlers as a Buffer. Routes that accept them set their own `bodyLimit`.
 */
export function registerBinaryBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    [xlsxMediaType, ...imageMediaTypes],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
}
