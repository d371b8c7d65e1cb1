import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_SECRET_KEY, loadConfig } from './config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('should use safe embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      demo: true,
      secretKey: DEVELOPMENT_SECRET_KEY,
      homeDivisionCode: '320412',
    });
  });

  it('should read every variable when they are set', () => {
    const config = loadConfig({
      FARUN_PORT: '8080',
      FARUN_DATA_DIR: '/var/lib/farun',
      DATABASE_URL: 'postgres://farun@db:5432/farun',
      FARUN_DEMO: '0',
      FARUN_ENV: 'production',
      FARUN_SECRET_KEY: 'x'.repeat(40),
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/farun',
      databaseUrl: 'postgres://farun@db:5432/farun',
      demo: false,
      env: 'production',
    });
  });

  it('should treat empty variables as unset when a shell exports them blank', () => {
    expect(loadConfig({ FARUN_PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('should refuse production when the secret key is missing', () => {
    expect(problemsOf({ FARUN_ENV: 'production' })).toEqual([
      expect.stringMatching(/^FARUN_SECRET_KEY: must be set/),
    ]);
  });

  it('should refuse production when the secret key is the development default', () => {
    expect(
      problemsOf({ FARUN_ENV: 'production', FARUN_SECRET_KEY: DEVELOPMENT_SECRET_KEY }),
    ).toEqual([expect.stringMatching(/^FARUN_SECRET_KEY/)]);
  });

  it('should refuse production when the secret key is short', () => {
    expect(problemsOf({ FARUN_ENV: 'production', FARUN_SECRET_KEY: 'short' })).toEqual([
      'FARUN_SECRET_KEY: must be at least 32 characters',
    ]);
  });

  it('should name every bad variable when several are wrong', () => {
    const problems = problemsOf({
      FARUN_PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      FARUN_ENV: 'prod',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'FARUN_ENV',
      'FARUN_PORT',
    ]);
  });
});
