import type { Database } from '../../platform/db/client.js';
import type { AuditEvent } from '../../platform/writes/audit-event.js';
import type { Writer } from '../../platform/writes/writes.js';
import { createPractitionerRepository } from './practitioners.repository.js';
import { practitionerConflicts } from './practitioners.rules.js';

type PractitionerRepository = ReturnType<typeof createPractitionerRepository>;

/**
 * The database side of the practitioners' sheet, built by the service over its own database so
 * that the sheet (practitioners.spreadsheet.ts) needs no handle: the reads of the import's checks
 * and of the export, and the import's one transaction.
 */
export function createPractitionerSheetStore(db: Database, writer: Writer) {
  const repository = createPractitionerRepository(db);
  return {
    findTakenLicenceNumbers: repository.findTakenLicenceNumbers,
    listAll: repository.listAll,

    /** The practitioners, their joinings and the import's audit row, through the write path. */
    async insertAudited(
      rows: Parameters<PractitionerRepository['insertMany']>[0],
      moves: Parameters<PractitionerRepository['insertMany']>[1],
      event: AuditEvent,
    ): Promise<void> {
      const { origin, ...note } = event;
      await writer.write(
        origin,
        async ({ tx, audit }) => {
          await createPractitionerRepository(tx).insertMany(rows, moves);
          audit(note);
        },
        { conflicts: practitionerConflicts },
      );
    },
  };
}

export type PractitionerSheetStore = ReturnType<typeof createPractitionerSheetStore>;
