import type { Database } from '../../db/client.js';
import { createInboxRepository } from '../inbox.repository.js';
import type { DeliveryChannel, DeliveryResult } from './channel.js';

/** Delivers into the staff or citizen inbox: always configured, since it is our own database. */
export function createInAppChannel(options: { db: Database }): DeliveryChannel {
  const inbox = createInboxRepository(options.db);
  return {
    async deliver(message): Promise<DeliveryResult> {
      if (!message.accountId) return { outcome: 'failed', detail: 'no account', retryable: false };
      await inbox.insertOnce({
        accountId: message.accountId,
        outboxId: message.outboxId,
        title: message.title,
        body: message.body,
      });
      return { outcome: 'delivered' };
    },
  };
}
