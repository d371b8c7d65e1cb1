import { fieldProblem, parseBody } from '../../platform/input.js';
import { scopeOf, systemOrigin } from '../../platform/access/scope.js';
import { scopeCoversOrganization } from '../../platform/access/scope.js';
import type { Page } from '../../../contracts/common.js';
import type { Organization } from '../../../contracts/organizations.js';
import {
  newServiceHoursSchema,
  newVolunteerRecordSchema,
  newVolunteerSchema,
  type ListVolunteersQuery,
  type NewServiceHours,
  type NewVolunteer,
  type NewVolunteerRecord,
  type ServiceHoursEntry,
  type ServiceHoursList,
  type Volunteer,
  type VolunteerRecord,
  type VolunteerRecordKind,
  type VolunteerSummaryQuery,
  type VolunteerUpdate,
} from '../../../contracts/volunteers.js';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { Database } from '../../platform/db/client.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/time.js';
import { createVolunteerSheetStore } from './volunteers.spreadsheet.store.js';
import { summarizeVolunteers } from './volunteers.summary.js';
import { createVolunteerSummaryRepository } from './volunteers.summary.repository.js';
import {
  HOURS_SOURCE,
  presentVolunteer,
  volunteerServiceEvent,
  type ServicePlace,
} from './volunteers.presenter.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import { changedFields, requireCurrentVersion, type Writer } from '../../platform/writes/writes.js';
import type { PartnerService } from '../partners/partners.service.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { createVolunteerRepository, type VolunteerRow } from './volunteers.repository.js';
import type { volunteerServiceHours, volunteers } from './volunteers.tables.js';
import { createVolunteerPlacement, stationProblem } from './volunteers.placement.js';

export interface VolunteerServiceDependencies {
  db: Database;
  writer: Writer;
  personalFields: PersonalFields;
  organizations: Pick<OrganizationService, 'getOrganization'>;
  partners: Pick<PartnerService, 'isPartnerInScope'>;
  /** The clock for "today" (no future service dates, this year's hours); fixed in tests. */
  now?: () => Date;
}

