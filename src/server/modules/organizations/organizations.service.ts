import { parseBody } from '../../platform/input.js';
import { scopeOf, systemOrigin } from '../../platform/access/scope.js';
import { initialStatusSince, misplacedWorkstationFields } from './organizations.rules.js';
import type { Page } from '../../../contracts/common.js';
import type { NearestQuery, NearestResult } from '../../../contracts/nearest.js';
import type {
  ListOrganizationsQuery,
  NewOrganization,
  Organization,
  OrganizationType,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import { newOrganizationSchema } from '../../../contracts/organizations.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { ChangeFeed } from '../../platform/changes.js';
import type { Database } from '../../platform/db/client.js';
import {
  ConflictError,
  InputError,
  NotFoundError,
  type FieldProblem,
} from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/time.js';
import { changedFields, requireCurrentVersion, type Writer } from '../../platform/writes/writes.js';
import { createOrganizationPhotos } from './organizations.photos.js';
import { createOrganizationSheetStore } from './organizations.spreadsheet.store.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import { createLazyNearestIndex } from './nearest.js';
import { openNow } from './opening-hours.js';
import { createOrganizationRepository } from './organizations.repository.js';

// Coverage measures villages against workstations with the same index the portal's nearest search
// uses: other modules reach it here, through the organizations service.
export { createNearestIndex, type NearestIndex, type Point } from './nearest.js';

export interface OrganizationServiceDependencies {
  db: Database;
  writer: Writer;
  /** The change feed the nearest-point index listens to. */
  changes: ChangeFeed;
  divisions: Pick<DivisionService, 'requireDivision' | 'locate'>;
  /** The clock for open-now answers and status dates; a fixed one in tests. */
  now?: () => Date;
}

/**
 * Fields whose old and new values go into the audit row. Free text (description, directions,
 * notes, host name) and the phone are named but not copied: the audit log refuses anything that
 * looks like a mobile number, and free text may hold one.
 */
const valueAuditedFields = new Set<string>([
  'name',
  'parentId',
  'divisionCode',
  'latitude',
  'longitude',
  'services',
  'stepFree',
  'homeVisits',
  'status',
  'statusSince',
  'establishedOn',
  'hostKind',
  'staffCount',
  'meetsStandard',
]);

type Edits = Omit<OrganizationUpdate, 'version'>;

/** What an edit really changes: each changed field, with old and new values where safe to keep. */
function describeChanges(current: Organization, edits: Edits) {
  const fields = changedFields(current, edits);
  return {
    fields,
    changes: Object.fromEntries(
      Object.entries(edits)
        .filter(([field]) => fields.includes(field) && valueAuditedFields.has(field))
        .map(([field, value]) => [
          field,
          { from: current[field as keyof Organization] ?? null, to: value ?? null },
        ]),
    ),
  };
}

export function createOrganizationService(deps: OrganizationServiceDependencies) {
  const { db, writer, changes, divisions } = deps;
  const repository = createOrganizationRepository(db);
  const now = deps.now ?? (() => new Date());
  const nearestIndex = createLazyNearestIndex(() => repository.listLocatedActive(), changes);

  function requireCoordinatePair(organization: {
    latitude: number | null;
    longitude: number | null;
  }) {
    if ((organization.latitude === null) !== (organization.longitude === null)) {
      throw new InputError([{ field: 'body.latitude', message: 'organization.coordinates.pair' }]);
    }
  }

  /** Host, staffing and standard describe legal aid workstations; any other type must leave them empty. */
  function requireWorkstationFieldsFit(
    type: OrganizationType,
    fields: Parameters<typeof misplacedWorkstationFields>[1],
  ) {
    const problems: FieldProblem[] = misplacedWorkstationFields(type, fields).map((field) => ({
      field: `body.${field}`,
      message: 'organization.workstation_only',
    }));
    if (problems.length > 0) throw new InputError(problems);
  }

  /** A bureau places organizations in its own division and below; the system (seed, CLI) anywhere. */
  function requireDivisionInScope(origin: RequestOrigin, divisionCode: string) {
    const scope = origin.actor?.scope;
    if (!scope || scope.level === 'all') return;
    if (scope.level === 'district' && divisionCode.startsWith(scope.divisionPrefix)) return;
    throw new InputError([{ field: 'body.divisionCode', message: 'division.out_of_scope' }]);
  }

  /**
   * The supervising organization must exist within the editor's jurisdiction (one outside it is
   * as unknown as a missing one), and must not sit below the organization itself: the tree of
   * who supervises whom has no cycles.
   */
  async function requireParent(parentId: string, origin: RequestOrigin, selfId?: string) {
    if (!(await repository.findById(parentId, scopeOf(origin)))) {
      throw new InputError([{ field: 'body.parentId', message: 'organization.unknown' }]);
    }
    if (selfId && (await repository.selfAndAncestorIds(parentId)).includes(selfId)) {
      throw new InputError([{ field: 'body.parentId', message: 'organization.parent.cycle' }]);
    }
  }

  /** The point to measure from: the one given, or the chosen division's centre. */
  async function originOf(query: NearestQuery): Promise<{ lat: number; lng: number }> {
    if (query.lat !== undefined && query.lng !== undefined)
      return { lat: query.lat, lng: query.lng };
    const centre = await divisions.locate(query.division as string);
    if (!centre) {
      throw new InputError([
        { field: 'querystring.division', message: 'nearest.division.unlocated' },
      ]);
    }
    return { lat: centre.latitude, lng: centre.longitude };
  }

  /** An organization the caller may manage; outside the jurisdiction it is simply not found. */
  async function requireManaged(id: string, origin: RequestOrigin): Promise<Organization> {
    const organization = await repository.findById(id, scopeOf(origin));
    if (!organization) throw new NotFoundError('organization', id);
    return organization;
  }

  const photos = createOrganizationPhotos({ db, writer, requireManaged });

  return {
    ...photos,

    async createOrganization(
      input: NewOrganization,
      origin: RequestOrigin = systemOrigin,
    ): Promise<Organization> {
      const data = parseBody(newOrganizationSchema, input);
      const organization = data;
      requireCoordinatePair(organization);
      requireWorkstationFieldsFit(organization.type, organization);
      requireDivisionInScope(origin, organization.divisionCode);
      await divisions.requireDivision(organization.divisionCode);
      if (organization.parentId) await requireParent(organization.parentId, origin);
      if (await repository.findByName(organization.divisionCode, organization.name)) {
        throw new ConflictError();
      }
      const statusSince = initialStatusSince(organization, todayInShanghai(now()));
      const id = await writer.write(origin, async ({ tx, audit, publish }) => {
        const insertedId = await createOrganizationRepository(tx).insert({
          ...organization,
          statusSince,
        });
        audit({
          action: 'organization.create',
          objectType: 'organization',
          objectId: insertedId,
          detail: {
            type: organization.type,
            name: organization.name,
            divisionCode: organization.divisionCode,
            status: organization.status,
          },
        });
        publish('organizations');
        return insertedId;
      });
      return (await repository.findById(id)) as Organization;
    },

    /** A staff edit within the editor's jurisdiction; a stale version is refused, never merged. */
    async updateOrganization(
      id: string,
      patch: OrganizationUpdate,
      origin: RequestOrigin,
    ): Promise<Organization> {
      const current = await requireManaged(id, origin);
      const { version, ...edits } = patch;
      // A status change dates itself today unless the editor gives the day it took effect.
      if (edits.status !== undefined && edits.status !== current.status && !edits.statusSince) {
        edits.statusSince = todayInShanghai(now());
      }
      const next = { ...current, ...edits };
      requireCoordinatePair(next);
      requireWorkstationFieldsFit(current.type, edits);
      if (edits.divisionCode && edits.divisionCode !== current.divisionCode) {
        requireDivisionInScope(origin, edits.divisionCode);
        await divisions.requireDivision(edits.divisionCode);
      }
      if (edits.parentId && edits.parentId !== current.parentId) {
        await requireParent(edits.parentId, origin, id);
      }
      const renamed = next.name !== current.name || next.divisionCode !== current.divisionCode;
      const sameName = renamed
        ? await repository.findByName(next.divisionCode, next.name)
        : undefined;
      if (sameName && sameName.id !== id) throw new ConflictError();
      await writer.write(origin, async ({ tx, audit, publish }) => {
        await requireCurrentVersion(
          createOrganizationRepository(tx).update(id, version, edits),
          'organization',
          version,
        );
        audit({
          action: 'organization.update',
          objectType: 'organization',
          objectId: id,
          detail: describeChanges(current, edits),
        });
        publish('organizations');
      });
      return (await repository.findById(id)) as Organization;
    },

    /** One organization, or undefined when there is none with this id. */
    findOrganization(id: string): Promise<Organization | undefined> {
      return repository.findById(id);
    },

    async getOrganization(id: string): Promise<Organization> {
      const organization = await repository.findById(id);
      if (!organization) throw new NotFoundError('organization', id);
      return organization;
    },

    /** The database side of the Excel import and export (organizations.spreadsheet.ts). */
    spreadsheetStore: createOrganizationSheetStore(db, writer),

    listOrganizations(query: ListOrganizationsQuery): Promise<Page<Organization>> {
      return repository.list(query);
    },

    /**
     * The organizations of the scope with each of these names, by name (a name may repeat in
     * several divisions; a name nobody has is absent). Imports name organizations, not ids.
     */
    async findByNamesInScope(
      names: readonly string[],
      scope: DataScope,
    ): Promise<Map<string, Organization[]>> {
      const byName = new Map<string, Organization[]>();
      for (const organization of await repository.findByNamesInScope(names, scope)) {
        byName.set(organization.name, [...(byName.get(organization.name) ?? []), organization]);
      }
      return byName;
    },

    /** The active organizations nearest a point, nearest first, with whether each is open now. */
    async findNearest(query: NearestQuery): Promise<NearestResult> {
      const origin = await originOf(query);
      const hits = await nearestIndex.nearest(origin, {
        limit: query.limit,
        ...(query.type ? { types: [query.type] } : {}),
      });
      const at = now();
      return hits.map(({ station, distanceMetres }) => {
        const { lat, lng, hoursExceptions, ...shown } = station;
        const state = openNow(station.openingHours, at, hoursExceptions);
        return {
          ...shown,
          latitude: lat,
          longitude: lng,
          distanceMetres: Math.round(distanceMetres),
          openNow: state.open,
          ...(state.closesAt ? { closesAt: state.closesAt } : {}),
          ...(state.opensNext ? { opensNext: state.opensNext } : {}),
          ...(state.note ? { note: state.note } : {}),
        };
      });
    },

    countOrganizations(): Promise<number> {
      return repository.countAll();
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
