// The partner form's values and the API shapes they become; pure, so it is tested alone.
import type { PartnerKind } from '../../../../contracts/values.js';
import type { NewPartner, Partner, PartnerUpdate } from '../../../../contracts/partners.js';

export interface PartnerForm {
  kind?: PartnerKind;
  name: string;
  linkedOrganizationId?: string | null;
  contactName?: string;
  contactPhone?: string;
}

export const partnerFormFields = [
  'kind',
  'name',
  'linkedOrganizationId',
  'contactName',
  'contactPhone',
] as const;

export function formValues(partner: Partner | undefined): Partial<PartnerForm> {
  if (!partner) return { contactName: '', contactPhone: '' };
  return {
    kind: partner.kind,
    name: partner.name,
    linkedOrganizationId: partner.linkedOrganizationId,
    contactName: partner.contactName,
    contactPhone: partner.contactPhone ?? '',
  };
}

function readForm(values: PartnerForm) {
  return {
    name: values.name.trim(),
    linkedOrganizationId: values.linkedOrganizationId ?? null,
    contactName: values.contactName?.trim() ?? '',
    contactPhone: values.contactPhone?.trim() || null,
  };
}

export function partnerChanges(current: Partner, values: PartnerForm): PartnerUpdate {
  const next = readForm(values);
  const update: PartnerUpdate = { version: current.version };
  if (values.kind && values.kind !== current.kind) update.kind = values.kind;
  if (next.name !== current.name) update.name = next.name;
  if (next.linkedOrganizationId !== current.linkedOrganizationId) {
    update.linkedOrganizationId = next.linkedOrganizationId;
  }
  if (next.contactName !== current.contactName) update.contactName = next.contactName;
  if (next.contactPhone !== current.contactPhone) update.contactPhone = next.contactPhone;
  return update;
}

/** A new partner from the form. */
export function newPartnerOf(values: PartnerForm): NewPartner {
  if (!values.kind) throw new Error('kind is required');
  return { kind: values.kind, ...readForm(values) };
}
