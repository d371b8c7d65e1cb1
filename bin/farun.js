#!/usr/bin/env node
// Runs the built CLI (dist/, made by `npm run build`), or the TypeScript source through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/server/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/server/cli.ts', import.meta.url).href);
}
