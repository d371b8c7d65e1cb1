// `npm run bench`: runs each benchmark in bench/ through tsx in a child Node process, one after
// the other, and fails if any fails. See bench/README.md.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchmarks = [
  '../bench/run.ts',
  '../bench/nearest.ts',
  '../bench/import.ts',
  '../bench/writes.ts',
];
let current;

// The runners clean up (servers, throwaway database) and exit on their own; pass signals on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => current?.kill(signal));

function runBenchmark(relativePath) {
  const entry = fileURLToPath(new URL(relativePath, import.meta.url));
  return new Promise((resolve) => {
    current = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit' });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

for (const benchmark of benchmarks) {
  const code = await runBenchmark(benchmark);
  if (code !== 0) process.exit(code);
}
