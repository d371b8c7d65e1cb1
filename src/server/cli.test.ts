import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createAuditService } from './modules/audit/audit.service.js';
import { openDatabase, queryRows } from './platform/db/client.js';
import { projectRoot } from './platform/paths.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `farun` command (through bin/farun.js) with only the given environment. */
function farun(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'farun.js'), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('farun CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'farun-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should list the commands when asked for help', async () => {
    const outcome = await farun(['--help']);
    expect(outcome.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'import']) {
      expect(outcome.stdout).toContain(command);
    }
  });

  it('should explain the import command when asked for its help', async () => {
    const outcome = await farun(['import', 'divisions', '--help']);
    expect(outcome.stdout).toContain('provinces.csv');
  });

  it('should exit 1 with one clear line when production has no secret key', async () => {
    const outcome = await farun(['start'], { FARUN_ENV: 'production', FARUN_DATA_DIR: dataDir });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('FARUN_SECRET_KEY: must be set');
    expect(outcome.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('should exit 1 naming the variable when the port is not a number', async () => {
    const outcome = await farun(['migrate'], { FARUN_PORT: 'http', FARUN_DATA_DIR: dataDir });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('FARUN_PORT');
  });

  it('should migrate, import divisions and seed when run in order', async () => {
    const env = { FARUN_DATA_DIR: dataDir };
    expect((await farun(['migrate'], env)).stdout).toMatch(/Applied [1-9]\d* migration/);
    expect((await farun(['migrate'], env)).stdout).toMatch(/Applied 0 migration/);
    const imported = await farun(
      ['import', 'divisions', join(projectRoot, 'db/demo/divisions')],
      env,
    );
    expect(imported.stdout).toContain('Imported 1516 division(s)');
    expect((await farun(['seed', '--demo'], env)).stdout).toContain('Demo data seeded.');
    expect((await farun(['seed', '--demo'], env)).stdout).toContain('nothing seeded');
  });

  it('should exit 1 naming the file when the import directory is wrong', async () => {
    const outcome = await farun(['import', 'divisions', '/nonexistent'], {
      FARUN_DATA_DIR: dataDir,
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('provinces.csv');
  });

  it('should name the first tampered row when the audit chain was altered', async () => {
    const env = { FARUN_DATA_DIR: dataDir };
    expect((await farun(['audit', 'verify'], env)).stdout).toMatch(/Audit chain intact/);
    const database = await openDatabase({ dataDir });
    const audit = createAuditService({ db: database.db });
    for (const action of ['probe.one', 'probe.two', 'probe.three']) {
      await audit.record({ origin: { actor: null, ip: null }, action, outcome: 'success' });
    }
    const [second] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from audit_log where action = 'probe.two'`,
    );
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(
      sql`update audit_log set action = 'probe.forged' where id = ${second!.id}`,
    );
    await database.close();

    const outcome = await farun(['audit', 'verify'], env);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`Audit chain BROKEN at row ${second!.id} (hash_mismatch)`);
  });
});
