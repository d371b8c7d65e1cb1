// The practitioner form's values and the API shapes they become; pure, so it is tested alone.

import { mobilePhoneSchema } from '../../../../contracts/personal-data.js';
import type {
  NewPractitioner,
  Practitioner,
  PractitionerUpdate,
} from '../../../../contracts/practitioners.js';
import {
  licenceNumberProblem,
  licenceTypesByKind,
  normalizeLicenceNumber,
} from '../../../../contracts/practitioners.js';
import type {
  LegalSpecialty,
  LicenceType,
  PractitionerKind,
  PractitionerStatus,
  ServiceLanguage,
} from '../../../../contracts/values.js';
import type { MessageKey } from '../../../kit/i18n/catalogue.js';

export interface PractitionerForm {
  kind?: PractitionerKind;
  name: string;
  organizationId?: string;
  licenceType: LicenceType;
  licenceNumber?: string;
  practisingSince?: string;
  joinedOn?: string;
  specialties: LegalSpecialty[];
  languages: ServiceLanguage[];
  phone?: string;
  /** Editing only: remove the recorded phone. */
  clearPhone?: boolean;
  status: PractitionerStatus;
  biography?: string;
}

export const practitionerFormFields = [
  'kind',
  'name',
  'organizationId',
  'licenceType',
  'licenceNumber',
  'practisingSince',
  'joinedOn',
  'specialties',
  'languages',
  'phone',
  'status',
  'biography',
] as const;

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today as YYYY-MM-DD where the bureau works, whatever the browser's zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate.format(now);
}

/** The licences a kind can hold; the form offers only these. */
export function licenceTypesFor(kind: PractitionerKind | undefined): readonly LicenceType[] {
  return kind ? licenceTypesByKind[kind] : [];
}

/** The usual licence of a kind, chosen when the kind is picked. */
export function defaultLicenceType(kind: PractitionerKind): LicenceType {
  return licenceTypesByKind[kind][0] as LicenceType;
}

/** The console's words for the shared licence rules' problems. */
const licenceMessages: Record<string, MessageKey> = {
  'licence_number.required': 'console.practitioners.licence.required',
  'licence_number.not_applicable': 'console.practitioners.licence.notApplicable',
  'licence_number.lawyer_format': 'console.practitioners.licence.lawyerFormat',
  'licence_number.lawyer_region': 'console.practitioners.licence.lawyerRegion',
  'licence_number.lawyer_year': 'console.practitioners.licence.lawyerYear',
  'licence_number.format': 'console.practitioners.licence.format',
};

/** The message for a licence number that breaks the shared rules, or null when it fits. */
export function licenceNumberMessage(
  licenceType: LicenceType,
  licenceNumber: string | undefined,
): MessageKey | null {
  const normalized = licenceNumber ? normalizeLicenceNumber(licenceNumber) : '';
  const problem = licenceNumberProblem(licenceType, normalized || null);
  return problem ? (licenceMessages[problem] ?? 'console.practitioners.licence.format') : null;
}

export function isMobile(value: string | undefined): boolean {
  return !value?.trim() || mobilePhoneSchema.safeParse(value).success;
}

export function formValues(practitioner: Practitioner | undefined): Partial<PractitionerForm> {
  if (!practitioner) {
    return {
      licenceType: 'none',
      specialties: [],
      languages: ['mandarin'],
      status: 'practising',
      joinedOn: todayInShanghai(),
    };
  }
  return {
    kind: practitioner.kind,
    name: practitioner.name,
    organizationId: practitioner.organizationId,
    licenceType: practitioner.licenceType,
    licenceNumber: practitioner.licenceNumber ?? '',
    practisingSince: practitioner.practisingSince ?? '',
    specialties: practitioner.specialties,
    languages: practitioner.languages,
    // The form never holds the masked number: empty means "leave the phone as it is".
    phone: '',
    status: practitioner.status,
    biography: practitioner.biography,
  };
}

function licenceNumberOf(values: PractitionerForm): string | null {
  if (values.licenceType === 'none') return null;
  return values.licenceNumber ? normalizeLicenceNumber(values.licenceNumber) || null : null;
}

/** A new practitioner from the form. */
export function newPractitionerOf(values: PractitionerForm): NewPractitioner {
  return {
    kind: values.kind as PractitionerKind,
    name: values.name.trim(),
    organizationId: values.organizationId as string,
    licenceType: values.licenceType,
    licenceNumber: licenceNumberOf(values),
    practisingSince: values.practisingSince || null,
    specialties: values.specialties,
    languages: values.languages,
    phone: values.phone?.trim() || null,
    status: values.status,
    biography: values.biography?.trim() ?? '',
    ...(values.joinedOn ? { joinedOn: values.joinedOn } : {}),
  };
}

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * Only what differs from the record the editor saw, with its version. A phone is sent only when
 * one was typed: the form shows the masked number beside the field, never in it.
 */
export function practitionerChanges(
  current: Practitioner,
  values: PractitionerForm,
): PractitionerUpdate {
  const update: PractitionerUpdate = { version: current.version };
  const name = values.name.trim();
  const licenceNumber = licenceNumberOf(values);
  const practisingSince = values.practisingSince || null;
  const biography = values.biography?.trim() ?? '';
  const phone = values.phone?.trim();
  if (values.kind && values.kind !== current.kind) update.kind = values.kind;
  if (name !== current.name) update.name = name;
  if (values.licenceType !== current.licenceType) update.licenceType = values.licenceType;
  if (licenceNumber !== current.licenceNumber) update.licenceNumber = licenceNumber;
  if (practisingSince !== current.practisingSince) update.practisingSince = practisingSince;
  if (!sameMembers(values.specialties, current.specialties))
    update.specialties = values.specialties;
  if (!sameMembers(values.languages, current.languages)) update.languages = values.languages;
  if (values.status !== current.status) update.status = values.status;
  if (biography !== current.biography) update.biography = biography;
  if (values.clearPhone && current.phone) update.phone = null;
  else if (phone) update.phone = phone;
  return update;
}
