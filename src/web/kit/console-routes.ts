import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '../../contracts/permissions.js';
import type { MessageKey } from './i18n/catalogue.js';

/** Where a page shows in the console's side menu. */
export interface ConsoleNavEntry {
  label: MessageKey;
  icon: ReactNode;
  /** `main` entries come first; `admin` ones under the Administration heading. */
  group: 'main' | 'admin';
}

/** One console page of a module: the console's router and side menu are built from these. */
export interface ConsoleRoute {
  /** Router path below /console, e.g. `divisions/:code`. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Needed to open the page and to see its menu entry; absent for pages every staff member has. */
  permission?: Permission;
  nav?: ConsoleNavEntry;
}
