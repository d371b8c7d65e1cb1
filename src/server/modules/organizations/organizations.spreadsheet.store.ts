import type { Database } from '../../platform/db/client.js';
import { ConflictError } from '../../platform/errors.js';
import type { AuditEvent } from '../../platform/writes/audit-event.js';
import type { Writer } from '../../platform/writes/writes.js';
import {
  createOrganizationSheetRepository,
  type NewOrganizationRow,
} from './organizations.spreadsheet.repository.js';

/**
 * The database side of the organizations' sheet, built by the service over its own database so
 * that the sheet (organizations.spreadsheet.ts) needs no handle: the reads of the import's checks
 * and of the export, and the import's one transaction.
 */
export function createOrganizationSheetStore(db: Database, writer: Writer) {
  const repository = createOrganizationSheetRepository(db);
  return {
    namesInDivisions: repository.namesInDivisions,
    listForSheet: repository.listForSheet,

    /** The rows and the import's audit row, through the write path: all of them or none. */
    async insertAudited(rows: NewOrganizationRow[], event: AuditEvent): Promise<void> {
      const { origin, ...note } = event;
      await writer.write(
        origin,
        async ({ tx, audit, publish }) => {
          await createOrganizationSheetRepository(tx).insertMany(rows);
          audit(note);
          publish('organizations');
        },
        // Someone created one of these names between the checks and the write.
        { conflicts: () => new ConflictError('spreadsheet.import_conflict') },
      );
    },
  };
}

export type OrganizationSheetStore = ReturnType<typeof createOrganizationSheetStore>;
