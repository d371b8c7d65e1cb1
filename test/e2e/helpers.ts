import type { Locator, Page } from '@playwright/test';

/**
 * An option of the open antd Select dropdown. Its accessible listbox holds only the options
 * around the active one, so the visible items are found by their title instead.
 */
export function selectOption(page: Page, label: string): Locator {
  return page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true });
}
