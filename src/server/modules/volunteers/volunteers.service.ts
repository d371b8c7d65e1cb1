import { scopeCoversOrganization } from '../../platform/access/scope.js';
import type { z } from 'zod';
import type { Page } from '../../../contracts/common.js';
import type { Organization } from '../../../contracts/organizations.js';
import { maskPhone } from '../../../contracts/personal-data.js';
import type { VolunteerKind, VolunteerStatus } from '../../../contracts/values.js';
import { volunteerKinds, volunteerStatuses } from '../../../contracts/values.js';
import {
  newPartnerAgreementSchema,
  newPartnerSchema,
  newServiceHoursSchema,
  newVolunteerRecordSchema,
  newVolunteerSchema,
  type ListPartnersQuery,
  type ListVolunteersQuery,
  type NewPartner,
  type NewPartnerAgreement,
  type NewServiceHours,
  type NewVolunteer,
  type NewVolunteerRecord,
  type Partner,
  type PartnerAgreement,
  type PartnerUpdate,
  type ServiceHoursEntry,
  type ServiceHoursList,
  type Volunteer,
  type VolunteerRecord,
  type VolunteerRecordKind,
  type VolunteerSummary,
  type VolunteerSummaryQuery,
  type VolunteerUpdate,
} from '../../../contracts/volunteers.js';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import { ForbiddenError } from '../../platform/access/route-access.js';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import type { Database } from '../../platform/db/client.js';
import {
  ConflictError,
  InputError,
  NotFoundError,
  StaleVersionError,
} from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/time.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import {
  createVolunteerRepository,
  type PartnerRow,
  type VolunteerRow,
} from './volunteers.repository.js';
import type { volunteerServiceHours, volunteers } from './volunteers.tables.js';
import { createVolunteerPlacement, scopeOf, stationProblem } from './volunteers.placement.js';
import { createVolunteerSheetStore } from './volunteers.spreadsheet.store.js';

/** How far ahead the summary warns that insurance cover ends. */
export const INSURANCE_WARNING_DAYS = 30;

const systemOrigin: RequestOrigin = { actor: null, ip: null };

export interface VolunteerServiceDependencies {
  db: Database;
  audit: Pick<AuditService, 'record'>;
  cipher: PersonalDataCipher;
  organizations: Pick<OrganizationService, 'getOrganization'>;
  /** The clock for "today" (no future service dates, this year's hours); fixed in tests. */
  now?: () => Date;
}

function fieldProblem(field: string, message: string, params?: Record<string, string | number>) {
  return new InputError([{ field, message, ...(params ? { params } : {}) }]);
}

