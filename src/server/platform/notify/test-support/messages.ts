import type { OutgoingMessage } from '../channels/channel.js';
import { prepareParams, renderTemplate, type TemplateName } from '../templates.js';

/** A rendered message as the worker would hand it to a channel, for channel tests. */
export function outgoingMessage(
  template: TemplateName,
  params: Record<string, string | number>,
  overrides: Partial<OutgoingMessage> = {},
): OutgoingMessage {
  const prepared = prepareParams(template, params);
  return {
    outboxId: '00000000-0000-4000-8000-000000000001',
    channel: 'sms',
    accountId: null,
    address: null,
    template,
    locale: 'zh-CN',
    params: prepared,
    ...renderTemplate(template, overrides.locale ?? 'zh-CN', prepared),
    ...overrides,
  };
}
