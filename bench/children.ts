import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from './options.js';
import { isChildMessage } from './protocol.js';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/** Every child not yet exited, so an interrupted run can still stop them. */
const liveChildren = new Set<ChildProcess>();

export interface ServerChild {
  url: string;
  stop(): Promise<void>;
}

/** Variables of the operator's shell that would point a child at the wrong database. */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('FARUN_') && name !== 'DATABASE_URL',
    ),
  );
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
    child.kill('SIGKILL');
    await waitForExit(child, STOP_TIMEOUT_MS);
  }
}

function waitForReady(child: ChildProcess, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new BenchError(`${label} server not ready after ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    child.on('message', (message) => {
      if (!isChildMessage(message)) return;
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new BenchError(`${label} server exited before it was ready (${signal ?? code})`));
    });
  });
}

/**
 * Forks a bench/ entry (TypeScript, through tsx) as a server on its own event loop and waits
 * until it listens. The child is stopped again if it never becomes ready.
 */
export async function startServerChild(
  entry: string,
  label: string,
  env: NodeJS.ProcessEnv,
  cpuProfileDir?: string,
): Promise<ServerChild> {
  const profiling = cpuProfileDir
    ? // One directory per child: tsx's loader thread writes a profile of its own next to the main one.
      ['--cpu-prof', `--cpu-prof-dir=${join(cpuProfileDir, label)}`]
    : [];
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...profiling],
    env: { ...inheritedEnv(), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  try {
    const url = await waitForReady(child, label);
    return { url, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

export async function stopAllServerChildren(): Promise<void> {
  await Promise.all([...liveChildren].map(stopChild));
}
