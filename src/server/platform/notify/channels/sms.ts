import type { DeliveryChannel, DeliveryResult, OutgoingMessage } from './channel.js';
import {
  DEFAULT_HTTP_TIMEOUT_MS,
  type FetchFunction,
  httpFailure,
  isSuccessStatus,
  postJson,
  unreachable,
} from './http.js';

export interface SmsChannelOptions {
  /** The provider endpoint (FARUN_SMS_URL); without it every SMS is held, not dropped. */
  url?: string | undefined;
  /** Sent as `Authorization: Bearer <token>` (FARUN_SMS_TOKEN). */
  token?: string | undefined;
  timeoutMs?: number;
  fetch?: FetchFunction;
}

/**
 * The request Farun sends to its SMS provider — one neutral format, so that a small gateway (or a
 * later adapter in this folder) can map it onto Aliyun, Tencent Cloud or a carrier's own API:
 *
 *   POST <FARUN_SMS_URL>
 *   Authorization: Bearer <FARUN_SMS_TOKEN>
 *   Content-Type: application/json; charset=utf-8
 *
 *   {
 *     "phone": "13812345678",                  // mainland mobile number, 11 digits, no +86
 *     "templateCode": "citizen.one_time_code", // Farun's template name; map it to the provider's
 *     "params": { "code": "246810", "minutes": "5" }, // the template variables, all strings
 *     "text": "【法润】验证码 246810，5 分钟内有效，请勿告诉他人。" // the rendered text, signature included
 *   }
 *
 * Any 2xx answer means accepted; its body is not read. 5xx, 408, 429, timeouts and network errors
 * are retried with backoff; any other status fails the message at once (retrying a refused
 * number or template would only fail again).
 */
export interface SmsProviderRequest {
  phone: string;
  templateCode: string;
  params: Record<string, string>;
  text: string;
}

export function smsProviderRequest(message: OutgoingMessage, phone: string): SmsProviderRequest {
  return { phone, templateCode: message.template, params: message.params, text: message.body };
}

export function createSmsChannel(options: SmsChannelOptions): DeliveryChannel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};

  return {
    async deliver(message): Promise<DeliveryResult> {
      if (!options.url) return { outcome: 'held', detail: 'no SMS provider configured' };
      if (!message.address) return { outcome: 'failed', detail: 'no phone', retryable: false };
      const answer = await postJson(options.url, smsProviderRequest(message, message.address), {
        timeoutMs,
        headers,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      if (answer.kind === 'unreachable') return unreachable(answer.detail);
      if (!isSuccessStatus(answer.status)) return httpFailure(answer.status);
      return { outcome: 'delivered', detail: `HTTP ${answer.status}` };
    },
  };
}
