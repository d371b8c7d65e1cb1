import type { DeliveryChannel, DeliveryResult, OutgoingMessage } from './channel.js';
import {
  DEFAULT_HTTP_TIMEOUT_MS,
  type FetchFunction,
  httpFailure,
  isSuccessStatus,
  postJson,
  unreachable,
} from './http.js';

/** The only host WeCom group robots live on; anything else would be a request to our own network. */
export const WECOM_ORIGIN = 'https://qyapi.weixin.qq.com';

/** WeCom's limits on `content`, in UTF-8 bytes. */
const TEXT_LIMIT_BYTES = 2048;
const MARKDOWN_LIMIT_BYTES = 4096;

/** 45009: more than 20 messages a minute to one robot; -1: WeCom is busy. Both pass. */
const RETRYABLE_ERRCODES = new Set([45009, -1]);

export interface WecomChannelOptions {
  /** Off (FARUN_WECOM_ENABLED=false, e.g. on a network without internet) = messages are held. */
  enabled?: boolean;
  /** Origins a webhook URL may point to (default WeCom's own); tests add their local server. */
  allowedOrigins?: string[];
  timeoutMs?: number;
  fetch?: FetchFunction;
}

/** The group robot's message body: https://developer.work.weixin.qq.com/document/path/91770 */
export type WecomRobotMessage =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } };

/** Cuts a text to a byte budget on a character boundary, marking the cut with an ellipsis. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  let budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let kept = '';
  for (const character of text) {
    budget -= Buffer.byteLength(character, 'utf8');
    if (budget < 0) break;
    kept += character;
  }
  return kept + ellipsis;
}

export function wecomRobotMessage(message: OutgoingMessage): WecomRobotMessage {
  if (message.format === 'markdown') {
    const content = truncateUtf8(`### ${message.title}\n${message.body}`, MARKDOWN_LIMIT_BYTES);
    return { msgtype: 'markdown', markdown: { content } };
  }
  const content = truncateUtf8(`${message.title}\n${message.body}`, TEXT_LIMIT_BYTES);
  return { msgtype: 'text', text: { content } };
}

interface WecomAnswer {
  errcode?: unknown;
  errmsg?: unknown;
}

function parseAnswer(body: string): WecomAnswer | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as WecomAnswer) : null;
  } catch {
    return null;
  }
}

/** errmsg goes on with ", hint: […], from ip: …, more info at …": only its first clause is kept. */
function shortErrmsg(errmsg: unknown): string {
  return typeof errmsg === 'string' ? (errmsg.split(',')[0] ?? '').slice(0, 100) : '';
}

/** WeCom answers HTTP 200 even on failure; the verdict is `errcode` in the JSON body. */
export function interpretWecomAnswer(status: number, body: string): DeliveryResult {
  if (!isSuccessStatus(status)) return httpFailure(status);
  const answer = parseAnswer(body);
  if (!answer || typeof answer.errcode !== 'number') {
    return { outcome: 'failed', detail: 'unreadable WeCom answer', retryable: true };
  }
  if (answer.errcode === 0) return { outcome: 'delivered', detail: 'errcode 0' };
  const errmsg = shortErrmsg(answer.errmsg);
  return {
    outcome: 'failed',
    detail: `errcode ${answer.errcode}${errmsg ? `: ${errmsg}` : ''}`,
    retryable: RETRYABLE_ERRCODES.has(answer.errcode),
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createWecomChannel(options: WecomChannelOptions = {}): DeliveryChannel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const allowedOrigins = new Set(
    (options.allowedOrigins ?? [WECOM_ORIGIN]).map((origin) => originOf(origin) ?? origin),
  );

  return {
    async deliver(message): Promise<DeliveryResult> {
      if (options.enabled === false) return { outcome: 'held', detail: 'WeCom delivery disabled' };
      const origin = message.address ? originOf(message.address) : null;
      if (!message.address || !origin || !allowedOrigins.has(origin)) {
        return { outcome: 'failed', detail: 'webhook URL not allowed', retryable: false };
      }
      const answer = await postJson(message.address, wecomRobotMessage(message), {
        timeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      if (answer.kind === 'unreachable') return unreachable(answer.detail);
      return interpretWecomAnswer(answer.status, answer.body);
    },
  };
}
