import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/permissions.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';

/** What a route requires: anyone, any signed-in user, or one permission. */
export type RouteAccess = 'public' | 'signed_in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the user must first change the password or enrol a second factor. */
    allowWhileRestricted?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('unauthenticated', 'error.unauthenticated');
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'error.forbidden') {
    super('forbidden', messageKey);
  }
}

/** Routes registered by plugins we trust to be public (the OpenAPI viewer's static files). */
const pluginRoutePrefixes = ['/api/docs'];

export function isExemptRoute(url: string): boolean {
  return !url.startsWith('/api/') || pluginRoutePrefixes.some((prefix) => url.startsWith(prefix));
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token of a session: derived, so nothing extra is stored, and useless without the cookie. */
export function csrfTokenFor(secretKey: string, sessionId: string): string {
  return createHmac('sha256', secretKey).update(`csrf:${sessionId}`).digest('base64url');
}

function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One API route and the access it declares, as registered. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const declaredRoutesByApp = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/**
 * Every API route the app registered with its declared access, so that a test can check each
 * route that requires a permission against the scope harness's lists.
 */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declaredRoutesByApp.get(app) ?? [];
}

function methodsOf(method: string | string[]): string[] {
  return Array.isArray(method) ? method : [method];
}

export interface AccessControlOptions {
  secretKey: string;
  resolveActor(request: FastifyRequest): Promise<Actor | null>;
  onDenied(request: FastifyRequest, access: RouteAccess): Promise<void>;
  isRestricted(actor: Actor): boolean;
}

/**
 * Default deny: an /api route that declares no access answers 403. The route-table test makes
 * such a route fail the build before it ships. Cookie-authenticated state-changing requests must
 * carry the session's CSRF token.
 */
export function registerAccessControl(app: FastifyInstance, options: AccessControlOptions) {
  app.decorateRequest('actor', null);

  const declared: DeclaredRoute[] = [];
  declaredRoutesByApp.set(app, declared);
  // Fail at start, not at the first request: a route that forgot its access never ships.
  app.addHook('onRoute', (route) => {
    if (isExemptRoute(route.url)) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access (config.access)`,
      );
    }
    for (const method of methodsOf(route.method)) declared.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    request.actor = await options.resolveActor(request);
  });

  app.addHook('preHandler', async (request) => {
    const url = request.routeOptions.url;
    if (request.is404 || !url || isExemptRoute(url)) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new ForbiddenError();
    const actor = request.actor;
    if (actor && stateChanging.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      const expected = csrfTokenFor(options.secretKey, actor.sessionId);
      if (typeof given !== 'string' || !sameToken(given, expected)) {
        throw new ForbiddenError('error.csrf');
      }
    }
    if (access === 'public') return;
    if (!actor) throw new UnauthenticatedError();
    if (options.isRestricted(actor) && !request.routeOptions.config.allowWhileRestricted) {
      throw new ForbiddenError('error.restricted');
    }
    if (access === 'signed_in' || actor.permissions.has(access)) return;
    await options.onDenied(request, access);
    throw new ForbiddenError();
  });
}
