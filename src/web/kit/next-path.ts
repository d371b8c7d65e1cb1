/** A path to go on to after signing in: only paths of this app, never another site. */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return undefined;
  }
  return next;
}

/** `path?next=<where the user was going>`, leaving out a trip back to the start page. */
export function withNext(path: string, next: string | undefined): string {
  return next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path;
}
