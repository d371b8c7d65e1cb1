import { z } from 'zod';
import { pageSchema, paginationQuerySchema, queryBooleanSchema } from './common.js';
import { locales } from './errors.js';

// The notifications platform as the staff console and the portal see it. Addresses (phones,
// webhook URLs) and template parameters (which can hold a one-time code) never leave the server:
// the console sees only the masked `recipientLabel`.

export const notificationChannels = ['in_app', 'sms', 'wecom'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** `held` = no provider is configured for the channel: the message waits, visible, until one is. */
export const notificationStatuses = ['pending', 'delivered', 'failed', 'held'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

export const deliveryOutcomes = ['delivered', 'failed', 'held'] as const;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];

/** Every template the server can render (in zh-CN and en-US); the console filters by them. */
export const notificationTemplateNames = [
  'citizen.one_time_code',
  'staff.account_created',
  'staff.password_changed',
  'staff.account_locked',
  'broadcast.risk_alert',
] as const;
export type NotificationTemplateName = (typeof notificationTemplateNames)[number];

export const outboxEntrySchema = z.object({
  id: z.uuid(),
  channel: z.enum(notificationChannels),
  recipientLabel: z
    .string()
    .describe('Masked phone (138****5678), WeCom group name, or account:<id>; never the address'),
  template: z.string(),
  locale: z.enum(locales),
  status: z.enum(notificationStatuses),
  attempts: z.number().int().describe('Delivery attempts made so far (held waits do not count)'),
  nextAttemptAt: z.iso.datetime().describe('When the worker tries next while pending'),
  lastError: z.string().nullable().describe("The last attempt's failure, without message content"),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const outboxQuerySchema = paginationQuerySchema.extend({
  status: z.enum(notificationStatuses).optional(),
  channel: z.enum(notificationChannels).optional(),
  template: z.enum(notificationTemplateNames).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxPageSchema = pageSchema(outboxEntrySchema);

export const outboxParamsSchema = z.strictObject({ id: z.uuid() });

/** One delivery attempt of one outbox message. */
export const deliverySchema = z.object({
  id: z.uuid(),
  outboxId: z.uuid(),
  attemptedAt: z.iso.datetime(),
  outcome: z.enum(deliveryOutcomes),
  detail: z.string().nullable().describe('What the provider answered, e.g. "HTTP 500"'),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryListSchema = z.array(deliverySchema);

export const inboxMessageSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxQuerySchema = paginationQuerySchema.extend({
  unreadOnly: queryBooleanSchema.optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const inboxPageSchema = pageSchema(inboxMessageSchema);

export const inboxMessageParamsSchema = z.strictObject({ id: z.uuid() });

export const unreadCountSchema = z.object({ unread: z.number().int() });
