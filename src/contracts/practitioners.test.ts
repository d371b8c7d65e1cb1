import { describe, expect, it } from 'vitest';
import {
  licenceNumberProblem,
  licenceTypeProblem,
  licenceTypesByKind,
  newPractitionerSchema,
  normalizeLicenceNumber,
} from './practitioners.js';
import { licenceTypes, practitionerKinds } from './values.js';

const today = new Date('2026-11-24T00:00:00Z');

describe('licence number rules', () => {
  it('should accept a 17-digit lawyer licence number when region and year are real', () => {
    expect(licenceNumberProblem('full_time_lawyer', '13204201510123456', today)).toBeNull();
    expect(licenceNumberProblem('legal_aid_lawyer', '13204199810000001', today)).toBeNull();
  });

  it('should name the shape problem when a lawyer number is not 17 digits starting with 1', () => {
    expect(licenceNumberProblem('full_time_lawyer', '1320420151012345', today)).toBe(
      'licence_number.lawyer_format',
    );
    expect(licenceNumberProblem('part_time_lawyer', '23204201510123456', today)).toBe(
      'licence_number.lawyer_format',
    );
    expect(licenceNumberProblem('company_lawyer', '1320420151012345X', today)).toBe(
      'licence_number.lawyer_format',
    );
  });

  it('should refuse a lawyer number when its province code does not exist', () => {
    expect(licenceNumberProblem('full_time_lawyer', '19904201510123456', today)).toBe(
      'licence_number.lawyer_region',
    );
  });

  it('should refuse a lawyer number when its first-licensed year is before 1979 or ahead', () => {
    expect(licenceNumberProblem('full_time_lawyer', '13204197010123456', today)).toBe(
      'licence_number.lawyer_year',
    );
    expect(licenceNumberProblem('full_time_lawyer', '13204202710123456', today)).toBe(
      'licence_number.lawyer_year',
    );
  });

  it('should require a number when the licence type is not none and refuse one when it is', () => {
    expect(licenceNumberProblem('grassroots_legal_worker', null, today)).toBe(
      'licence_number.required',
    );
    expect(licenceNumberProblem('none', '32040012345', today)).toBe(
      'licence_number.not_applicable',
    );
    expect(licenceNumberProblem('none', null, today)).toBeNull();
  });

  it('should check only the shape when the certificate is numbered by the province', () => {
    expect(licenceNumberProblem('grassroots_legal_worker', '苏基字320412015', today)).toBeNull();
    expect(licenceNumberProblem('mediator_certificate', 'TJ-2019-0042', today)).toBeNull();
    expect(licenceNumberProblem('mediator_certificate', 'ABC', today)).toBe(
      'licence_number.format',
    );
    expect(licenceNumberProblem('grassroots_legal_worker', '苏基字第一号样本', today)).toBe(
      'licence_number.format',
    );
  });

  it('should strip spaces and upper-case letters when normalizing a typed number', () => {
    expect(normalizeLicenceNumber(' 1320 4201 5101 23456 ')).toBe('13204201510123456');
    expect(normalizeLicenceNumber('tj-2019-0042')).toBe('TJ-2019-0042');
  });

  it('should turn a blank licence number into none when parsing a new practitioner', () => {
    const parsed = newPractitionerSchema.parse({
      kind: 'mediator',
      name: '王调解',
      organizationId: '00000000-0000-4000-8000-000000000000',
      licenceNumber: '   ',
    });
    expect(parsed.licenceNumber).toBeNull();
  });
});

describe('licence types by kind', () => {
  it('should give every kind at least one licence type and only known ones', () => {
    for (const kind of practitionerKinds) {
      expect(licenceTypesByKind[kind].length).toBeGreaterThan(0);
      for (const type of licenceTypesByKind[kind]) expect(licenceTypes).toContain(type);
    }
  });

  it('should refuse a lawyer without a lawyer licence and a worker with a lawyer one', () => {
    expect(licenceTypeProblem('lawyer', 'none')).toBe('licence_type.kind_mismatch');
    expect(licenceTypeProblem('lawyer', 'grassroots_legal_worker')).toBe(
      'licence_type.kind_mismatch',
    );
    expect(licenceTypeProblem('grassroots_legal_worker', 'full_time_lawyer')).toBe(
      'licence_type.kind_mismatch',
    );
    expect(licenceTypeProblem('lawyer', 'government_lawyer')).toBeNull();
    expect(licenceTypeProblem('mediator', 'none')).toBeNull();
  });
});
