/**
 * Where a volunteer may serve and who manages them (docs/adr/0012): the rules shared by the
 * service's create and edit and by the Excel import. Organizations are read through the
 * organizations service, never its tables.
 */
import { scopeCoversOrganization, scopeOf } from '../../platform/access/scope.js';
import type { Organization } from '../../../contracts/organizations.js';
import { servicePointTypes } from '../../../contracts/values.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import { AppError } from '../../platform/errors.js';
import type { OrganizationService } from '../organizations/organizations.service.js';

/** Supervision chains are short (station → centre → bureau → city bureau); a loop must not hang. */
const MAX_SUPERVISION_DEPTH = 8;

/** Why an organization cannot be a volunteer's station for this scope (a message key), or null. */
export function stationProblem(
  organization: Organization | undefined,
  scope: DataScope,
): string | null {
  if (!organization || !scopeCoversOrganization(scope, organization))
    return 'volunteer.station.unknown';
  if (!servicePointTypes.includes(organization.type)) return 'volunteer.station.type';
  return null;
}

export function createVolunteerPlacement(
  organizations: Pick<OrganizationService, 'getOrganization'>,
) {
  async function findOrganization(id: string): Promise<Organization | undefined> {
    try {
      return await organizations.getOrganization(id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    }
  }

  /** The justice bureau above a station (its own supervision chain), if there is one. */
  async function supervisingBureau(station: Organization): Promise<Organization | undefined> {
    let parentId = station.parentId;
    for (let depth = 0; parentId && depth < MAX_SUPERVISION_DEPTH; depth += 1) {
      const parent = await findOrganization(parentId);
      if (!parent) return undefined;
      if (parent.type === 'justice_bureau') return parent;
      parentId = parent.parentId;
    }
    return undefined;
  }

  /**
   * Who manages a volunteer at `station` when nobody says: the bureau that supervises the station
   * if the caller's jurisdiction covers it, else the caller's own organization, else (the system,
   * with no organization of its own) the station itself. Undefined when there is neither a station
   * nor a caller's organization.
   */
  async function defaultManager(
    station: Organization | null,
    origin: RequestOrigin,
  ): Promise<Organization | undefined> {
    const bureau = station ? await supervisingBureau(station) : undefined;
    if (bureau && scopeCoversOrganization(scopeOf(origin), bureau)) return bureau;
    const own = origin.actor?.organizationId;
    const organization = own ? await findOrganization(own) : undefined;
    return organization ?? station ?? undefined;
  }

  return { findOrganization, supervisingBureau, defaultManager };
}

export type VolunteerPlacement = ReturnType<typeof createVolunteerPlacement>;
