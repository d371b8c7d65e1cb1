import type { Database } from '../../platform/db/client.js';
import type { AuditEvent, AuditService } from '../audit/audit.service.js';
import { createPractitionerRepository } from './practitioners.repository.js';

type PractitionerRepository = ReturnType<typeof createPractitionerRepository>;

/**
 * The database side of the practitioners' sheet, built by the service over its own database so
 * that the sheet (practitioners.spreadsheet.ts) needs no handle: the reads of the import's checks
 * and of the export, and the import's one transaction.
 */
export function createPractitionerSheetStore(db: Database, audit: Pick<AuditService, 'record'>) {
  const repository = createPractitionerRepository(db);
  return {
    findTakenLicenceNumbers: repository.findTakenLicenceNumbers,
    listAll: repository.listAll,

    /** The practitioners, their joinings and the import's audit row, in one transaction. */
    async insertAudited(
      rows: Parameters<PractitionerRepository['insertMany']>[0],
      moves: Parameters<PractitionerRepository['insertMany']>[1],
      event: AuditEvent,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await createPractitionerRepository(tx).insertMany(rows, moves);
        await audit.record(event, tx);
      });
    },
  };
}

export type PractitionerSheetStore = ReturnType<typeof createPractitionerSheetStore>;
