import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicSettingsSchema, type PublicSettings } from '../contracts/settings.js';
import { divisionRoutes } from './modules/divisions/divisions.routes.js';
import { organizationRoutes } from './modules/organizations/organizations.routes.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import { pingDatabase } from './platform/db/client.js';
import { registerErrorHandler, sendProblem } from './platform/http/error-handler.js';
import { zodValidatorCompiler } from './platform/http/validation.js';
import { registerWeb } from './platform/http/web.js';
import { webDistDir } from './platform/paths.js';
import { registerPublicCache } from './platform/http/public-cache.js';
import { createServices, type Services } from './services.js';

export interface AppDependencies {
  db: Database;
  config: Pick<
    Config,
    'env' | 'bodyLimit' | 'requestTimeoutMs' | 'logLevel' | 'mapTileUrl' | 'homeDivisionCode'
  >;
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

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return sendProblem(request, reply, { code: 'unavailable', messageKey: 'error.unavailable' });
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
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

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

  const services = deps.services ?? createServices(deps.db);
  registerPublicCache(app, services.changes);
  await app.register(divisionRoutes(services.divisions));
  await app.register(organizationRoutes(services.organizations));

  app.get(
    '/api/settings',
    {
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
