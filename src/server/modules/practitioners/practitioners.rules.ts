import { isPhotoMediaType } from '../../../contracts/photos.js';
import type { Practitioner, PractitionerFilters } from '../../../contracts/practitioners.js';
import { licenceNumberProblem, licenceTypeProblem } from '../../../contracts/practitioners.js';
import type { LicenceType, PractitionerKind } from '../../../contracts/values.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import { AppError, InputError, type FieldProblem } from '../../platform/errors.js';
import { sniffImageType } from '../../platform/files/images.js';
import type { PractitionerRecord, PractitionerSearch } from './practitioners.repository.js';

// The rules and presentation shared by the practitioner service and its spreadsheet import.

/** A licence number already held by someone else: 409, naming the field the user should change. */
export class LicenceNumberTakenError extends AppError {
  constructor(field = 'body.licenceNumber') {
    super('conflict', 'practitioner.licence_number.taken', {}, [
      { field, message: 'practitioner.licence_number.taken' },
    ]);
  }
}

/** The account already belongs to another practitioner: one person, one sign-in. */
export class AccountTakenError extends AppError {
  constructor() {
    super('conflict', 'practitioner.account.taken', {}, [
      { field: 'body.accountId', message: 'practitioner.account.taken' },
    ]);
  }
}

/** The facts a practitioner's licence rules are checked on, whatever their source. */
export interface LicenceFacts {
  kind: PractitionerKind;
  licenceType: LicenceType;
  licenceNumber: string | null;
  practisingSince: string | null;
}

/**
 * Problems of a practitioner's licence facts, keyed by the bare field name: the kind must be able
 * to hold the licence type, the number must fit it, and the practising date cannot be ahead.
 */
export function licenceFactProblems(facts: LicenceFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const typeProblem = licenceTypeProblem(facts.kind, facts.licenceType);
  if (typeProblem) problems.push({ field: 'licenceType', message: typeProblem });
  const numberProblem = licenceNumberProblem(
    facts.licenceType,
    facts.licenceNumber,
    new Date(`${today}T00:00:00Z`),
  );
  if (numberProblem) problems.push({ field: 'licenceNumber', message: numberProblem });
  if (facts.practisingSince && facts.practisingSince > today) {
    problems.push({ field: 'practisingSince', message: 'practitioner.date.future' });
  }
  return problems;
}

export function bodyFields(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, field: `body.${problem.field}` }));
}

/** The answers to a lost race on a unique index: the same as the pre-checks give. */
export const practitionerConflicts = {
  practitioners_licence_number_unique: () => new LicenceNumberTakenError(),
  practitioners_account_unique: () => new AccountTakenError(),
};

/** A photo as the route received it: the declared type and the raw body. */
export interface PhotoUpload {
  contentType: string | undefined;
  body: unknown;
}

/** A photo's bytes as the route serves them. */
export interface PhotoContent {
  contentType: string;
  content: Uint8Array;
  sha256: string;
}

/** The declared type must be an accepted image type and the bytes must really be that type. */
export function readPhotoUpload(upload: PhotoUpload): { contentType: string; bytes: Uint8Array } {
  const contentType = (upload.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const bytes = upload.body instanceof Uint8Array ? upload.body : null;
  if (!isPhotoMediaType(contentType) || !bytes || sniffImageType(bytes) !== contentType) {
    throw new InputError([{ field: 'body', message: 'practitioner.photo.type' }]);
  }
  return { contentType, bytes };
}

export function practitionerPhotoUrl(id: string, fileId: string): string {
  // The file id changes with every upload, so a browser never shows an old photo from its cache.
  return `/api/practitioners/${id}/photo?v=${fileId.slice(0, 8)}`;
}

/** A stored practitioner as the API answers it: the phone masked unless `unmasked`. */
export function presentPractitioner(
  record: PractitionerRecord,
  personalFields: PersonalFields,
  unmasked = false,
): Practitioner {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    organizationType: record.organizationType,
    divisionCode: record.divisionCode,
    divisionName: record.divisionName,
    licenceType: record.licenceType,
    licenceNumber: record.licenceNumber,
    practisingSince: record.practisingSince,
    specialties: record.specialties,
    languages: record.languages,
    biography: record.biography,
    phone: personalFields.open('phone', record.phoneCipher, { clear: unmasked }),
    photoUrl: record.photoFileId ? practitionerPhotoUrl(record.id, record.photoFileId) : null,
    status: record.status,
    accountId: record.accountId,
    accountName: record.accountName,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The stored form of a phone: encrypted, with its blind index for exact lookup. */
export function phoneColumnsOf(personalFields: PersonalFields, phone: string | null) {
  const sealed = personalFields.seal('phone', phone);
  return { phoneCipher: sealed.cipher, phoneIndex: sealed.index };
}

/** The list filters, with a full mobile number in `q` looked up by its blind index. */
export function searchWithPhoneIndex(
  personalFields: PersonalFields,
  filters: PractitionerFilters,
): PractitionerSearch {
  const phoneIndex = personalFields.phoneIndexOfQuery(filters.q);
  return phoneIndex ? { ...filters, phoneIndex } : filters;
}
