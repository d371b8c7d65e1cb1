import type { Database } from '../../platform/db/client.js';
import type { AuditEvent, AuditService } from '../audit/audit.service.js';
import { createVolunteerRepository } from './volunteers.repository.js';

type VolunteerRepository = ReturnType<typeof createVolunteerRepository>;

/**
 * The database side of the volunteers' sheet, built by the service over its own database so that
 * the sheet (volunteers.spreadsheet.ts) needs no handle: the reads of the import's checks and of
 * the export, and the import's one transaction.
 */
export function createVolunteerSheetStore(db: Database, audit: Pick<AuditService, 'record'>) {
  const repository = createVolunteerRepository(db);
  return {
    findPartnersByName: repository.findPartnersByName,
    registeredPhones: repository.registeredPhones,
    listAllVolunteers: repository.listAllVolunteers,

    /** The volunteers and the import's audit row, in one transaction: all of them or none. */
    async insertAudited(
      rows: Parameters<VolunteerRepository['insertVolunteers']>[0],
      event: AuditEvent,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await createVolunteerRepository(tx).insertVolunteers(rows);
        await audit.record(event, tx);
      });
    },
  };
}

export type VolunteerSheetStore = ReturnType<typeof createVolunteerSheetStore>;
