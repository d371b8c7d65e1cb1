import type { DeliveryResult } from './channel.js';

export const DEFAULT_HTTP_TIMEOUT_MS = 5_000;

export type FetchFunction = typeof fetch;

export type PostOutcome =
  { kind: 'answered'; status: number; body: string } | { kind: 'unreachable'; detail: string };

export interface PostOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  fetch?: FetchFunction;
}

/** The error's code (ECONNREFUSED, ENOTFOUND …) without its message, which may name the host. */
function networkErrorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * POSTs JSON and reads the answer as text. Redirects are not followed: a provider that redirects
 * is misconfigured, and following it would send the payload (and the bearer token) elsewhere.
 */
export async function postJson(
  url: string,
  payload: unknown,
  options: PostOptions,
): Promise<PostOutcome> {
  const fetchFunction = options.fetch ?? fetch;
  try {
    const response = await fetchFunction(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body: JSON.stringify(payload),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { kind: 'answered', status: response.status, body: await response.text() };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { kind: 'unreachable', detail: `timeout after ${options.timeoutMs} ms` };
    }
    return { kind: 'unreachable', detail: `network error: ${networkErrorCode(error)}` };
  }
}

/** Server trouble and throttling pass; any other refusal will not change by asking again. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

export function httpFailure(status: number): DeliveryResult {
  return { outcome: 'failed', detail: `HTTP ${status}`, retryable: isRetryableStatus(status) };
}

export function unreachable(detail: string): DeliveryResult {
  return { outcome: 'failed', detail, retryable: true };
}
