import type { Database } from '../../platform/db/client.js';
import type { AuditEvent, AuditService } from '../audit/audit.service.js';
import {
  createOrganizationSheetRepository,
  type NewOrganizationRow,
} from './organizations.spreadsheet.repository.js';

/**
 * The database side of the organizations' sheet, built by the service over its own database so
 * that the sheet (organizations.spreadsheet.ts) needs no handle: the reads of the import's checks
 * and of the export, and the import's one transaction.
 */
export function createOrganizationSheetStore(db: Database, audit: Pick<AuditService, 'record'>) {
  const repository = createOrganizationSheetRepository(db);
  return {
    namesInDivisions: repository.namesInDivisions,
    listForSheet: repository.listForSheet,

    /** The rows and the import's audit row, in one transaction: all of them or none. */
    async insertAudited(rows: NewOrganizationRow[], event: AuditEvent): Promise<void> {
      await db.transaction(async (tx) => {
        await createOrganizationSheetRepository(tx).insertMany(rows);
        await audit.record(event, tx);
      });
    },
  };
}

export type OrganizationSheetStore = ReturnType<typeof createOrganizationSheetStore>;
