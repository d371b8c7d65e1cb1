import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/cgi-bin/webhook/send?key=…`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (throws if it is not JSON). */
  json(): unknown;
}

/** How the server answers; a plain object or array body is sent as JSON. */
export interface Reply {
  status?: number;
  body?: unknown;
  /** Waits this long before answering, to exercise client timeouts. */
  delayMs?: number;
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Queues replies for the next requests, in order; after them the default reply is used. */
  reply(...replies: Reply[]): void;
  setDefaultReply(reply: Reply): void;
  /** Forgets recorded requests and queued replies. */
  reset(): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string' || reply.body === undefined;
  const payload = isText ? ((reply.body as string | undefined) ?? '') : JSON.stringify(reply.body);
  response.writeHead(reply.status ?? 200, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
  });
  response.end(payload);
}

/**
 * A local HTTP server on 127.0.0.1 and a free port that records every request and answers with
 * scripted replies: channels are tested against real HTTP without leaving the machine.
 */
export async function startRecordingServer(
  defaultReply: Reply = { status: 200, body: {} },
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const queued: Reply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fallback = defaultReply;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        json: () => JSON.parse(body) as unknown,
      });
      const reply = queued.shift() ?? fallback;
      if (!reply.delayMs) return send(response, reply);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) send(response, reply);
      }, reply.delayMs);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queued.push(...replies),
    setDefaultReply: (reply) => void (fallback = reply),
    reset() {
      requests.length = 0;
      queued.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      // Clients keep connections alive; close them, or close() would wait for them to idle out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
