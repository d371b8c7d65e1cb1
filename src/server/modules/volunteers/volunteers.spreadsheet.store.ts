import type { Database } from '../../platform/db/client.js';
import type { AuditEvent } from '../../platform/writes/audit-event.js';
import type { Writer } from '../../platform/writes/writes.js';
import { createVolunteerRepository } from './volunteers.repository.js';

type VolunteerRepository = ReturnType<typeof createVolunteerRepository>;

/**
 * The database side of the volunteers' sheet, built by the service over its own database so that
 * the sheet (volunteers.spreadsheet.ts) needs no handle: the reads of the import's checks and of
 * the export, and the import's one transaction.
 */
export function createVolunteerSheetStore(db: Database, writer: Writer) {
  const repository = createVolunteerRepository(db);
  return {
    registeredPhones: repository.registeredPhones,
    listAllVolunteers: repository.listAllVolunteers,

    /** The volunteers and the import's audit row, through the write path: all of them or none. */
    async insertAudited(
      rows: Parameters<VolunteerRepository['insertVolunteers']>[0],
      event: AuditEvent,
    ): Promise<void> {
      const { origin, ...note } = event;
      await writer.write(origin, async ({ tx, audit }) => {
        await createVolunteerRepository(tx).insertVolunteers(rows);
        audit(note);
      });
    },
  };
}

export type VolunteerSheetStore = ReturnType<typeof createVolunteerSheetStore>;
