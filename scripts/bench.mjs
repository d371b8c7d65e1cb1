// `npm run bench`: runs bench/run.ts through tsx in a child Node process and passes on its exit
// code. See bench/README.md.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../bench/run.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit' });

// The runner cleans up (servers, throwaway database) and exits on its own; pass signals on to it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
