import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../contracts/organizations.js';
import {
  formValues,
  newOrganizationOf,
  organizationChanges,
  type OrganizationForm,
} from './organization-form.js';

const station: Organization = {
  id: '4f0f7d0e-8a51-4b0b-9a21-6c2d3e4f5a61',
  type: 'legal_aid_station',
  name: '花园村法律援助工作站',
  parentId: null,
  divisionCode: '320412100201',
  divisionName: '花园村',
  address: '花园村村委会一楼',
  latitude: 31.7,
  longitude: 119.95,
  phone: null,
  openingHours: { mon: [{ opens: '08:30', closes: '17:00' }] },
  hoursExceptions: [],
  services: ['legal_consultation'],
  description: '',
  directions: '',
  stepFree: true,
  homeVisits: false,
  accessibilityNotes: '',
  status: 'active',
  statusSince: null,
  establishedOn: '2020-05-01',
  hostKind: 'village_committee',
  hostName: '花园村村民委员会',
  staffCount: 2,
  meetsStandard: null,
  photos: [],
  version: 7,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const asForm = (overrides: Partial<OrganizationForm> = {}): OrganizationForm =>
  ({ ...formValues(station), ...overrides }) as OrganizationForm;

describe('organization form', () => {
  it('should send the version alone when nothing was changed', () => {
    expect(organizationChanges(station, asForm())).toEqual({ version: 7 });
  });

  it('should send only the trimmed name when the name alone was changed', () => {
    expect(organizationChanges(station, asForm({ name: '  花园村工作站 ' }))).toEqual({
      version: 7,
      name: '花园村工作站',
    });
  });

  it('should read an unknown standard as null when the record has none', () => {
    expect(formValues(station).meetsStandard).toBe('unknown');
    expect(organizationChanges(station, asForm({ meetsStandard: 'yes' }))).toEqual({
      version: 7,
      meetsStandard: true,
    });
  });

  it('should drop the workstation fields when a new organization is not a workstation', () => {
    const created = newOrganizationOf(asForm({ type: 'law_firm' }));
    expect(created).toMatchObject({ type: 'law_firm', hostKind: null, staffCount: null });
  });

  it('should treat the same services in another order as unchanged when comparing', () => {
    const both = { ...station, services: ['legal_consultation', 'mediation'] } as Organization;
    const form = { ...formValues(both), services: ['mediation', 'legal_consultation'] };
    expect(organizationChanges(both, form as OrganizationForm)).toEqual({ version: 7 });
  });

  it('should refuse to create when no type was chosen', () => {
    expect(() => newOrganizationOf(asForm({ type: undefined }))).toThrow();
  });
});
