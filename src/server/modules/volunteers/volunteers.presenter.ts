import type { Volunteer } from '../../../contracts/volunteers.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import { startOfShanghaiDay } from '../../platform/time.js';
import type { ServiceEventNote } from '../../platform/writes/writes.js';
import type { VolunteerRow } from './volunteers.repository.js';

// How volunteers leave the module: as the API answers them, and as the facts statistics count.

/** A volunteer as the API answers: the phone decrypted, then masked unless `unmasked`. */
export function presentVolunteer(
  row: VolunteerRow,
  personalFields: PersonalFields,
  unmasked = false,
): Volunteer {
  const { phoneCipher, ...rest } = row;
  return {
    ...rest,
    phone: personalFields.open('phone', phoneCipher, { clear: unmasked }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Service events count hours entries by this source type. */
export const HOURS_SOURCE = 'volunteer_service_hours';

/** Where a shift counts: the station (or, without one, the managing organization) and its division. */
export interface ServicePlace {
  stationId: string | null;
  organizationId: string;
  divisionCode: string;
}

/** The fact a logged shift adds to the statistics: one volunteer service, its hours counted. */
export function volunteerServiceEvent(
  row: { servedOn: string; hours: number },
  place: ServicePlace,
  entryId: string,
): ServiceEventNote {
  return {
    type: 'volunteer_service',
    channel: 'in_person',
    occurredAt: startOfShanghaiDay(row.servedOn),
    organizationId: place.organizationId,
    divisionCode: place.divisionCode,
    counts: { hours: row.hours },
    source: { type: HOURS_SOURCE, id: entryId },
  };
}
