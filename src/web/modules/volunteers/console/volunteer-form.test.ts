import { describe, expect, it } from 'vitest';
import type { Volunteer } from '../../../../contracts/volunteers.js';
import {
  formValues,
  mobile,
  newVolunteerOf,
  volunteerChanges,
  type VolunteerForm,
} from './volunteer-form.js';

const volunteer: Volunteer = {
  id: '1a2b3c4d-0000-4a2b-8c3d-111111111111',
  kind: 'lawyer',
  name: '陈志愿',
  phone: '139****5678',
  organizationId: '0b9c7f0e-1111-4a2b-8c3d-222222222222',
  organizationName: '武进区司法局',
  divisionCode: '320412',
  stationId: null,
  stationName: null,
  stationDivisionCode: null,
  partnerId: null,
  partnerName: null,
  skills: ['labour', 'contract'],
  languages: ['mandarin'],
  availability: {},
  joinedOn: null,
  status: 'active',
  notes: '',
  hoursTotal: 0,
  lastServedOn: null,
  insuredUntil: null,
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const asForm = (overrides: Partial<VolunteerForm> = {}): VolunteerForm =>
  ({ ...formValues(volunteer), ...overrides }) as VolunteerForm;

describe('volunteer form', () => {
  it('should keep the recorded phone when the phone field is left empty', () => {
    expect(formValues(volunteer).phone).toBe('');
    expect(volunteerChanges(volunteer, asForm())).toEqual({ version: 2 });
  });

  it('should send a new phone without spaces or dashes when one is typed', () => {
    expect(volunteerChanges(volunteer, asForm({ phone: '139 1234-5678' }))).toEqual({
      version: 2,
      phone: '13912345678',
    });
  });

  it('should treat the same skills in another order as unchanged when comparing', () => {
    expect(volunteerChanges(volunteer, asForm({ skills: ['contract', 'labour'] }))).toEqual({
      version: 2,
    });
  });

  it('should start a new volunteer active and speaking Mandarin when nothing is given', () => {
    expect(formValues(undefined)).toMatchObject({ status: 'active', languages: ['mandarin'] });
  });

  it('should turn empty optional fields into nulls when creating', () => {
    const created = newVolunteerOf(asForm({ joinedOn: '', phone: '' }));
    expect(created).toMatchObject({ kind: 'lawyer', joinedOn: null, phone: null });
  });

  it('should accept a mainland mobile number when checking the phone', () => {
    expect(mobile.test('13912345678')).toBe(true);
    expect(mobile.test('0519-8600999')).toBe(false);
  });
});
