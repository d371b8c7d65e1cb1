// Bundles the server's own code (dependencies stay in node_modules) into dist/server/cli.js.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/cli.ts'],
  outfile: 'dist/server/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
