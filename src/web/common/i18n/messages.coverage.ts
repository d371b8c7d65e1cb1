// Labels of the coverage view.

export const coverageZhCN = {
  'console.nav.coverage': '服务覆盖',
} as const;

export const coverageEnUS: Record<keyof typeof coverageZhCN, string> = {
  'console.nav.coverage': 'Coverage',
};