/** Validates what callers other than routes (seed, import) pass, naming fields as a route would. */
function parseBody<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      field: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A volunteer as the API answers: the phone decrypted, then masked unless `unmasked`. */
export function presentVolunteer(
  row: VolunteerRow,
  cipher: PersonalDataCipher,
  unmasked = false,
): Volunteer {
  const { phoneCipher, ...rest } = row;
  const phone = phoneCipher ? cipher.decrypt(phoneCipher) : null;
  return {
    ...rest,
    phone: phone && (unmasked ? phone : maskPhone(phone)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentPartner(row: PartnerRow): Partner {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export function createVolunteerService(deps: VolunteerServiceDependencies) {
  const { db, audit, cipher } = deps;
  const repository = createVolunteerRepository(db);
  const placement = createVolunteerPlacement(deps.organizations);
  const { findOrganization, supervisingBureau } = placement;
  const now = deps.now ?? (() => new Date());
  const present = (row: VolunteerRow, unmasked = false) => presentVolunteer(row, cipher, unmasked);

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
    const partner = await repository.findPartner(id, scope);
    if (!partner) throw fieldProblem(field, 'volunteer.partner.unknown');
    return partner;
  }

  async function requireVolunteer(id: string, scope: DataScope): Promise<VolunteerRow> {
    const volunteer = await repository.findVolunteer(id, scope);
    if (!volunteer) throw new NotFoundError('volunteer', id);
    return volunteer;
  }

  async function requirePartner(id: string, scope: DataScope): Promise<PartnerRow> {
    const partner = await repository.findPartner(id, scope);
    if (!partner) throw new NotFoundError('partner', id);
    return partner;
  }

  async function refusePhoneTaken(organizationId: string, phoneIndex: string, exceptId?: string) {
    const other = await repository.findVolunteerByPhone(organizationId, phoneIndex);
    if (other && other.id !== exceptId) throw new ConflictError('volunteer.phone_taken');
  }

  /** Records an unmasking (or a refused one); throws when the caller may not unmask. */
  async function auditUnmask(origin: RequestOrigin, objectType: string, objectId: string) {
    const allowed = origin.actor?.permissions.has('personal_data.unmask') ?? false;
    await audit.record({
      origin,
      action: 'personal_data.unmask',
      objectType,
      objectId,
      outcome: allowed ? 'success' : 'denied',
      ...(allowed ? { detail: { fields: ['phone'] } } : {}),
    });
    if (!allowed) throw new ForbiddenError('error.unmask_forbidden');
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
    const phoneIndex = volunteer.phone ? cipher.blindIndex(volunteer.phone) : null;
    if (phoneIndex) await refusePhoneTaken(organization.id, phoneIndex);
    const id = await db.transaction(async (tx) => {
      const insertedId = await createVolunteerRepository(tx).insertVolunteer({
        kind: volunteer.kind,
        name: volunteer.name,
        organizationId: organization.id,
        divisionCode: organization.divisionCode,
        stationId: station?.id ?? null,
        recruitedByPartnerId: volunteer.partnerId,
        phoneCipher: volunteer.phone ? cipher.encrypt(volunteer.phone) : null,
        phoneIndex,
        skills: volunteer.skills,
        languages: volunteer.languages,
        availability: volunteer.availability,
        joinedOn: volunteer.joinedOn,
        status: volunteer.status,
        notes: volunteer.notes,
      });
      await audit.record(
        {
          origin,
          action: 'volunteer.create',
          objectType: 'volunteer',
          objectId: insertedId,
          outcome: 'success',
          detail: { kind: volunteer.kind, stationId: station?.id ?? null },
        },
        tx,
      );
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
      const phoneIndex = phone ? cipher.blindIndex(phone) : null;
      if (phoneIndex)
        await refusePhoneTaken(managing?.id ?? current.organizationId, phoneIndex, current.id);
      columns.phoneCipher = phone ? cipher.encrypt(phone) : null;
      columns.phoneIndex = phoneIndex;
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
    for (const entry of entries) {
      if (entry.servedOn > lastDay) throw fieldProblem('body.servedOn', 'volunteer_hours.future');
      const stationId =
        entry.stationId === undefined
          ? volunteer.stationId
          : entry.stationId && (await requireStation(entry.stationId, scope, 'body.stationId')).id;
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
    }
    if (rows.length === 0) return [];
    const ids = await db.transaction(async (tx) => {
      const insertedIds = await createVolunteerRepository(tx).insertHours(rows);
      await audit.record(
        {
          origin,
          action: 'volunteer.hours.create',
          objectType: 'volunteer',
          objectId: volunteerId,
          outcome: 'success',
          detail: {
            entries: rows.map((row, index) => ({
              entryId: insertedIds[index],
              servedOn: row.servedOn,
              hours: row.hours,
            })),
          },
        },
        tx,
      );
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
    const ids = await db.transaction(async (tx) => {
      const insertedIds = await createVolunteerRepository(tx).insertRecords(
        records.map((record) => ({ volunteerId, ...record })),
      );
      await audit.record(
        {
          origin,
          action: 'volunteer.record.create',
          objectType: 'volunteer',
          objectId: volunteerId,
          outcome: 'success',
          detail: {
            records: records.map((record, index) => ({
              recordId: insertedIds[index],
              kind: record.kind,
            })),
          },
        },
        tx,
      );
      return insertedIds;
    });
    return repository.findRecordsByIds(volunteerId, ids);
  }

  return {
    /** The database side of the Excel import and export (volunteers.spreadsheet.ts). */
    spreadsheetStore: createVolunteerSheetStore(db, audit),

    createVolunteer,

    async updateVolunteer(
      id: string,
      patch: VolunteerUpdate,
      origin: RequestOrigin,
    ): Promise<Volunteer> {
      const current = await requireVolunteer(id, scopeOf(origin));
      const { version, ...edits } = patch;
      const columns = await volunteerChanges(current, edits, origin);
      await db.transaction(async (tx) => {
        if (!(await createVolunteerRepository(tx).updateVolunteer(id, version, columns))) {
          throw new StaleVersionError('volunteer', version);
        }
        await audit.record(
          {
            origin,
            action: 'volunteer.update',
            objectType: 'volunteer',
            objectId: id,
            outcome: 'success',
            detail: { fields: Object.keys(edits) },
          },
          tx,
        );
      });
      return present(await requireVolunteer(id, { level: 'all' }));
    },

    /** One volunteer; the full phone needs `personal_data.unmask`, and every unmasking is audited. */
    async getVolunteer(id: string, unmask: boolean, origin: RequestOrigin): Promise<Volunteer> {
      const volunteer = await requireVolunteer(id, scopeOf(origin));
      if (unmask) await auditUnmask(origin, 'volunteer', id);
      return present(volunteer, unmask);
    },

    async listVolunteers(query: ListVolunteersQuery, actor: Actor): Promise<Page<Volunteer>> {
      const phoneIndex =
        query.q && /^1[3-9]\d{9}$/.test(query.q) ? cipher.blindIndex(query.q) : null;
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
      await db.transaction(async (tx) => {
        if (!(await createVolunteerRepository(tx).deleteHours(volunteerId, entryId))) {
          throw new NotFoundError('service_hours', entryId);
        }
        await audit.record(
          {
            origin,
            action: 'volunteer.hours.delete',
            objectType: 'volunteer',
            objectId: volunteerId,
            outcome: 'success',
            detail: { entryId, servedOn: entry.servedOn, hours: entry.hours },
          },
          tx,
        );
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
      await db.transaction(async (tx) => {
        if (!(await createVolunteerRepository(tx).deleteRecord(volunteerId, recordId))) {
          throw new NotFoundError('volunteer_record', recordId);
        }
        await audit.record(
          {
            origin,
            action: 'volunteer.record.delete',
            objectType: 'volunteer',
            objectId: volunteerId,
            outcome: 'success',
            detail: { recordId, kind: record.kind, recordedOn: record.recordedOn },
          },
          tx,
        );
      });
    },

    /** Counts, this year's hours by station and insurance about to end, within the caller's scope. */
    async summarize(query: VolunteerSummaryQuery, actor: Actor): Promise<VolunteerSummary> {
      const filter = { scope: actor.scope, division: query.division };
      const day = today();
      const year = Number(day.slice(0, 4));
      const [counts, stations, ending, activeUninsured] = await Promise.all([
        repository.countByKindAndStatus(filter),
        repository.hoursByStation(filter, `${year}-01-01`, day),
        repository.insuranceEnding(filter, day, addDays(day, INSURANCE_WARNING_DAYS)),
        repository.countActiveUninsured(filter, day),
      ]);
      const byKind = Object.fromEntries(volunteerKinds.map((kind) => [kind, 0])) as Record<
        VolunteerKind,
        number
      >;
      const byStatus = Object.fromEntries(volunteerStatuses.map((status) => [status, 0])) as Record<
        VolunteerStatus,
        number
      >;
      for (const row of counts) {
        byKind[row.kind] += row.count;
        byStatus[row.status] += row.count;
      }
      return {
        total: counts.reduce((sum, row) => sum + row.count, 0),
        byKind,
        byStatus,
        year,
        hoursThisYear: Math.round(stations.reduce((sum, row) => sum + row.hours, 0) * 10) / 10,
        stations,
        activeUninsured,
        insuranceExpiring: ending.map((row) => ({
          ...row,
          daysLeft: daysBetween(day, row.validTo),
        })),
      };
    },

    async createPartner(input: NewPartner, origin: RequestOrigin = systemOrigin): Promise<Partner> {
      const partner = parseBody(newPartnerSchema, input);
      const scope = scopeOf(origin);
      const ownerId = partner.organizationId ?? origin.actor?.organizationId;
      if (!ownerId)
        throw fieldProblem('body.organizationId', 'volunteer.managing_organization.required');
      const owner = await requireOrganizationInScope(ownerId, scope, 'body.organizationId');
      if (partner.linkedOrganizationId && !(await findOrganization(partner.linkedOrganizationId))) {
        throw fieldProblem('body.linkedOrganizationId', 'organization.unknown');
      }
      if (await repository.findPartnerByName(owner.id, partner.name)) {
        throw new ConflictError('partner.name_taken');
      }
      const id = await db.transaction(async (tx) => {
        const insertedId = await createVolunteerRepository(tx).insertPartner({
          kind: partner.kind,
          name: partner.name,
          organizationId: owner.id,
          divisionCode: owner.divisionCode,
          linkedOrganizationId: partner.linkedOrganizationId,
          contactName: partner.contactName,
          contactPhone: partner.contactPhone,
        });
        await audit.record(
          {
            origin,
            action: 'partner.create',
            objectType: 'partner',
            objectId: insertedId,
            outcome: 'success',
            detail: { kind: partner.kind },
          },
          tx,
        );
        return insertedId;
      });
      return presentPartner(await requirePartner(id, { level: 'all' }));
    },

    async updatePartner(id: string, patch: PartnerUpdate, origin: RequestOrigin): Promise<Partner> {
      const current = await requirePartner(id, scopeOf(origin));
      const { version, ...edits } = patch;
      if (edits.linkedOrganizationId && !(await findOrganization(edits.linkedOrganizationId))) {
        throw fieldProblem('body.linkedOrganizationId', 'organization.unknown');
      }
      if (edits.name && edits.name !== current.name) {
        const sameName = await repository.findPartnerByName(current.organizationId, edits.name);
        if (sameName && sameName.id !== id) throw new ConflictError('partner.name_taken');
      }
      await db.transaction(async (tx) => {
        if (!(await createVolunteerRepository(tx).updatePartner(id, version, edits))) {
          throw new StaleVersionError('partner', version);
        }
        await audit.record(
          {
            origin,
            action: 'partner.update',
            objectType: 'partner',
            objectId: id,
            outcome: 'success',
            detail: { fields: Object.keys(edits) },
          },
          tx,
        );
      });
      return presentPartner(await requirePartner(id, { level: 'all' }));
    },

    async getPartner(id: string, actor: Actor): Promise<Partner> {
      return presentPartner(await requirePartner(id, actor.scope));
    },

    async listPartners(query: ListPartnersQuery, actor: Actor): Promise<Page<Partner>> {
      const { rows, total } = await repository.listPartners(query, actor.scope);
      return { items: rows.map(presentPartner), total, limit: query.limit, offset: query.offset };
    },

    async addAgreement(
      partnerId: string,
      input: NewPartnerAgreement,
      origin: RequestOrigin = systemOrigin,
    ): Promise<PartnerAgreement> {
      const agreement = parseBody(newPartnerAgreementSchema, input);
      const scope = scopeOf(origin);
      await requirePartner(partnerId, scope);
      if (agreement.validTo && agreement.validTo < agreement.validFrom) {
        throw fieldProblem('body.validTo', 'partner_agreement.valid_to_before');
      }
      if (agreement.stationId) await requireStation(agreement.stationId, scope, 'body.stationId');
      const id = await db.transaction(async (tx) => {
        const insertedId = await createVolunteerRepository(tx).insertAgreement({
          partnerId,
          ...agreement,
        });
        await audit.record(
          {
            origin,
            action: 'partner.agreement.create',
            objectType: 'partner',
            objectId: partnerId,
            outcome: 'success',
            detail: { agreementId: insertedId, stationId: agreement.stationId },
          },
          tx,
        );
        return insertedId;
      });
      return (await repository.findAgreement(id)) as PartnerAgreement;
    },

    async listAgreements(partnerId: string, actor: Actor): Promise<PartnerAgreement[]> {
      await requirePartner(partnerId, actor.scope);
      return repository.listAgreements(partnerId);
    },
  };
}

export type VolunteerService = ReturnType<typeof createVolunteerService>;
