import type { Locale } from '../../../../contracts/errors.js';
import type { NotificationChannel } from '../../../../contracts/notifications.js';
import type { RenderedMessage, TemplateName, TemplateParams } from '../templates.js';

/** A message as the worker hands it to a channel: decrypted and rendered in its locale. */
export interface OutgoingMessage extends RenderedMessage {
  outboxId: string;
  channel: NotificationChannel;
  /** The inbox owner (in_app only). */
  accountId: string | null;
  /** The phone number (sms) or the group robot's webhook URL (wecom); null for in_app. */
  address: string | null;
  template: TemplateName;
  locale: Locale;
  params: TemplateParams;
}

/**
 * `detail` is stored in the delivery log and shown in the console: it says what the provider
 * answered (a status code, an error code) and never carries message content or addresses.
 */
export type DeliveryResult =
  | { outcome: 'delivered'; detail?: string }
  | { outcome: 'failed'; detail: string; retryable: boolean }
  | { outcome: 'held'; detail: string };

export interface DeliveryChannel {
  deliver(message: OutgoingMessage): Promise<DeliveryResult>;
}

export type DeliveryChannels = Partial<Record<NotificationChannel, DeliveryChannel>>;
