import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this module whether it runs from src/ (tsx) or dist/ (bundled). */
function findProjectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('Cannot find the project root (package.json)');
    directory = parent;
  }
  return directory;
}

export const projectRoot = findProjectRoot();
export const migrationsDir = join(projectRoot, 'db', 'migrations');
export const webDistDir = join(projectRoot, 'dist', 'web');
export const demoDivisionsDir = join(projectRoot, 'db', 'demo', 'divisions');
