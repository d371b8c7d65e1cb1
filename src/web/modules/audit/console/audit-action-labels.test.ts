import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../../contracts/audit-actions.js';
import { auditActionLabel, auditActionOptions } from './audit-action-labels.js';

describe('audit action labels', () => {
  it('should label a division change when the contracts list it', () => {
    expect(auditActionLabel('division.renamed', 'en-US')).toBeTruthy();
    expect(auditActionLabel('division.merged', 'zh-CN')).toBeTruthy();
  });

  it('should give no label when the action is not in the contracts', () => {
    expect(auditActionLabel('legacy.thing', 'zh-CN')).toBeUndefined();
  });

  it('should offer every listed action once when building the filter', () => {
    const options = auditActionOptions('en-US');
    expect(options.map((option) => option.value)).toEqual([...auditActions]);
    expect(options.every((option) => option.label.endsWith(` · ${option.value}`))).toBe(true);
  });
});
