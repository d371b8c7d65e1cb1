import {
  auditActionLabels,
  auditActions,
  isAuditAction,
} from '../../../../contracts/audit-actions.js';
import type { Locale } from '../../../../contracts/errors.js';

/** The label of an action the contracts list; undefined for a code recorded before it was listed. */
export function auditActionLabel(action: string, locale: Locale): string | undefined {
  return isAuditAction(action) ? auditActionLabels[locale][action] : undefined;
}

/** The action filter's choices: every listed action, found by its label or its code. */
export function auditActionOptions(locale: Locale): { value: string; label: string }[] {
  return auditActions.map((action) => ({
    value: action,
    label: `${auditActionLabels[locale][action]} · ${action}`,
  }));
}
