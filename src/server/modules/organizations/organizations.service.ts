import type { Page } from '../../../contracts/common.js';
import type { NearestQuery, NearestResult } from '../../../contracts/nearest.js';
import type {
  ListOrganizationsQuery,
  NewOrganization,
  Organization,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import { newOrganizationSchema } from '../../../contracts/organizations.js';
import type { RequestOrigin } from '../../platform/access/actor.js';
import type { ChangeFeed } from '../../platform/changes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Database } from '../../platform/db/client.js';
import {
  ConflictError,
  InputError,
  NotFoundError,
  StaleVersionError,
} from '../../platform/errors.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import { createLazyNearestIndex } from './nearest.js';
import { openNow } from './opening-hours.js';
import { createOrganizationRepository } from './organizations.repository.js';

export interface OrganizationServiceOptions {
  /** The clock for open-now answers; a fixed one in tests. */
  now?: () => Date;
}

const systemOrigin: RequestOrigin = { actor: null, ip: null };

export function createOrganizationService(
  db: Database,
  changes: ChangeFeed,
  divisions: DivisionService,
  audit: Pick<AuditService, 'record'>,
  options: OrganizationServiceOptions = {},
) {
  const repository = createOrganizationRepository(db);
  const now = options.now ?? (() => new Date());
  const nearestIndex = createLazyNearestIndex(() => repository.listLocatedActive(), changes);

  function requireCoordinatePair(organization: {
    latitude: number | null;
    longitude: number | null;
  }) {
    if ((organization.latitude === null) !== (organization.longitude === null)) {
      throw new InputError([{ field: 'body.latitude', message: 'organization.coordinates.pair' }]);
    }
  }

  /** A bureau places organizations in its own division and below; the system (seed, CLI) anywhere. */
  function requireDivisionInScope(origin: RequestOrigin, divisionCode: string) {
    const scope = origin.actor?.scope;
    if (!scope || scope.level === 'all') return;
    if (scope.level === 'district' && divisionCode.startsWith(scope.divisionPrefix)) return;
    throw new InputError([{ field: 'body.divisionCode', message: 'division.out_of_scope' }]);
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

  return {
    async createOrganization(
      input: NewOrganization,
      origin: RequestOrigin = systemOrigin,
    ): Promise<Organization> {
      const parsed = newOrganizationSchema.safeParse(input);
      if (!parsed.success) {
        throw new InputError(
          parsed.error.issues.map((issue) => ({
            field: ['body', ...issue.path].join('.'),
            message: issue.message,
          })),
        );
      }
      const organization = parsed.data;
      requireCoordinatePair(organization);
      requireDivisionInScope(origin, organization.divisionCode);
      await divisions.requireDivision(organization.divisionCode);
      if (organization.parentId && !(await repository.findById(organization.parentId))) {
        throw new NotFoundError('organization', organization.parentId);
      }
      if (await repository.findByName(organization.divisionCode, organization.name)) {
        throw new ConflictError();
      }
      const id = await db.transaction(async (tx) => {
        const insertedId = await createOrganizationRepository(tx).insert(organization);
        await audit.record(
          {
            origin,
            action: 'organization.create',
            objectType: 'organization',
            objectId: insertedId,
            outcome: 'success',
            detail: { type: organization.type, divisionCode: organization.divisionCode },
          },
          tx,
        );
        return insertedId;
      });
      changes.publish('organizations');
      return (await repository.findById(id)) as Organization;
    },

    /** A staff edit within the editor's jurisdiction; a stale version is refused, never merged. */
    async updateOrganization(
      id: string,
      patch: OrganizationUpdate,
      origin: RequestOrigin,
    ): Promise<Organization> {
      const scope = origin.actor?.scope ?? { level: 'all' as const };
      const current = await repository.findById(id, scope);
      if (!current) throw new NotFoundError('organization', id);
      const { version, ...edits } = patch;
      const next = { ...current, ...edits };
      requireCoordinatePair(next);
      if (edits.divisionCode && edits.divisionCode !== current.divisionCode) {
        requireDivisionInScope(origin, edits.divisionCode);
        await divisions.requireDivision(edits.divisionCode);
      }
      if (edits.parentId) {
        if (edits.parentId === id || !(await repository.findById(edits.parentId))) {
          throw new InputError([{ field: 'body.parentId', message: 'organization.unknown' }]);
        }
      }
      const renamed = next.name !== current.name || next.divisionCode !== current.divisionCode;
      const sameName = renamed
        ? await repository.findByName(next.divisionCode, next.name)
        : undefined;
      if (sameName && sameName.id !== id) throw new ConflictError();
      await db.transaction(async (tx) => {
        if (!(await createOrganizationRepository(tx).update(id, version, edits))) {
          throw new StaleVersionError('organization', version);
        }
        await audit.record(
          {
            origin,
            action: 'organization.update',
            objectType: 'organization',
            objectId: id,
            outcome: 'success',
            detail: { fields: Object.keys(edits) },
          },
          tx,
        );
      });
      changes.publish('organizations');
      return (await repository.findById(id)) as Organization;
    },

    async getOrganization(id: string): Promise<Organization> {
      const organization = await repository.findById(id);
      if (!organization) throw new NotFoundError('organization', id);
      return organization;
    },

    listOrganizations(query: ListOrganizationsQuery): Promise<Page<Organization>> {
      return repository.list(query);
    },

    /** The active organizations nearest a point, nearest first, with whether each is open now. */
    async findNearest(query: NearestQuery): Promise<NearestResult> {
      const origin = await originOf(query);
      const hits = await nearestIndex.nearest(origin, {
        limit: query.limit,
        ...(query.type ? { types: [query.type] } : {}),
      });
      const at = now();
      return hits.map(({ station: { lat, lng, ...station }, distanceMetres }) => {
        const state = openNow(station.openingHours, at);
        return {
          ...station,
          latitude: lat,
          longitude: lng,
          distanceMetres: Math.round(distanceMetres),
          openNow: state.open,
          ...(state.closesAt ? { closesAt: state.closesAt } : {}),
          ...(state.opensNext ? { opensNext: state.opensNext } : {}),
        };
      });
    },

    countOrganizations(): Promise<number> {
      return repository.countAll();
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
