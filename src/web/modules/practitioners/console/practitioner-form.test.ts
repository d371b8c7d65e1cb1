import { describe, expect, it } from 'vitest';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import {
  defaultLicenceType,
  formValues,
  isMobile,
  licenceNumberMessage,
  licenceTypesFor,
  newPractitionerOf,
  practitionerChanges,
  type PractitionerForm,
} from './practitioner-form.js';

const saved: Practitioner = {
  id: '6d1f5a4e-2a0b-4c1e-9a52-0c3f1d2b7e11',
  kind: 'lawyer',
  name: '周明律',
  organizationId: '0b9c7f0e-1111-4a2b-8c3d-222222222222',
  organizationName: '江苏常武律师事务所',
  organizationType: 'law_firm',
  divisionCode: '320412100',
  divisionName: '湖塘镇',
  licenceType: 'full_time_lawyer',
  licenceNumber: '13204201510123456',
  practisingSince: '2015-07-01',
  specialties: ['labour', 'contract'],
  languages: ['mandarin'],
  biography: '',
  phone: '139****5678',
  photoUrl: null,
  status: 'practising',
  accountId: null,
  accountName: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const asForm = (overrides: Partial<PractitionerForm> = {}): PractitionerForm =>
  ({ ...formValues(saved), ...overrides }) as PractitionerForm;

describe('practitioner form', () => {
  it('should send only the version when nothing changed, never the masked phone', () => {
    expect(practitionerChanges(saved, asForm())).toEqual({ version: 3 });
    expect(formValues(saved).phone).toBe('');
  });

  it('should send the fields that changed when some did', () => {
    const update = practitionerChanges(
      saved,
      asForm({ specialties: ['contract', 'criminal'], status: 'suspended', phone: '13700001111' }),
    );
    expect(update).toEqual({
      version: 3,
      specialties: ['contract', 'criminal'],
      status: 'suspended',
      phone: '13700001111',
    });
  });

  it('should ask to remove the phone when the clear box is ticked', () => {
    expect(practitionerChanges(saved, asForm({ clearPhone: true }))).toEqual({
      version: 3,
      phone: null,
    });
  });

  it('should send the licence number normalized and none when the type is none', () => {
    const spaced = asForm({ licenceNumber: ' 1320 4201 5101 23457 ' });
    expect(practitionerChanges(saved, spaced).licenceNumber).toBe('13204201510123457');
    const created = newPractitionerOf({
      ...asForm({ kind: 'mediator', licenceType: 'none', licenceNumber: '123456' }),
      organizationId: saved.organizationId,
    });
    expect(created.licenceNumber).toBeNull();
  });

  it('should offer only the licences a kind can hold, the usual one first', () => {
    expect(licenceTypesFor('grassroots_legal_worker')).toEqual(['grassroots_legal_worker']);
    expect(defaultLicenceType('lawyer')).toBe('full_time_lawyer');
    expect(licenceTypesFor(undefined)).toEqual([]);
  });

  it('should name the console message of a licence number that breaks the rules', () => {
    expect(licenceNumberMessage('full_time_lawyer', '1320420151012345')).toBe(
      'console.practitioners.licence.lawyerFormat',
    );
    expect(licenceNumberMessage('grassroots_legal_worker', '')).toBe(
      'console.practitioners.licence.required',
    );
    expect(licenceNumberMessage('full_time_lawyer', '13204201510123456')).toBeNull();
  });

  it('should accept an empty or mainland mobile number and refuse anything else', () => {
    expect(isMobile('')).toBe(true);
    expect(isMobile('+86 139-0000-1111')).toBe(true);
    expect(isMobile('0519-86001234')).toBe(false);
  });
});
