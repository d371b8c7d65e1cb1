import { parseBody } from '../../platform/input.js';
import type { SignedInOrigin } from '../../platform/access/actor.js';
import { scopeCoversOrganization } from '../../platform/access/scope.js';
import type { Page } from '../../../contracts/common.js';
import type { Organization } from '../../../contracts/organizations.js';
import type {
  LinkAccount,
  ListPractitionersQuery,
  NewPractitioner,
  NewPractitionerMove,
  Practitioner,
  PractitionerFilters,
  PractitionerMove,
  PractitionerUpdate,
} from '../../../contracts/practitioners.js';
import { newPractitionerSchema } from '../../../contracts/practitioners.js';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { Database } from '../../platform/db/client.js';
import { InputError, NotFoundError } from '../../platform/errors.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import { changedFields, requireCurrentVersion, type Writer } from '../../platform/writes/writes.js';
import { createFileRepository } from '../../platform/files/files.repository.js';
import { todayInShanghai } from '../../platform/time.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import {
  createPractitionerRepository,
  type NewPractitionerRow,
  type PractitionerRecord,
} from './practitioners.repository.js';
import { createPractitionerSheetStore } from './practitioners.spreadsheet.store.js';
import {
  AccountTakenError,
  bodyFields,
  licenceFactProblems,
  LicenceNumberTakenError,
  phoneColumnsOf,
  presentPractitioner,
  readPhotoUpload,
  practitionerConflicts,
  searchWithPhoneIndex,
  type PhotoContent,
  type PhotoUpload,
} from './practitioners.rules.js';
import { scopeOf, systemOrigin } from '../../platform/access/scope.js';

export interface PractitionerServiceDependencies {
  db: Database;
  writer: Writer;
  personalFields: PersonalFields;
  organizations: Pick<OrganizationService, 'getOrganization' | 'findByNamesInScope'>;
  identity: Pick<IdentityService, 'getAccount'>;
  /** The clock for "not in the future" checks; a fixed one in tests. */
  now?: () => Date;
}

