import type { NewPractitioner } from '../../src/contracts/practitioners.js';

let sequence = 0;

/**
 * A lawyer licence number in the Ministry of Justice's 17-digit shape: `1`, Jiangsu (32),
 * Changzhou (04), first licensed in `year`, full-time (1), the sex digit, and a 6-digit serial.
 */
export function lawyerLicenceNumber(serial: number, year = 2015): string {
  return `13204${year}10${String(serial).padStart(6, '0')}`;
}

/** A fresh, unused mobile number for a test practitioner. */
export function testMobile(serial: number): string {
  return `139${String(serial).padStart(8, '0')}`;
}

/** A valid new full-time lawyer of `organizationId`; override what the test is about. */
export function buildPractitioner(
  organizationId: string,
  overrides: Partial<NewPractitioner> = {},
): NewPractitioner {
  sequence += 1;
  return {
    kind: 'lawyer',
    name: `测试律师${sequence}`,
    organizationId,
    licenceType: 'full_time_lawyer',
    licenceNumber: lawyerLicenceNumber(900_000 + sequence),
    practisingSince: '2015-07-01',
    specialties: ['labour', 'contract'],
    languages: ['mandarin'],
    phone: testMobile(50_000_000 + sequence),
    joinedOn: '2020-03-01',
    ...overrides,
  };
}
