import type { Locale } from '../../../contracts/errors.js';
import type { PersonalDataCipher } from '../crypto/personal-data-cipher.js';
import type { OutgoingMessage } from './channels/channel.js';
import type { OutboxRow } from './outbox.repository.js';
import { isTemplateName, renderTemplate, type TemplateParams } from './templates.js';

// How a message's secret parts are stored in the outbox row, in one place for both sides: the
// service seals them at enqueue time, the worker opens them just before delivery.

export function sealParams(cipher: PersonalDataCipher, params: TemplateParams): string {
  return cipher.encrypt(JSON.stringify(params));
}

export function sealAddress(cipher: PersonalDataCipher, address: string): string {
  return cipher.encrypt(address);
}

export function localeOf(value: string): Locale {
  return value === 'en-US' ? 'en-US' : 'zh-CN';
}

function openParams(cipher: PersonalDataCipher, sealed: string): TemplateParams {
  const parsed: unknown = JSON.parse(cipher.decrypt(sealed));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('stored params are not an object');
  }
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}

/** Why a stored row cannot be turned back into a message; never includes its content. */
export class UndeliverableRowError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UndeliverableRowError';
  }
}

/** Decrypts and renders an outbox row for its channel. */
export function openOutboxRow(cipher: PersonalDataCipher, row: OutboxRow): OutgoingMessage {
  if (!isTemplateName(row.template)) throw new UndeliverableRowError('unknown template');
  let params: TemplateParams;
  let address: string | null;
  try {
    params = openParams(cipher, row.paramsCipher);
    address = row.recipientCipher ? cipher.decrypt(row.recipientCipher) : null;
  } catch {
    // Most likely FARUN_SECRET_KEY changed since the message was written.
    throw new UndeliverableRowError('cannot decrypt the stored message');
  }
  const locale = localeOf(row.locale);
  return {
    outboxId: row.id,
    channel: row.channel,
    accountId: row.recipientAccountId,
    address,
    template: row.template,
    locale,
    params,
    ...renderTemplate(row.template, locale, params),
  };
}