export function createPractitionerService(deps: PractitionerServiceDependencies) {
  const { db, writer, personalFields, organizations, identity } = deps;
  const repository = createPractitionerRepository(db);
  const now = deps.now ?? (() => new Date());
  const today = () => todayInShanghai(now());

  const present = (record: PractitionerRecord, unmasked = false) =>
    presentPractitioner(record, personalFields, unmasked);
  const phoneColumns = (phone: string | null) => phoneColumnsOf(personalFields, phone);
  const searchOf = (filters: PractitionerFilters) => searchWithPhoneIndex(personalFields, filters);

  async function requirePractitioner(id: string, scope: DataScope): Promise<PractitionerRecord> {
    const record = await repository.findById(id, scope);
    if (!record) throw new NotFoundError('practitioner', id);
    return record;
  }

  /** An organization the user may place people in; unknown and out of reach read the same. */
  async function requireOrganizationInScope(
    id: string,
    scope: DataScope,
    field: string,
  ): Promise<Organization> {
    const organization = await organizations.getOrganization(id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (!organization || !scopeCoversOrganization(scope, organization)) {
      throw new InputError([{ field, message: 'organization.unknown' }]);
    }
    if (organization.status === 'closed') {
      throw new InputError([{ field, message: 'practitioner.organization.closed' }]);
    }
    return organization;
  }

  async function requireLicenceNumberFree(licenceNumber: string | null, exceptId?: string) {
    if (!licenceNumber) return;
    const holder = await repository.findByLicenceNumber(licenceNumber);
    if (holder && holder.id !== exceptId) throw new LicenceNumberTakenError();
  }

  function requireNotFuture(date: string, field: string) {
    if (date > today()) throw new InputError([{ field, message: 'practitioner.date.future' }]);
  }

  return {
    /** The database side of the Excel import and export (practitioners.spreadsheet.ts). */
    spreadsheetStore: createPractitionerSheetStore(db, writer),

    async listPractitioners(
      query: ListPractitionersQuery,
      actor: Actor,
    ): Promise<Page<Practitioner>> {
      const { limit, offset, ...filters } = query;
      const page = await repository.list(searchOf(filters), { limit, offset }, actor.scope);
      return { ...page, items: page.items.map((record) => present(record)) };
    },

    /** Reads one; the clear phone needs `personal_data.unmask`, and every unmasking is audited. */
    async getPractitioner(
      id: string,
      unmask: boolean,
      origin: SignedInOrigin,
    ): Promise<Practitioner> {
      const record = await requirePractitioner(id, origin.actor.scope);
      if (unmask) {
        await personalFields.authorizeUnmask({
          origin,
          objectType: 'practitioner',
          objectId: id,
          fields: ['phone'],
        });
      }
      return present(record, unmask);
    },

    /**
     * Adds a practitioner to an organization in the user's jurisdiction; the division is the
     * organization's, and the joining is the first entry of the move history.
     */
    async createPractitioner(
      input: NewPractitioner,
      origin: RequestOrigin = systemOrigin,
    ): Promise<Practitioner> {
      const data = parseBody(newPractitionerSchema, input);
      const { joinedOn, phone, ...facts } = data;
      const problems = licenceFactProblems(facts, today());
      if (problems.length > 0) throw new InputError(bodyFields(problems));
      const movedOn = joinedOn ?? today();
      requireNotFuture(movedOn, 'body.joinedOn');
      const organization = await requireOrganizationInScope(
        facts.organizationId,
        scopeOf(origin),
        'body.organizationId',
      );
      await requireLicenceNumberFree(facts.licenceNumber);
      const id = await writer.write(
        origin,
        async ({ tx, audit }) => {
          const txRepository = createPractitionerRepository(tx);
          const insertedId = await txRepository.insert({
            ...facts,
            divisionCode: organization.divisionCode,
            ...phoneColumns(phone),
          });
          await txRepository.insertMove({
            practitionerId: insertedId,
            fromOrganizationId: null,
            toOrganizationId: organization.id,
            movedOn,
            recordedBy: origin.actor?.accountId ?? null,
          });
          audit({
            action: 'practitioner.create',
            objectType: 'practitioner',
            objectId: insertedId,
            detail: {
              kind: facts.kind,
              licenceType: facts.licenceType,
              organizationId: organization.id,
              divisionCode: organization.divisionCode,
            },
          });
          return insertedId;
        },
        { conflicts: practitionerConflicts },
      );
      return present((await repository.findById(id))!);
    },

    /** A staff edit within the editor's jurisdiction; a stale version is refused, never merged. */
    async updatePractitioner(
      id: string,
      patch: PractitionerUpdate,
      origin: RequestOrigin,
    ): Promise<Practitioner> {
      const current = await requirePractitioner(id, scopeOf(origin));
      const { version, phone, ...edits } = patch;
      const problems = licenceFactProblems({ ...current, ...edits }, today());
      if (problems.length > 0) throw new InputError(bodyFields(problems));
      if (edits.licenceNumber !== undefined && edits.licenceNumber !== current.licenceNumber) {
        await requireLicenceNumberFree(edits.licenceNumber, id);
      }
      const row: Partial<NewPractitionerRow> = {
        ...edits,
        ...(phone !== undefined ? phoneColumns(phone) : {}),
      };
      await writer.write(
        origin,
        async ({ tx, audit }) => {
          await requireCurrentVersion(
            createPractitionerRepository(tx).update(id, version, row),
            'practitioner',
            version,
          );
          audit({
            action: 'practitioner.update',
            objectType: 'practitioner',
            objectId: id,
            detail: { fields: changedFields(current, patch) },
          });
        },
        { conflicts: practitionerConflicts },
      );
      return present((await repository.findById(id))!);
    },

    /** Moves a practitioner to another organization of the jurisdiction, keeping the history. */
    async movePractitioner(
      id: string,
      move: NewPractitionerMove,
      origin: RequestOrigin,
    ): Promise<Practitioner> {
      const scope = scopeOf(origin);
      const current = await requirePractitioner(id, scope);
      if (move.toOrganizationId === current.organizationId) {
        throw new InputError([
          { field: 'body.toOrganizationId', message: 'practitioner.move.same_organization' },
        ]);
      }
      requireNotFuture(move.movedOn, 'body.movedOn');
      const previous = await repository.latestMoveDate(id);
      if (previous && move.movedOn < previous) {
        throw new InputError([
          {
            field: 'body.movedOn',
            message: 'practitioner.move.before_previous',
            params: { date: previous },
          },
        ]);
      }
      const target = await requireOrganizationInScope(
        move.toOrganizationId,
        scope,
        'body.toOrganizationId',
      );
      await writer.write(origin, async ({ tx, audit }) => {
        const txRepository = createPractitionerRepository(tx);
        const moved = await txRepository.update(id, move.version, {
          organizationId: target.id,
          divisionCode: target.divisionCode,
        });
        await requireCurrentVersion(moved, 'practitioner', move.version);
        await txRepository.insertMove({
          practitionerId: id,
          fromOrganizationId: current.organizationId,
          toOrganizationId: target.id,
          movedOn: move.movedOn,
          note: move.note,
          recordedBy: origin.actor?.accountId ?? null,
        });
        audit({
          action: 'practitioner.move',
          objectType: 'practitioner',
          objectId: id,
          detail: {
            fromOrganizationId: current.organizationId,
            toOrganizationId: target.id,
            movedOn: move.movedOn,
          },
        });
      });
      return present((await repository.findById(id))!);
    },

    /** Replaces the photo; the old image is deleted, as nothing else shows it. */
    async setPhoto(id: string, upload: PhotoUpload, origin: RequestOrigin): Promise<Practitioner> {
      await requirePractitioner(id, scopeOf(origin));
      const { contentType, bytes } = readPhotoUpload(upload);
      await writer.write(origin, async ({ tx, audit }) => {
        const files = createFileRepository(tx);
        const fileId = await files.insert(contentType, bytes, origin.actor?.accountId ?? null);
        const replaced = await createPractitionerRepository(tx).replacePhoto(id, fileId);
        if (replaced) await files.remove(replaced);
        audit({
          action: 'practitioner.photo.set',
          objectType: 'practitioner',
          objectId: id,
          detail: { fileId, contentType, byteSize: bytes.byteLength },
        });
      });
      return present((await repository.findById(id))!);
    },

    async removePhoto(id: string, origin: RequestOrigin): Promise<Practitioner> {
      const current = await requirePractitioner(id, scopeOf(origin));
      if (!current.photoFileId) throw new NotFoundError('practitioner_photo', id);
      await writer.write(origin, async ({ tx, audit }) => {
        const replaced = await createPractitionerRepository(tx).replacePhoto(id, null);
        if (replaced) await createFileRepository(tx).remove(replaced);
        audit({
          action: 'practitioner.photo.remove',
          objectType: 'practitioner',
          objectId: id,
        });
      });
      return present((await repository.findById(id))!);
    },

    /** The photo of a practitioner the user can see; staff only for now (see the route). */
    async getPhoto(id: string, actor: Actor): Promise<PhotoContent> {
      const record = await requirePractitioner(id, actor.scope);
      const file = record.photoFileId
        ? await createFileRepository(db).find(record.photoFileId)
        : undefined;
      if (!file) throw new NotFoundError('practitioner_photo', id);
      return { contentType: file.contentType, content: file.content, sha256: file.sha256 };
    },

    async listMoves(id: string, actor: Actor): Promise<PractitionerMove[]> {
      await requirePractitioner(id, actor.scope);
      return repository.listMoves(id);
    },

    /**
     * Links the staff account the practitioner signs in with. The account must be a staff account
     * the user can see (in their jurisdiction) and not linked to anyone else.
     */
    async linkAccount(id: string, link: LinkAccount, origin: SignedInOrigin) {
      const current = await requirePractitioner(id, origin.actor.scope);
      const account = await identity
        .getAccount(link.accountId, false, origin)
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        });
      if (!account) {
        throw new InputError([
          { field: 'body.accountId', message: 'practitioner.account.unknown' },
        ]);
      }
      if (account.kind !== 'staff') {
        throw new InputError([
          { field: 'body.accountId', message: 'practitioner.account.not_staff' },
        ]);
      }
      const holder = await repository.findByAccount(account.id);
      if (holder && holder.id !== id) throw new AccountTakenError();
      await writer.write(
        origin,
        async ({ tx, audit }) => {
          const changed = await createPractitionerRepository(tx).update(id, link.version, {
            accountId: account.id,
          });
          await requireCurrentVersion(changed, 'practitioner', link.version);
          audit({
            action: 'practitioner.account.link',
            objectType: 'practitioner',
            objectId: id,
            detail: { accountId: account.id, previousAccountId: current.accountId },
          });
        },
        { conflicts: practitionerConflicts },
      );
      return present((await repository.findById(id))!);
    },

    async unlinkAccount(
      id: string,
      version: number,
      origin: SignedInOrigin,
    ): Promise<Practitioner> {
      const current = await requirePractitioner(id, origin.actor.scope);
      await writer.write(origin, async ({ tx, audit }) => {
        const changed = await createPractitionerRepository(tx).update(id, version, {
          accountId: null,
        });
        await requireCurrentVersion(changed, 'practitioner', version);
        audit({
          action: 'practitioner.account.unlink',
          objectType: 'practitioner',
          objectId: id,
          detail: { previousAccountId: current.accountId },
        });
      });
      return present((await repository.findById(id))!);
    },
  };
}

export type PractitionerService = ReturnType<typeof createPractitionerService>;
