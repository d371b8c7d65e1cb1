/** What changed, named by the data a public read shows. */
export type ChangeTopic = 'divisions' | 'organizations';

/**
 * Services publish here after a write; caches subscribe. In-process only: with several server
 * processes, each cache's time-to-live bounds how long another process may serve the old data.
 */
export function createChangeFeed() {
  const listeners = new Set<(topic: ChangeTopic) => void>();
  return {
    publish(topic: ChangeTopic) {
      for (const listener of listeners) listener(topic);
    },
    subscribe(listener: (topic: ChangeTopic) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
