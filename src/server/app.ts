import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicSettingsSchema, type PublicSettings } from '../contracts/settings.js';
import { divisionRoutes } from './modules/divisions/divisions.routes.js';
import { organizationRoutes } from './modules/organizations/organizations.routes.js';
import { organizationsSpreadsheet } from './modules/organizations/organizations.spreadsheet.js';
import { coverageRoutes } from './modules/coverage/coverage.routes.js';
import { practitionerRoutes } from './modules/practitioners/practitioners.routes.js';
import { practitionersSpreadsheet } from './modules/practitioners/practitioners.spreadsheet.js';
import { volunteerRoutes } from './modules/volunteers/volunteers.routes.js';
import { volunteersSpreadsheet } from './modules/volunteers/volunteers.spreadsheet.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import { pingDatabase } from './platform/db/client.js';
import { registerErrorHandler, sendProblem } from './platform/http/error-handler.js';
import { registerBinaryBodies } from './platform/http/binary-bodies.js';
import { zodValidatorCompiler } from './platform/http/validation.js';
import { spreadsheetRoutes } from './platform/files/spreadsheet/index.js';
import { registerWeb } from './platform/http/web.js';
import { webDistDir } from './platform/paths.js';
import { registerPublicCache } from './platform/http/public-cache.js';
import { createServices, type Services } from './services.js';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { notificationRoutes } from './platform/notify/notify.routes.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { registerAccessControl } from './platform/access/route-access.js';
import { AppError } from './platform/errors.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';

export type AppConfig = Pick<
  Config,
  | 'env'
  | 'bodyLimit'
  | 'requestTimeoutMs'
  | 'logLevel'
  | 'mapTileUrl'
  | 'homeDivisionCode'
  | 'secretKey'
  | 'sessionMaxHours'
  | 'loginRatePerMinute'
  | 'codeRatePerMinute'
  | 'redisUrl'
>;

export interface AppDependencies {
  db: Database;
  config: AppConfig;
  /** Tests pass the services they also use directly, so both share one change feed. */
  services?: Services;
  /** Where the built web apps live; tests leave it out to serve the API alone. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Request logs name the route and status only: query strings and bodies may hold personal data. */
const safeRequestSerializers = {
  req(request: { method: string; url: string; id: string }) {
    return { id: request.id, method: request.method, path: request.url.split('?')[0] };
  },
};

export async function buildApp(deps: AppDependencies) {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel, serializers: safeRequestSerializers },
    bodyLimit: deps.config.bodyLimit,
    requestTimeout: deps.config.requestTimeoutMs,
    connectionTimeout: deps.config.requestTimeoutMs * 2,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, deps.config.bodyLimit);
  registerBinaryBodies(app);

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return sendProblem(request, reply, { code: 'unavailable', messageKey: 'error.unavailable' });
  });

  const services =
    deps.services ?? createServices(deps.db, { settings: { secretKey: deps.config.secretKey } });
  registerSecurityHeaders(app, deps.config);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    ...(deps.config.redisUrl
      ? { redis: new Redis(deps.config.redisUrl, { maxRetriesPerRequest: 1 }) }
      : {}),
    errorResponseBuilder: () => new AppError('rate_limited', 'error.rate_limited'),
  });
  const sessionCookie = {
    // `__Host-` binds the cookie to this host over HTTPS; plain-HTTP development cannot use it.
    name: deps.config.env === 'development' ? 'farun_session' : '__Host-farun_session',
    secure: deps.config.env !== 'development',
    maxAgeSeconds: deps.config.sessionMaxHours * 3600,
  };
  registerAccessControl(app, {
    secretKey: deps.config.secretKey,
    resolveActor: (request) =>
      services.identity.resolveSession(request.cookies[sessionCookie.name]),
    isRestricted: (actor) => actor.restriction !== null,
    onDenied: (request, access) =>
      services.audit
        .record({
          origin: { actor: request.actor, ip: request.ip },
          action: 'access.denied',
          objectType: 'route',
          objectId: `${request.method} ${request.routeOptions.url}`,
          outcome: 'denied',
          detail: { permission: access },
        })
        .then(() => undefined),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Farun (法润) API',
        description: 'Public legal services platform of a Justice Bureau',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    () => ({ status: 'ok' as const }),
  );
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await pingDatabase(deps.db);
      return { status: 'ready' };
    } catch {
      return sendProblem(request, reply, { code: 'unavailable', messageKey: 'error.unavailable' });
    }
  });

  registerPublicCache(app, services.changes);
  await app.register(divisionRoutes(services.divisions));
  await app.register(organizationRoutes(services.organizations));
  await app.register(spreadsheetRoutes(organizationsSpreadsheet(services)));
  await app.register(coverageRoutes(services.coverage));
  await app.register(practitionerRoutes(services.practitioners));
  await app.register(spreadsheetRoutes(practitionersSpreadsheet(services)));
  await app.register(volunteerRoutes(services.volunteers));
  await app.register(spreadsheetRoutes(volunteersSpreadsheet(services)));
  await app.register(auditRoutes(services.audit));
  await app.register(notificationRoutes(services.notifications));
  await app.register(
    identityRoutes(
      services.identity,
      sessionCookie,
      {
        loginPerMinute: deps.config.loginRatePerMinute,
        codesPerMinute: deps.config.codeRatePerMinute,
      },
      async (id) => services.organizations.getOrganization(id).catch(() => undefined),
    ),
  );

  app.get(
    '/api/settings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['settings'],
        summary: 'Public settings the web apps need before they render',
        response: { 200: publicSettingsSchema },
      },
    },
    (): PublicSettings => ({
      mapTileUrl: deps.config.mapTileUrl,
      homeDivisionCode: deps.config.homeDivisionCode,
    }),
  );

  await registerWeb(app, deps.webDir ?? webDistDir);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
