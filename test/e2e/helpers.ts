import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { BrowserContextOptions, Locator, Page } from '@playwright/test';

/**
 * An option of the open antd Select dropdown. Its accessible listbox holds only the options
 * around the active one, so the visible items are found by their title instead.
 */
export function selectOption(page: Page, label: string): Locator {
  return page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true });
}

/** The demo accounts the server writes beside its data on the first start with the demo seed. */
export interface DemoLogins {
  staff: Array<{ username: string; password: string; role: string; organization: string }>;
  citizen: { phone: string; password: string };
}

export function demoLogins(): DemoLogins {
  const dataDir = process.env.FARUN_E2E_DATA_DIR;
  if (!dataDir) throw new Error('FARUN_E2E_DATA_DIR is not set; run the specs through Playwright');
  return JSON.parse(readFileSync(join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogins;
}

export function staffLogin(username: string): { username: string; password: string } {
  const login = demoLogins().staff.find((candidate) => candidate.username === username);
  if (!login) throw new Error(`No demo staff account "${username}" in demo-logins.json`);
  return { username: login.username, password: login.password };
}

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/**
 * `test` with every page already signed in as one staff user: the session is opened once per
 * worker through the API (sign-ins are rate-limited per minute) and handed to each page.
 */
export function signedInTest(username: string) {
  return base.extend<object, { staffSession: StorageState }>({
    staffSession: [
      async ({ playwright }, use, workerInfo) => {
        const request = await playwright.request.newContext({
          baseURL: workerInfo.project.use.baseURL,
        });
        const response = await request.post('/api/auth/login', { data: staffLogin(username) });
        const result = (await response.json()) as { status?: string };
        if (response.status() !== 200 || result.status !== 'signed_in') {
          throw new Error(`Signing in as ${username} failed: ${response.status()}`);
        }
        await use(await request.storageState());
        await request.dispose();
      },
      { scope: 'worker' },
    ],
    storageState: ({ staffSession }, use) => use(staffSession),
  });
}
