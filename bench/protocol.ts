/** What a benchmark server child tells its parent over the IPC channel. */
export type ChildMessage = { type: 'ready'; url: string };

export function isChildMessage(value: unknown): value is ChildMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'ready' &&
    typeof (value as { url?: unknown }).url === 'string'
  );
}

/** Child side, first thing: the IPC channel closes when the parent dies, even by SIGKILL. */
export function exitWithParent(): void {
  if (!process.send) throw new Error('start this file through `npm run bench`, not directly');
  process.once('disconnect', () => process.exit(1));
}

/** Child side: report readiness, then stop gracefully when the parent says so (SIGTERM). */
export function reportReady(url: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.send?.({ type: 'ready', url } satisfies ChildMessage);
}
