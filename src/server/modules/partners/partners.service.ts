import { fieldProblem, parseBody } from '../../platform/input.js';
import { scopeOf, systemOrigin } from '../../platform/access/scope.js';
import type { Page } from '../../../contracts/common.js';
import type { Organization } from '../../../contracts/organizations.js';
import {
  newPartnerAgreementSchema,
  newPartnerSchema,
  type ListPartnersQuery,
  type NewPartner,
  type NewPartnerAgreement,
  type Partner,
  type PartnerAgreement,
  type PartnerUpdate,
} from '../../../contracts/partners.js';
import { servicePointTypes } from '../../../contracts/values.js';
import type { Actor, DataScope, RequestOrigin } from '../../platform/access/actor.js';
import { scopeCoversOrganization } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/client.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { changedFields, requireCurrentVersion, type Writer } from '../../platform/writes/writes.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { createPartnerRepository, type PartnerRow } from './partners.repository.js';

export interface PartnerServiceDependencies {
  db: Database;
  writer: Writer;
  organizations: Pick<OrganizationService, 'findOrganization'>;
}

function presentPartner(row: PartnerRow): Partner {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/**
 * Partners that recruit volunteers or help run stations (the civilization office, social
 * organizations, law firms, universities) and their agreements. Owned by the organization,
 * usually a bureau, that deals with them.
 */
export function createPartnerService(deps: PartnerServiceDependencies) {
  const { db, writer, organizations } = deps;
  const repository = createPartnerRepository(db);

  const findOrganization = (id: string) => organizations.findOrganization(id);

  async function requireOwnerInScope(id: string, scope: DataScope): Promise<Organization> {
    const organization = await findOrganization(id);
    if (!organization || !scopeCoversOrganization(scope, organization)) {
      throw fieldProblem('body.organizationId', 'partner.organization.out_of_scope');
    }
    return organization;
  }

  async function requireStationInScope(id: string, scope: DataScope): Promise<void> {
    const station = await findOrganization(id);
    if (!station || !scopeCoversOrganization(scope, station)) {
      throw fieldProblem('body.stationId', 'partner_agreement.station.unknown');
    }
    if (!servicePointTypes.includes(station.type)) {
      throw fieldProblem('body.stationId', 'partner_agreement.station.type');
    }
  }

  async function requireLinkedOrganization(id: string | null | undefined): Promise<void> {
    if (id && !(await findOrganization(id))) {
      throw fieldProblem('body.linkedOrganizationId', 'organization.unknown');
    }
  }

  async function requirePartner(id: string, scope: DataScope): Promise<PartnerRow> {
    const partner = await repository.findPartner(id, scope);
    if (!partner) throw new NotFoundError('partner', id);
    return partner;
  }

  async function refuseNameTaken(organizationId: string, name: string, exceptId?: string) {
    const sameName = await repository.findPartnerByName(organizationId, name);
    if (sameName && sameName.id !== exceptId) throw new ConflictError('partner.name_taken');
  }

  return {
    async createPartner(input: NewPartner, origin: RequestOrigin = systemOrigin): Promise<Partner> {
      const partner = parseBody(newPartnerSchema, input);
      const ownerId = partner.organizationId ?? origin.actor?.organizationId;
      if (!ownerId) throw fieldProblem('body.organizationId', 'partner.organization.required');
      const owner = await requireOwnerInScope(ownerId, scopeOf(origin));
      await requireLinkedOrganization(partner.linkedOrganizationId);
      await refuseNameTaken(owner.id, partner.name);
      const id = await writer.write(origin, async ({ tx, audit }) => {
        const insertedId = await createPartnerRepository(tx).insertPartner({
          kind: partner.kind,
          name: partner.name,
          organizationId: owner.id,
          divisionCode: owner.divisionCode,
          linkedOrganizationId: partner.linkedOrganizationId,
          contactName: partner.contactName,
          contactPhone: partner.contactPhone,
        });
        audit({
          action: 'partner.create',
          objectType: 'partner',
          objectId: insertedId,
          detail: { kind: partner.kind },
        });
        return insertedId;
      });
      return presentPartner(await requirePartner(id, { level: 'all' }));
    },

    async updatePartner(id: string, patch: PartnerUpdate, origin: RequestOrigin): Promise<Partner> {
      const current = await requirePartner(id, scopeOf(origin));
      const { version, ...edits } = patch;
      await requireLinkedOrganization(edits.linkedOrganizationId);
      if (edits.name && edits.name !== current.name) {
        await refuseNameTaken(current.organizationId, edits.name, id);
      }
      await writer.write(origin, async ({ tx, audit }) => {
        await requireCurrentVersion(
          createPartnerRepository(tx).updatePartner(id, version, edits),
          'partner',
          version,
        );
        audit({
          action: 'partner.update',
          objectType: 'partner',
          objectId: id,
          detail: { fields: changedFields(current, edits) },
        });
      });
      return presentPartner(await requirePartner(id, { level: 'all' }));
    },

    async getPartner(id: string, actor: Actor): Promise<Partner> {
      return presentPartner(await requirePartner(id, actor.scope));
    },

    /** Whether the partner exists within the scope (a volunteer names their recruiter). */
    async isPartnerInScope(id: string, scope: DataScope): Promise<boolean> {
      return (await repository.findPartner(id, scope)) !== undefined;
    },

    /** Partners in scope with exactly this name (an import names them; two is ambiguous). */
    findPartnersByName(name: string, scope: DataScope): Promise<Array<{ id: string }>> {
      return repository.findPartnersByName(name, scope);
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
      if (agreement.stationId) await requireStationInScope(agreement.stationId, scope);
      const id = await writer.write(origin, async ({ tx, audit }) => {
        const insertedId = await createPartnerRepository(tx).insertAgreement({
          partnerId,
          ...agreement,
        });
        audit({
          action: 'partner.agreement.create',
          objectType: 'partner',
          objectId: partnerId,
          detail: { agreementId: insertedId, stationId: agreement.stationId },
        });
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

export type PartnerService = ReturnType<typeof createPartnerService>;
