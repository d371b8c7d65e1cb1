// The volunteer form's values and the API shapes they become; pure, so it is tested alone.
import type { OpeningHours } from '../../../../contracts/organizations.js';
import type {
  LegalSpecialty,
  ServiceLanguage,
  VolunteerKind,
  VolunteerStatus,
} from '../../../../contracts/values.js';
import type { NewVolunteer, Volunteer, VolunteerUpdate } from '../../../../contracts/volunteers.js';
import { normalizeOpeningHours, sameOpeningHours } from '../../../kit/opening-hours-form.js';

export interface VolunteerForm {
  kind?: VolunteerKind;
  name: string;
  phone?: string;
  status: VolunteerStatus;
  stationId?: string | null;
  partnerId?: string | null;
  skills: LegalSpecialty[];
  languages: ServiceLanguage[];
  joinedOn?: string;
  availability: OpeningHours;
  notes?: string;
}

export const volunteerFormFields = [
  'kind',
  'name',
  'phone',
  'status',
  'stationId',
  'partnerId',
  'skills',
  'languages',
  'joinedOn',
  'availability',
  'notes',
] as const;

export const mobile = /^1[3-9]\d{9}$/;

export function formValues(volunteer: Volunteer | undefined): Partial<VolunteerForm> {
  if (!volunteer) {
    return { status: 'active', skills: [], languages: ['mandarin'], availability: {}, notes: '' };
  }
  return {
    kind: volunteer.kind,
    name: volunteer.name,
    phone: '',
    status: volunteer.status,
    stationId: volunteer.stationId,
    partnerId: volunteer.partnerId,
    skills: volunteer.skills,
    languages: volunteer.languages,
    joinedOn: volunteer.joinedOn ?? '',
    availability: volunteer.availability,
    notes: volunteer.notes,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join() === [...b].sort().join();

/** The form in the API's shape; an empty phone on an edit means "keep the current one". */
function readForm(values: VolunteerForm) {
  const phone = values.phone?.replace(/[\s-]/g, '') ?? '';
  return {
    name: values.name.trim(),
    phone: phone || null,
    status: values.status,
    stationId: values.stationId ?? null,
    partnerId: values.partnerId ?? null,
    skills: values.skills,
    languages: values.languages,
    joinedOn: values.joinedOn || null,
    availability: normalizeOpeningHours(values.availability),
    notes: values.notes?.trim() ?? '',
  };
}

/** Only the fields that differ from the record the editor saw, with its version. */
export function volunteerChanges(current: Volunteer, values: VolunteerForm): VolunteerUpdate {
  const next = readForm(values);
  const update: VolunteerUpdate = { version: current.version };
  if (values.kind && values.kind !== current.kind) update.kind = values.kind;
  if (next.name !== current.name) update.name = next.name;
  if (next.phone) update.phone = next.phone;
  if (next.status !== current.status) update.status = next.status;
  if (next.stationId !== current.stationId) update.stationId = next.stationId;
  if (next.partnerId !== current.partnerId) update.partnerId = next.partnerId;
  if (!sameList(next.skills, current.skills)) update.skills = next.skills;
  if (!sameList(next.languages, current.languages)) update.languages = next.languages;
  if (next.joinedOn !== current.joinedOn) update.joinedOn = next.joinedOn;
  if (!sameOpeningHours(next.availability, current.availability)) {
    update.availability = next.availability;
  }
  if (next.notes !== current.notes) update.notes = next.notes;
  return update;
}

/** A new volunteer from the form. */
export function newVolunteerOf(values: VolunteerForm): NewVolunteer {
  if (!values.kind) throw new Error('kind is required');
  return { kind: values.kind, ...readForm(values) };
}
