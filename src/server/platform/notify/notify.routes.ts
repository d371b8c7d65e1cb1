import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deliveryListSchema,
  inboxMessageParamsSchema,
  inboxPageSchema,
  inboxQuerySchema,
  outboxPageSchema,
  outboxParamsSchema,
  outboxQuerySchema,
  unreadCountSchema,
} from '../../../contracts/notifications.js';
import { errorResponses } from '../http/responses.js';
import type { NotificationService } from './notify.service.js';

const tags = ['notifications'];

function accountIdOf(request: { actor: { accountId: string } | null }): string {
  if (!request.actor) throw new Error('route declared signed_in but has no actor');
  return request.actor.accountId;
}

/** The outbox for staff who watch deliveries; the inbox for whoever is signed in. */
export function notificationRoutes(notifications: NotificationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/outbox',
      {
        config: { access: 'outbox.read' },
        schema: {
          tags,
          summary: 'Messages waiting, delivered, failed or held (no provider), newest first',
          querystring: outboxQuerySchema,
          response: { 200: outboxPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => notifications.listOutbox(request.query),
    );

    app.get(
      '/api/outbox/:id/deliveries',
      {
        config: { access: 'outbox.read' },
        schema: {
          tags,
          summary: 'Every delivery attempt of one message',
          params: outboxParamsSchema,
          response: { 200: deliveryListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => notifications.listDeliveries(request.params.id),
    );

    app.get(
      '/api/inbox',
      {
        config: { access: 'signed_in' },
        schema: {
          tags,
          summary: 'My in-app messages, newest first',
          querystring: inboxQuerySchema,
          response: { 200: inboxPageSchema, ...errorResponses(400, 401) },
        },
      },
      (request) => notifications.listInbox(accountIdOf(request), request.query),
    );

    app.get(
      '/api/inbox/unread-count',
      {
        config: { access: 'signed_in' },
        schema: {
          tags,
          summary: 'How many of my messages are unread',
          response: { 200: unreadCountSchema, ...errorResponses(401) },
        },
      },
      async (request) => ({ unread: await notifications.unreadCount(accountIdOf(request)) }),
    );

    app.post(
      '/api/inbox/:id/read',
      {
        config: { access: 'signed_in' },
        schema: {
          tags,
          summary: 'Mark one of my messages read',
          params: inboxMessageParamsSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await notifications.markInboxRead(accountIdOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