export function createVolunteerService(deps: VolunteerServiceDependencies) {
  const { db, writer, personalFields, partners } = deps;
  const repository = createVolunteerRepository(db);
  const summaries = createVolunteerSummaryRepository(db);
  const placement = createVolunteerPlacement(deps.organizations);
  const { findOrganization, supervisingBureau } = placement;
  const now = deps.now ?? (() => new Date());
  const present = (row: VolunteerRow, unmasked = false) =>
    presentVolunteer(row, personalFields, unmasked);

  /** An organization the caller may assign things to; unknown and out-of-scope read alike. */
  async function requireOrganizationInScope(
    id: string,
    scope: DataScope,
    field: string,
  ): Promise<Organization> {
    const organization = await findOrganization(id);
    if (!organization || !scopeCoversOrganization(scope, organization)) {
      throw fieldProblem(field, 'volunteer.organization.out_of_scope');
    }
    return organization;
  }

  async function requireStation(id: string, scope: DataScope, field: string) {
    const organization = await findOrganization(id);
    const problem = stationProblem(organization, scope);
    if (problem || !organization) throw fieldProblem(field, problem ?? 'volunteer.station.unknown');
    return organization;
  }

  /**
   * Who manages a volunteer (see docs/adr/0012): the organization named, else the bureau that
   * supervises the station, else the caller's own organization.
   */
  async function managingOrganization(
    explicitId: string | undefined,
    station: Organization | null,
    origin: RequestOrigin,
  ): Promise<Organization> {
    if (explicitId) {
      return requireOrganizationInScope(explicitId, scopeOf(origin), 'body.organizationId');
    }
    const manager = await placement.defaultManager(station, origin);
    if (!manager) throw fieldProblem('body.stationId', 'volunteer.managing_organization.required');
    return manager;
  }

  async function requirePartnerInScope(id: string, scope: DataScope, field: string) {
    if (!(await partners.isPartnerInScope(id, scope))) {
      throw fieldProblem(field, 'volunteer.partner.unknown');
    }
  }

  async function requireVolunteer(id: string, scope: DataScope): Promise<VolunteerRow> {
    const volunteer = await repository.findVolunteer(id, scope);
    if (!volunteer) throw new NotFoundError('volunteer', id);
    return volunteer;
  }

  async function refusePhoneTaken(organizationId: string, phoneIndex: string, exceptId?: string) {
    const other = await repository.findVolunteerByPhone(organizationId, phoneIndex);
    if (other && other.id !== exceptId) throw new ConflictError('volunteer.phone_taken');
  }

  /** Where a shift was served: the station named (checked), else the volunteer's own. */
  async function placeOfService(
    volunteer: VolunteerRow,
    stationId: string | null | undefined,
    scope: DataScope,
  ): Promise<ServicePlace> {
    if (stationId === undefined) {
      return {
        stationId: volunteer.stationId,
        organizationId: volunteer.stationId ?? volunteer.organizationId,
        divisionCode: volunteer.stationDivisionCode ?? volunteer.divisionCode,
      };
    }
    if (stationId === null) {
      return {
        stationId: null,
        organizationId: volunteer.organizationId,
        divisionCode: volunteer.divisionCode,
      };
    }
    const station = await requireStation(stationId, scope, 'body.stationId');
    return {
      stationId: station.id,
      organizationId: station.id,
      divisionCode: station.divisionCode,
    };
  }

  function today(): string {
    return todayInShanghai(now());
  }

  async function createVolunteer(
    input: NewVolunteer,
    origin: RequestOrigin = systemOrigin,
  ): Promise<Volunteer> {
    const volunteer = parseBody(newVolunteerSchema, input);
    const scope = scopeOf(origin);
    const station = volunteer.stationId
      ? await requireStation(volunteer.stationId, scope, 'body.stationId')
      : null;
    const organization = await managingOrganization(volunteer.organizationId, station, origin);
    if (volunteer.partnerId) {
      await requirePartnerInScope(volunteer.partnerId, scope, 'body.partnerId');
    }
    const phone = personalFields.seal('phone', volunteer.phone);
    if (phone.index) await refusePhoneTaken(organization.id, phone.index);
    const id = await writer.write(origin, async ({ tx, audit }) => {
      const insertedId = await createVolunteerRepository(tx).insertVolunteer({
        kind: volunteer.kind,
        name: volunteer.name,
        organizationId: organization.id,
        divisionCode: organization.divisionCode,
        stationId: station?.id ?? null,
        recruitedByPartnerId: volunteer.partnerId,
        phoneCipher: phone.cipher,
        phoneIndex: phone.index,
        skills: volunteer.skills,
        languages: volunteer.languages,
        availability: volunteer.availability,
        joinedOn: volunteer.joinedOn,
        status: volunteer.status,
        notes: volunteer.notes,
      });
      audit({
        action: 'volunteer.create',
        objectType: 'volunteer',
        objectId: insertedId,
        detail: { kind: volunteer.kind, stationId: station?.id ?? null },
      });
      return insertedId;
    });
    return present(await requireVolunteer(id, { level: 'all' }));
  }

  /** The database columns an edit changes, after checking each against the caller's scope. */
  async function volunteerChanges(
    current: VolunteerRow,
    edits: Omit<VolunteerUpdate, 'version'>,
    origin: RequestOrigin,
  ) {
    const scope = scopeOf(origin);
    const { stationId, organizationId, partnerId, phone, ...plain } = edits;
    const columns: Partial<typeof volunteers.$inferInsert> = { ...plain };
    let station: Organization | null | undefined;
    if (stationId !== undefined && stationId !== current.stationId) {
      station = stationId ? await requireStation(stationId, scope, 'body.stationId') : null;
      columns.stationId = stationId;
    }
    // A move to a station under another bureau moves the management with it, unless named.
    const bureau = station ? await supervisingBureau(station) : undefined;
    const managing =
      organizationId !== undefined && organizationId !== current.organizationId
        ? await requireOrganizationInScope(organizationId, scope, 'body.organizationId')
        : organizationId === undefined &&
            bureau &&
            bureau.id !== current.organizationId &&
            scopeCoversOrganization(scope, bureau)
          ? bureau
          : undefined;
    if (managing) {
      columns.organizationId = managing.id;
      columns.divisionCode = managing.divisionCode;
    }
    if (partnerId !== undefined && partnerId !== current.partnerId) {
      if (partnerId) await requirePartnerInScope(partnerId, scope, 'body.partnerId');
      columns.recruitedByPartnerId = partnerId;
    }
    if (phone !== undefined) {
      const sealed = personalFields.seal('phone', phone);
      if (sealed.index)
        await refusePhoneTaken(managing?.id ?? current.organizationId, sealed.index, current.id);
      columns.phoneCipher = sealed.cipher;
      columns.phoneIndex = sealed.index;
    }
    return columns;
  }

  /**
   * Logs shifts of one volunteer in one transaction with one audit row (a sign-in sheet, the demo
   * seed); each entry obeys the rules of a single one, and a day's entries add up to 24 at most.
   */
  async function logHoursEntries(
    volunteerId: string,
    inputs: NewServiceHours[],
    origin: RequestOrigin = systemOrigin,
  ): Promise<ServiceHoursEntry[]> {
    const entries = inputs.map((input) => parseBody(newServiceHoursSchema, input));
    const scope = scopeOf(origin);
    const volunteer = await requireVolunteer(volunteerId, scope);
    const lastDay = today();
    const perDay = new Map<string, number>();
    const rows: Array<typeof volunteerServiceHours.$inferInsert & { hours: number }> = [];
    const places: ServicePlace[] = [];
    for (const entry of entries) {
      if (entry.servedOn > lastDay) throw fieldProblem('body.servedOn', 'volunteer_hours.future');
      const place = await placeOfService(volunteer, entry.stationId, scope);
      const stationId = place.stationId;
      const logged =
        perDay.get(entry.servedOn) ?? (await repository.hoursOnDay(volunteerId, entry.servedOn));
      if (logged + entry.hours > 24) {
        throw fieldProblem('body.hours', 'volunteer_hours.day_total', { logged });
      }
      perDay.set(entry.servedOn, logged + entry.hours);
      rows.push({
        volunteerId,
        stationId,
        servedOn: entry.servedOn,
        hours: entry.hours,
        activity: entry.activity,
        recordedBy: origin.actor?.accountId ?? null,
      });
      places.push(place);
    }
    if (rows.length === 0) return [];
    const ids = await writer.write(origin, async ({ tx, audit, recordEvent }) => {
      const insertedIds = await createVolunteerRepository(tx).insertHours(rows);
      rows.forEach((row, index) =>
        recordEvent(volunteerServiceEvent(row, places[index]!, insertedIds[index]!)),
      );
      audit({
        action: 'volunteer.hours.create',
        objectType: 'volunteer',
        objectId: volunteerId,
        detail: {
          entries: rows.map((row, index) => ({
            entryId: insertedIds[index],
            servedOn: row.servedOn,
            hours: row.hours,
          })),
        },
      });
      return insertedIds;
    });
    return repository.findHoursByIds(volunteerId, ids);
  }

  /** Adds records of one volunteer in one transaction with one audit row. */
  async function addRecords(
    volunteerId: string,
    inputs: NewVolunteerRecord[],
    origin: RequestOrigin = systemOrigin,
  ): Promise<VolunteerRecord[]> {
    const records = inputs.map((input) => parseBody(newVolunteerRecordSchema, input));
    await requireVolunteer(volunteerId, scopeOf(origin));
    for (const record of records) {
      if (record.validTo && record.validTo < record.recordedOn) {
        throw fieldProblem('body.validTo', 'volunteer_record.valid_to_before');
      }
      if (record.kind === 'insurance' && !record.validTo) {
        throw fieldProblem('body.validTo', 'volunteer_record.insurance_valid_to');
      }
      if (record.hours !== null && record.kind !== 'training') {
        throw fieldProblem('body.hours', 'volunteer_record.hours_training_only');
      }
    }
    if (records.length === 0) return [];
    const ids = await writer.write(origin, async ({ tx, audit }) => {
      const insertedIds = await createVolunteerRepository(tx).insertRecords(
        records.map((record) => ({ volunteerId, ...record })),
      );
      audit({
        action: 'volunteer.record.create',
        objectType: 'volunteer',
        objectId: volunteerId,
        detail: {
          records: records.map((record, index) => ({
            recordId: insertedIds[index],
            kind: record.kind,
          })),
        },
      });
      return insertedIds;
    });
    return repository.findRecordsByIds(volunteerId, ids);
  }

  return {
    /** The database side of the Excel import and export (volunteers.spreadsheet.ts). */
    spreadsheetStore: createVolunteerSheetStore(db, writer),

    createVolunteer,

    async updateVolunteer(
      id: string,
      patch: VolunteerUpdate,
      origin: RequestOrigin,
    ): Promise<Volunteer> {
      const current = await requireVolunteer(id, scopeOf(origin));
      const { version, ...edits } = patch;
      const columns = await volunteerChanges(current, edits, origin);
      await writer.write(origin, async ({ tx, audit }) => {
        await requireCurrentVersion(
          createVolunteerRepository(tx).updateVolunteer(id, version, columns),
          'volunteer',
          version,
        );
        audit({
          action: 'volunteer.update',
          objectType: 'volunteer',
          objectId: id,
          detail: { fields: changedFields(current, edits) },
        });
      });
      return present(await requireVolunteer(id, { level: 'all' }));
    },

    /** One volunteer; the full phone needs `personal_data.unmask`, and every unmasking is audited. */
    async getVolunteer(id: string, unmask: boolean, origin: RequestOrigin): Promise<Volunteer> {
      const volunteer = await requireVolunteer(id, scopeOf(origin));
      if (unmask) {
        await personalFields.authorizeUnmask({
          origin,
          objectType: 'volunteer',
          objectId: id,
          fields: ['phone'],
        });
      }
      return present(volunteer, unmask);
    },

    async listVolunteers(query: ListVolunteersQuery, actor: Actor): Promise<Page<Volunteer>> {
      const phoneIndex = personalFields.phoneIndexOfQuery(query.q);
      const { rows, total } = await repository.listVolunteers(query, actor.scope, phoneIndex);
      return {
        items: rows.map((row) => present(row)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** Logs one shift or activity: not in the future, at most 24 hours a day, a station in scope. */
    async logHours(
      volunteerId: string,
      input: NewServiceHours,
      origin: RequestOrigin = systemOrigin,
    ): Promise<ServiceHoursEntry> {
      const [entry] = await logHoursEntries(volunteerId, [input], origin);
      return entry as ServiceHoursEntry;
    },

    logHoursEntries,

    async listHours(volunteerId: string, actor: Actor): Promise<ServiceHoursList> {
      const volunteer = await requireVolunteer(volunteerId, actor.scope);
      return { items: await repository.listHours(volunteerId), hoursTotal: volunteer.hoursTotal };
    },

    /** Removes hours logged in error; the audit row keeps what was removed. */
    async deleteHours(volunteerId: string, entryId: string, origin: RequestOrigin): Promise<void> {
      await requireVolunteer(volunteerId, scopeOf(origin));
      const entry = await repository.findHours(volunteerId, entryId);
      if (!entry) throw new NotFoundError('service_hours', entryId);
      await writer.write(origin, async ({ tx, audit, voidEvents }) => {
        if (!(await createVolunteerRepository(tx).deleteHours(volunteerId, entryId))) {
          throw new NotFoundError('service_hours', entryId);
        }
        voidEvents({ type: HOURS_SOURCE, id: entryId });
        audit({
          action: 'volunteer.hours.delete',
          objectType: 'volunteer',
          objectId: volunteerId,
          detail: { entryId, servedOn: entry.servedOn, hours: entry.hours },
        });
      });
    },

    async addRecord(
      volunteerId: string,
      input: NewVolunteerRecord,
      origin: RequestOrigin = systemOrigin,
    ): Promise<VolunteerRecord> {
      const [record] = await addRecords(volunteerId, [input], origin);
      return record as VolunteerRecord;
    },

    addRecords,

    async listRecords(
      volunteerId: string,
      kind: VolunteerRecordKind | undefined,
      actor: Actor,
    ): Promise<VolunteerRecord[]> {
      await requireVolunteer(volunteerId, actor.scope);
      return repository.listRecords(volunteerId, kind);
    },

    /** Removes a record made in error; the audit row says which kind and when it was dated. */
    async deleteRecord(
      volunteerId: string,
      recordId: string,
      origin: RequestOrigin,
    ): Promise<void> {
      await requireVolunteer(volunteerId, scopeOf(origin));
      const record = await repository.findRecord(volunteerId, recordId);
      if (!record) throw new NotFoundError('volunteer_record', recordId);
      await writer.write(origin, async ({ tx, audit }) => {
        if (!(await createVolunteerRepository(tx).deleteRecord(volunteerId, recordId))) {
          throw new NotFoundError('volunteer_record', recordId);
        }
        audit({
          action: 'volunteer.record.delete',
          objectType: 'volunteer',
          objectId: volunteerId,
          detail: { recordId, kind: record.kind, recordedOn: record.recordedOn },
        });
      });
    },

    summarize: (query: VolunteerSummaryQuery, actor: Actor) =>
      summarizeVolunteers(summaries, query, actor.scope, today()),
  };
}

export type VolunteerService = ReturnType<typeof createVolunteerService>;
