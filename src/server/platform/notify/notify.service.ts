import type { Page } from '../../../contracts/common.js';
import type { Locale } from '../../../contracts/errors.js';
import type {
  Delivery,
  InboxMessage,
  InboxQuery,
  OutboxEntry,
  OutboxQuery,
} from '../../../contracts/notifications.js';
import { maskPhone, mobilePhoneSchema } from '../../../contracts/personal-data.js';
import type { PersonalDataCipher } from '../crypto/personal-data-cipher.js';
import type { Database } from '../db/client.js';
import { InputError, NotFoundError } from '../errors.js';
import { createInboxRepository, type InboxRow } from './inbox.repository.js';
import { localeOf, sealAddress, sealParams } from './outbox-codec.js';
import {
  createOutboxRepository,
  type DeliveryRow,
  type NewOutboxRow,
  type OutboxRow,
} from './outbox.repository.js';
import { prepareParams, type TemplateName } from './templates.js';

export type TemplateParamsInput = Record<string, string | number>;

interface MessageBase {
  template: TemplateName;
  params: TemplateParamsInput;
  /** The recipient's language; zh-CN unless known otherwise. */
  locale?: Locale;
}

export type NotificationMessage =
  | (MessageBase & { channel: 'in_app'; accountId: string })
  | (MessageBase & { channel: 'sms'; phone: string })
  | (MessageBase & { channel: 'wecom'; webhookUrl: string; groupName: string });

export interface NotificationServiceDependencies {
  db: Database;
  cipher: PersonalDataCipher;
  now?: () => Date;
}

type Recipient = Pick<NewOutboxRow, 'recipientAccountId' | 'recipientCipher' | 'recipientLabel'>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Validates the address and seals it; the label is all the console will ever see of it. */
function recipientOf(message: NotificationMessage, cipher: PersonalDataCipher): Recipient {
  switch (message.channel) {
    case 'in_app': {
      if (!uuidPattern.test(message.accountId)) {
        throw new InputError([{ field: 'accountId', message: 'field.format.uuid' }]);
      }
      const accountId = message.accountId.toLowerCase();
      return { recipientAccountId: accountId, recipientLabel: `account:${accountId}` };
    }
    case 'sms': {
      const phone = mobilePhoneSchema.safeParse(message.phone);
      if (!phone.success) throw new InputError([{ field: 'phone', message: 'phone.format' }]);
      return {
        recipientCipher: sealAddress(cipher, phone.data),
        recipientLabel: maskPhone(phone.data),
      };
    }
    case 'wecom': {
      // The webhook URL carries the robot's key: whoever has it can post to the group.
      if (!isHttpUrl(message.webhookUrl)) {
        throw new InputError([{ field: 'webhookUrl', message: 'field.format' }]);
      }
      const groupName = message.groupName.trim();
      if (!groupName) throw new InputError([{ field: 'groupName', message: 'field.required' }]);
      return {
        recipientCipher: sealAddress(cipher, message.webhookUrl),
        recipientLabel: groupName,
      };
    }
  }
}

function toOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    channel: row.channel,
    recipientLabel: row.recipientLabel,
    template: row.template,
    locale: localeOf(row.locale),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return { ...row, attemptedAt: row.attemptedAt.toISOString() };
}

function toInboxMessage(row: InboxRow): InboxMessage {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function createNotificationService(dependencies: NotificationServiceDependencies) {
  const { db, cipher } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const outbox = createOutboxRepository(db);
  const inbox = createInboxRepository(db);

  return {
    /**
     * Writes the message to the outbox. Pass the transaction of the event that causes it as
     * `executor`: the message then exists if and only if the event committed. Returns the id.
     */
    async enqueue(message: NotificationMessage, executor: Database = db): Promise<string> {
      const params = prepareParams(message.template, message.params);
      return createOutboxRepository(executor).insert({
        channel: message.channel,
        ...recipientOf(message, cipher),
        template: message.template,
        locale: message.locale ?? 'zh-CN',
        paramsCipher: sealParams(cipher, params),
      });
    },

    async listOutbox(query: OutboxQuery): Promise<Page<OutboxEntry>> {
      const page = await outbox.list(query);
      return { ...page, items: page.items.map(toOutboxEntry) };
    },

    async getOutboxEntry(outboxId: string): Promise<OutboxEntry> {
      const row = uuidPattern.test(outboxId) ? await outbox.findById(outboxId) : undefined;
      if (!row) throw new NotFoundError('notification', outboxId);
      return toOutboxEntry(row);
    },

    /** The delivery log of one message, oldest attempt first. */
    async listDeliveries(outboxId: string): Promise<Delivery[]> {
      const row = uuidPattern.test(outboxId) ? await outbox.findById(outboxId) : undefined;
      if (!row) throw new NotFoundError('notification', outboxId);
      return (await outbox.listDeliveries(outboxId)).map(toDelivery);
    },

    async listInbox(accountId: string, query: InboxQuery): Promise<Page<InboxMessage>> {
      const page = await inbox.list(accountId, query);
      return { ...page, items: page.items.map(toInboxMessage) };
    },

    /** Someone else's message is reported as not found, like one that does not exist. */
    async markInboxRead(accountId: string, messageId: string): Promise<void> {
      const found =
        uuidPattern.test(messageId) && (await inbox.markRead(accountId, messageId, now()));
      if (!found) throw new NotFoundError('inbox_message', messageId);
    },

    async markAllInboxRead(accountId: string): Promise<number> {
      return inbox.markAllRead(accountId, now());
    },

    async unreadCount(accountId: string): Promise<number> {
      return inbox.unreadCount(accountId);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
