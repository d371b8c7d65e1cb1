import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import {
  buildVolunteer,
  createWorkstation,
} from '../../../../test/helpers/factories.volunteers.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { Volunteer } from '../../../contracts/volunteers.js';
import type { RequestOrigin } from '../../platform/access/actor.js';
import { queryRows, type DatabaseHandle } from '../../platform/db/client.js';
import {
  createServiceEventRepository,
  partitionName,
} from '../../platform/writes/service-events.repository.js';
import { createWriter } from '../../platform/writes/writes.js';
import { createVolunteerService } from './volunteers.service.js';

import { HOURS_SOURCE } from './volunteers.presenter.js';

/** A volunteer's hours write one service event each, in the same transaction as the entry. */
function serviceEventSuite(open: () => Promise<DatabaseHandle>) {
  let context: TestContext;
  let staff: SignedIn & { organizationId: string };
  let origin: RequestOrigin;
  let station: Organization;
  let volunteer: Volunteer;

  const eventsOf = (entryId: string) =>
    createServiceEventRepository(context.database.db).listBySource({
      type: HOURS_SOURCE,
      id: entryId,
    });

  async function countRows(table: 'volunteer_service_hours' | 'service_events'): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      context.database.db,
      sql`select count(*)::int as count from ${sql.identifier(table)}`,
    );
    return row?.count ?? 0;
  }

  beforeAll(async () => {
    context = await createTestContext({ database: await open() });
    staff = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    origin = { actor: await context.services.identity.resolveSession(staff.cookie), ip: null };
    ({ station } = await createWorkstation(context, staff.organizationId, '320412100'));
    volunteer = await context.services.volunteers.createVolunteer(
      buildVolunteer({ stationId: station.id }),
      origin,
    );
  });
  afterAll(() => context.close());

  it('should write one live service event with the hours when a shift is logged', async () => {
    const entry = await context.services.volunteers.logHours(
      volunteer.id,
      { servedOn: '2026-11-02', hours: 3.5, activity: '值班接待' },
      origin,
    );
    const events = await eventsOf(entry.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'volunteer_service',
      channel: 'in_person',
      organizationId: station.id,
      divisionCode: '320412100',
      counts: { hours: 3.5 },
      recordedBy: staff.accountId,
      voidedAt: null,
    });
    expect(events[0]?.occurredAt.toISOString()).toBe('2026-11-01T16:00:00.000Z');
  });

  it('should write one event per entry when a sign-in sheet logs several shifts', async () => {
    const entries = await context.services.volunteers.logHoursEntries(
      volunteer.id,
      [
        { servedOn: '2026-10-05', hours: 2, activity: '普法宣传' },
        { servedOn: '2026-10-06', hours: 4, activity: '值班接待' },
        { servedOn: '2026-10-07', hours: 1.5, activity: '回访' },
      ],
      origin,
    );
    const perEntry = await Promise.all(entries.map((entry) => eventsOf(entry.id)));
    expect(perEntry.map((events) => events.map((event) => event.counts.hours))).toEqual([
      [2],
      [4],
      [1.5],
    ]);
  });

  it('should void the event, not delete it, when the hours are removed', async () => {
    const entry = await context.services.volunteers.logHours(
      volunteer.id,
      { servedOn: '2026-11-03', hours: 2, activity: '录入错误' },
      origin,
    );
    await context.services.volunteers.deleteHours(volunteer.id, entry.id, origin);
    const events = await eventsOf(entry.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.voidedAt).toBeInstanceOf(Date);
    expect(events[0]?.voidedBy).toBe(staff.accountId);
  });

  it('should put a back-dated shift into its own month when no partition held it yet', async () => {
    const entry = await context.services.volunteers.logHours(
      volunteer.id,
      { servedOn: '2024-02-10', hours: 6, activity: '补录' },
      origin,
    );
    const [row] = await queryRows<{ partition: string }>(
      context.database.db,
      sql`select tableoid::regclass::text as partition from service_events
           where source_id = ${entry.id}`,
    );
    expect(row?.partition.replaceAll('"', '')).toBe(
      partitionName(new Date('2024-02-01T00:00:00Z')),
    );
  });

  it('should leave neither the entry nor its event when the write fails before commit', async () => {
    const refusingAudit = {
      record: async () => {
        throw new Error('the audit trail is unavailable');
      },
    };
    const failing = createVolunteerService({
      ...context.services,
      writer: createWriter({
        db: context.database.db,
        audit: refusingAudit,
        changes: context.services.changes,
      }),
    });
    const [entriesBefore, eventsBefore] = [
      await countRows('volunteer_service_hours'),
      await countRows('service_events'),
    ];
    await expect(
      failing.logHours(
        volunteer.id,
        { servedOn: '2026-11-04', hours: 1, activity: '不应留下' },
        origin,
      ),
    ).rejects.toThrow('the audit trail is unavailable');
    expect(await countRows('volunteer_service_hours')).toBe(entriesBefore);
    expect(await countRows('service_events')).toBe(eventsBefore);
  });

  it('should hold exactly one live event per hours entry when the tests are done', async () => {
    const [row] = await queryRows<{ entries: number; events: number; orphans: number }>(
      context.database.db,
      sql`select
            (select count(*)::int from volunteer_service_hours) as entries,
            (select count(*)::int from service_events
              where source_type = ${HOURS_SOURCE} and voided_at is null) as events,
            (select count(*)::int from service_events e
              where e.source_type = ${HOURS_SOURCE} and e.voided_at is null
                and not exists (select 1 from volunteer_service_hours h
                                 where h.id::text = e.source_id)) as orphans`,
    );
    expect(row?.events).toBe(row?.entries);
    expect(row?.orphans).toBe(0);
  });
}

describe('volunteer hours as service events (PGlite)', () => {
  serviceEventSuite(createPgliteTestDatabase);
});

describeOnPostgres('volunteer hours as service events (PostgreSQL)', () => {
  serviceEventSuite(() => createPostgresTestDatabase());
});
