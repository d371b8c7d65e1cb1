import { describe, expect, it } from 'vitest';
import type { Partner } from '../../../../contracts/partners.js';
import { formValues, newPartnerOf, partnerChanges, type PartnerForm } from './partner-form.js';

const partner: Partner = {
  id: '5e6f7a8b-0000-4a2b-8c3d-333333333333',
  kind: 'law_firm',
  name: '常武律师事务所',
  organizationId: '0b9c7f0e-1111-4a2b-8c3d-222222222222',
  organizationName: '武进区司法局',
  divisionCode: '320412',
  linkedOrganizationId: null,
  linkedOrganizationName: null,
  contactName: '王主任',
  contactPhone: null,
  volunteerCount: 3,
  agreementCount: 1,
  version: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const asForm = (overrides: Partial<PartnerForm> = {}): PartnerForm =>
  ({ ...formValues(partner), ...overrides }) as PartnerForm;

describe('partner form', () => {
  it('should send the version alone when nothing was changed', () => {
    expect(partnerChanges(partner, asForm())).toEqual({ version: 4 });
  });

  it('should send a cleared contact phone as null when it was emptied', () => {
    const withPhone = { ...partner, contactPhone: '0519-86001234' };
    expect(
      partnerChanges(withPhone, { ...formValues(withPhone), contactPhone: ' ' } as PartnerForm),
    ).toEqual({ version: 4, contactPhone: null });
  });

  it('should send the new kind when another kind is chosen', () => {
    expect(partnerChanges(partner, asForm({ kind: 'university' }))).toEqual({
      version: 4,
      kind: 'university',
    });
  });

  it('should create with trimmed text and no linked organization when none is picked', () => {
    expect(newPartnerOf(asForm({ name: ' 新伙伴 ', linkedOrganizationId: undefined }))).toEqual({
      kind: 'law_firm',
      name: '新伙伴',
      linkedOrganizationId: null,
      contactName: '王主任',
      contactPhone: null,
    });
  });
});
