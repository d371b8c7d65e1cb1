// The organization form's values and the API shapes they become; pure, so it is tested alone.
import type {
  HoursException,
  NewOrganization,
  OpeningHours,
  Organization,
  OrganizationService,
  OrganizationStatus,
  OrganizationType,
  OrganizationUpdate,
  WorkstationHostKind,
} from '../../../../contracts/organizations.js';
import { organizationServices } from '../../../../contracts/values.js';
import { normalizeOpeningHours, sameOpeningHours } from '../../../kit/opening-hours-form.js';
import { normalizeHoursExceptions, sameHoursExceptions } from './hours-exceptions.js';

export type StandardChoice = 'yes' | 'no' | 'unknown';

export interface OrganizationForm {
  type?: OrganizationType;
  name: string;
  parentId?: string | null;
  divisionCode?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string;
  openingHours?: OpeningHours;
  hoursExceptions?: HoursException[];
  status: OrganizationStatus;
  /** YYYY-MM-DD from a date input; empty means "not given". */
  statusSince?: string;
  establishedOn?: string;
  services?: OrganizationService[];
  description?: string;
  directions?: string;
  stepFree?: boolean;
  homeVisits?: boolean;
  accessibilityNotes?: string;
  hostKind?: WorkstationHostKind | null;
  hostName?: string;
  staffCount?: number | null;
  meetsStandard?: StandardChoice;
}

export const organizationFormFields = [
  'type',
  'name',
  'parentId',
  'divisionCode',
  'address',
  'latitude',
  'longitude',
  'phone',
  'openingHours',
  'hoursExceptions',
  'status',
  'statusSince',
  'establishedOn',
  'services',
  'description',
  'directions',
  'stepFree',
  'homeVisits',
  'accessibilityNotes',
  'hostKind',
  'hostName',
  'staffCount',
  'meetsStandard',
] as const;

const standardChoices: Record<StandardChoice, boolean | null> = {
  yes: true,
  no: false,
  unknown: null,
};

function standardChoice(value: boolean | null): StandardChoice {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

export function formValues(organization: Organization | undefined): Partial<OrganizationForm> {
  if (!organization) {
    return {
      status: 'active',
      openingHours: {},
      hoursExceptions: [],
      address: '',
      services: [],
      stepFree: false,
      homeVisits: false,
      meetsStandard: 'unknown',
    };
  }
  return {
    type: organization.type,
    name: organization.name,
    parentId: organization.parentId,
    divisionCode: organization.divisionCode,
    address: organization.address,
    latitude: organization.latitude,
    longitude: organization.longitude,
    phone: organization.phone ?? '',
    openingHours: organization.openingHours,
    hoursExceptions: organization.hoursExceptions,
    status: organization.status,
    statusSince: organization.statusSince ?? '',
    establishedOn: organization.establishedOn ?? '',
    services: organization.services,
    description: organization.description,
    directions: organization.directions,
    stepFree: organization.stepFree,
    homeVisits: organization.homeVisits,
    accessibilityNotes: organization.accessibilityNotes,
    hostKind: organization.hostKind,
    hostName: organization.hostName ?? '',
    staffCount: organization.staffCount,
    meetsStandard: standardChoice(organization.meetsStandard),
  };
}

/** What the form says, in the API's shape; workstation fields only for legal aid workstations. */
function readForm(values: OrganizationForm, type: OrganizationType | undefined) {
  const workstation = type === 'legal_aid_station';
  return {
    name: values.name.trim(),
    parentId: values.parentId ?? null,
    divisionCode: values.divisionCode ?? '',
    address: values.address?.trim() ?? '',
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    phone: values.phone?.trim() || null,
    openingHours: normalizeOpeningHours(values.openingHours),
    hoursExceptions: normalizeHoursExceptions(values.hoursExceptions),
    status: values.status,
    statusSince: values.statusSince || null,
    establishedOn: values.establishedOn || null,
    services: organizationServices.filter((service) => values.services?.includes(service)),
    description: values.description?.trim() ?? '',
    directions: values.directions?.trim() ?? '',
    stepFree: values.stepFree ?? false,
    homeVisits: values.homeVisits ?? false,
    accessibilityNotes: values.accessibilityNotes?.trim() ?? '',
    hostKind: workstation ? (values.hostKind ?? null) : null,
    hostName: workstation ? values.hostName?.trim() || null : null,
    staffCount: workstation ? (values.staffCount ?? null) : null,
    meetsStandard: workstation ? standardChoices[values.meetsStandard ?? 'unknown'] : null,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** Only the fields that differ from the record the editor saw, with its version. */
export function organizationChanges(
  current: Organization,
  values: OrganizationForm,
): OrganizationUpdate {
  const next = readForm(values, current.type);
  const update: OrganizationUpdate = { version: current.version };
  const scalarFields = [
    'name',
    'parentId',
    'divisionCode',
    'address',
    'latitude',
    'longitude',
    'phone',
    'status',
    'statusSince',
    'establishedOn',
    'description',
    'directions',
    'stepFree',
    'homeVisits',
    'accessibilityNotes',
    'hostKind',
    'hostName',
    'staffCount',
    'meetsStandard',
  ] as const;
  for (const field of scalarFields) {
    if (next[field] !== current[field]) Object.assign(update, { [field]: next[field] });
  }
  if (!sameOpeningHours(next.openingHours, current.openingHours)) {
    update.openingHours = next.openingHours;
  }
  if (!sameHoursExceptions(next.hoursExceptions, current.hoursExceptions)) {
    update.hoursExceptions = next.hoursExceptions;
  }
  if (!sameList(next.services, current.services)) update.services = next.services;
  return update;
}

/** A new organization from the form; the type is chosen once, at creation. */
export function newOrganizationOf(values: OrganizationForm): NewOrganization {
  if (!values.type) throw new Error('type is required');
  return { type: values.type, ...readForm(values, values.type) };
}
