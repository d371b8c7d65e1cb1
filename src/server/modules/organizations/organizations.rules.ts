// Rules of an organization record that hold however it arrives: typed in the console, or a row
// of an imported workbook.
import type { OrganizationStatus, OrganizationType } from '../../../contracts/organizations.js';

/** Only legal aid workstations have a host, a staffing figure and a standard to meet. */
export const workstationFields = ['hostKind', 'hostName', 'staffCount', 'meetsStandard'] as const;
type WorkstationField = (typeof workstationFields)[number];

/** The workstation fields filled in on an organization that is not a workstation. */
export function misplacedWorkstationFields(
  type: OrganizationType,
  fields: Partial<Record<WorkstationField, unknown>>,
): WorkstationField[] {
  if (type === 'legal_aid_station') return [];
  return workstationFields.filter((field) => fields[field] !== undefined && fields[field] !== null);
}

/** A new active organization has been so since it opened; any other status starts `today`. */
export function initialStatusSince(
  organization: {
    status: OrganizationStatus;
    statusSince: string | null;
    establishedOn: string | null;
  },
  today: string,
): string | null {
  return (
    organization.statusSince ??
    (organization.status === 'active' ? organization.establishedOn : today)
  );
}
