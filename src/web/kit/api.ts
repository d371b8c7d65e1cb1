import type { ErrorBody, ErrorCode, FieldError } from '../../contracts/errors.js';
import { getLocale } from './locale-store.js';

/** An API failure carrying the server's `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(status: number, code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Client errors will not go away by asking again. */
  get isPermanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

/** Thrown when no usable answer came back (offline, proxy error page, timeout). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

/** Offset paging, as every list endpoint takes it. */
export interface Paging {
  limit?: number;
  offset?: number;
}

export type QueryValue = string | number | boolean | null | undefined;

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Builds `path?query`, leaving out empty values: the API rejects empty strings. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// The session lives in an HttpOnly cookie; state-changing requests prove they come from this
// page with the token of the last `me` answer (double submit, checked by the server).
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthenticatedListeners = new Set<() => void>();

/** Called whenever the server answers 401: the session has ended or never began. */
export function subscribeUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(
  method: Method,
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
  accept = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': getLocale() };
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
  }
  try {
    return await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new NetworkError(cause);
  }
}

/** Turns a failed answer into an ApiError, reading the server's error body when there is one. */
async function failure(response: Response): Promise<ApiError> {
  if (response.status === 401) unauthenticatedListeners.forEach((listener) => listener());
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Not the API talking (a proxy's error page, a cut connection): nothing useful to show.
    return new ApiError(response.status, response.status >= 500 ? 'unavailable' : 'internal', '');
  }
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(response.status, code, message, fields);
  }
  return new ApiError(response.status, 'internal', '');
}

async function request<T>(
  method: Method,
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<T> {
  const response = await send(method, url, body, signal);
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new NetworkError(cause);
  }
}

export function apiGet<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  return request<T>('GET', buildUrl(path, query), undefined, signal);
}

export function apiPost<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>('POST', path, body, signal);
}

export function apiPatch<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>('PATCH', path, body, signal);
}

export function apiPut<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>('PUT', path, body, signal);
}

export function apiDelete<T = void>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('DELETE', path, undefined, signal);
}

/**
 * Sends a file (a photo, a workbook) as the raw request body typed by `file.type`, as the upload
 * routes take it, with query values such as a caption.
 */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  query: Record<string, QueryValue> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLocale(),
    'Content-Type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** The file name a `Content-Disposition` header proposes, if any. */
function attachmentName(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoded name: fall through to the plain one.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1];
}

/**
 * Downloads a file the API generates (an export) and hands it to the browser as a download,
 * so a failure can still be shown as the server's error message.
 */
export async function apiDownload(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<void> {
  const response = await send('GET', buildUrl(path, query), undefined, undefined, '*/*');
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = attachmentName(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
