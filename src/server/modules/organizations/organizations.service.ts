import type { Page } from '../../../contracts/common.js';
import type {
  ListOrganizationsQuery,
  NewOrganization,
  Organization,
} from '../../../contracts/organizations.js';
import { newOrganizationSchema } from '../../../contracts/organizations.js';
import type { ChangeFeed } from '../../platform/changes.js';
import type { Database } from '../../platform/db/client.js';
import { ConflictError, InputError, NotFoundError } from '../../platform/errors.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import { createOrganizationRepository } from './organizations.repository.js';

export function createOrganizationService(
  db: Database,
  changes: ChangeFeed,
  divisions: DivisionService,
) {
  const repository = createOrganizationRepository(db);

  return {
    async createOrganization(input: NewOrganization): Promise<Organization> {
      const parsed = newOrganizationSchema.safeParse(input);
      if (!parsed.success) {
        throw new InputError(
          parsed.error.issues.map((issue) => ({
            field: issue.path.join('.'),
            message: issue.message,
          })),
        );
      }
      const organization = parsed.data;
      if ((organization.latitude === null) !== (organization.longitude === null)) {
        throw new InputError([{ field: 'latitude', message: 'organization.coordinates.pair' }]);
      }
      await divisions.requireDivision(organization.divisionCode);
      if (organization.parentId && !(await repository.findById(organization.parentId))) {
        throw new NotFoundError('organization', organization.parentId);
      }
      if (await repository.findByName(organization.divisionCode, organization.name)) {
        throw new ConflictError();
      }
      const id = await repository.insert(organization);
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

    countOrganizations(): Promise<number> {
      return repository.countAll();
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
