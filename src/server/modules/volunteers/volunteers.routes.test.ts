import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  createTestContext,
  type TestContext,
} from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import {
  buildPartner,
  buildVolunteer,
  createWorkstation,
} from '../../../../test/helpers/factories.volunteers.js';
import type { Organization } from '../../../contracts/organizations.js';
import type {
  ServiceHoursEntry,
  Volunteer,
  VolunteerRecord,
  VolunteerSummary,
} from '../../../contracts/volunteers.js';
import { volunteers } from './volunteers.tables.js';

type Staff = SignedIn & { organizationId: string };

// Today is 2026-11-24 in Asia/Shanghai for every test of this file.
const clock = createFakeClock(new Date('2026-11-24T02:00:00Z'));

describe('volunteer routes', () => {
  let context: TestContext;
  let wujin: Staff;
  let tianning: Staff;
  let officer: Staff;
  let station: Organization;
  let otherStation: Organization;
  let tianningStation: Organization;
  let judge: Volunteer;

  beforeAll(async () => {
    context = await createTestContext({ now: clock.now });
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    officer = await signInStaff(context, {
      roles: ['bureau_staff', 'personal_data_officer'],
      organizationId: wujin.organizationId,
    });
    ({ station } = await createWorkstation(context, wujin.organizationId, '320412100'));
    ({ station: otherStation } = await createWorkstation(
      context,
      wujin.organizationId,
      '320412105',
    ));
    ({ station: tianningStation } = await createWorkstation(
      context,
      tianning.organizationId,
      '320402001',
    ));
    judge = (
      await send('POST', '/api/volunteers', wujin, {
        ...buildVolunteer({ name: '周明德', phone: '13912345678', stationId: station.id }),
      })
    ).json() as Volunteer;
  });
  afterAll(() => context.close());

  function send(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    as: SignedIn | null,
    payload?: object,
  ) {
    return context.app.inject({
      method,
      url,
      headers: { ...(as?.headers ?? {}), 'accept-language': 'zh-CN' },
      ...(payload ? { payload } : {}),
    });
  }

  const fieldsOf = (response: { json(): unknown }) =>
    (response.json() as { error: { fields: Array<{ field: string; message: string }> } }).error
      .fields;

  async function auditTrail(action: string, objectId: string) {
    return (await context.services.audit.search({ limit: 20, offset: 0, action, objectId })).items;
  }

  describe('POST /api/volunteers', () => {
    it('should register a volunteer managed by the station’s bureau with the phone masked', () => {
      expect(judge).toMatchObject({
        name: '周明德',
        kind: 'retired_judge',
        phone: '139****5678',
        stationId: station.id,
        stationName: station.name,
        organizationId: wujin.organizationId,
        divisionCode: '320412',
        hoursTotal: 0,
        lastServedOn: null,
        version: 1,
      });
    });

    it('should audit the registration without the phone', async () => {
      const [entry] = await auditTrail('volunteer.create', judge.id);
      expect(entry?.actorId).toBe(wujin.accountId);
      expect(JSON.stringify(entry)).not.toContain('13912345678');
    });

    it('should store the phone encrypted, never in clear', async () => {
      const [row] = await context.database.db
        .select({ phoneCipher: volunteers.phoneCipher, phoneIndex: volunteers.phoneIndex })
        .from(volunteers)
        .where(eq(volunteers.id, judge.id));
      expect(row?.phoneCipher).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain('13912345678');
    });

    it('should answer 400 naming the fields when the body is invalid', async () => {
      const response = await send('POST', '/api/volunteers', wujin, {
        kind: 'astronaut',
        name: '王',
        phone: '12345',
        skills: ['cooking'],
        extra: true,
      });
      expect(response.statusCode).toBe(400);
      expect(
        fieldsOf(response)
          .map((field) => field.field)
          .sort(),
      ).toEqual(['body.extra', 'body.kind', 'body.name', 'body.phone', 'body.skills.0']);
      expect(fieldsOf(response).find((field) => field.field === 'body.phone')?.message).toBe(
        '应为 11 位手机号码',
      );
    });

    it('should answer 400 on the station when it is in another district', async () => {
      const response = await send(
        'POST',
        '/api/volunteers',
        wujin,
        buildVolunteer({ stationId: tianningStation.id }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual([
        { field: 'body.stationId', message: '服务站点不存在或不在本辖区' },
      ]);
    });

    it('should answer 400 on the station when it is not a place volunteers serve', async () => {
      const response = await send(
        'POST',
        '/api/volunteers',
        wujin,
        buildVolunteer({ stationId: wujin.organizationId }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)[0]?.field).toBe('body.stationId');
    });

    it('should answer 409 when the managing organization already has the phone', async () => {
      const response = await send(
        'POST',
        '/api/volunteers',
        wujin,
        buildVolunteer({ phone: '139 1234 5678', stationId: otherStation.id }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toBe('该手机号的志愿者已登记');
    });

    it('should default to the creator’s organization when there is no station', async () => {
      const response = await send(
        'POST',
        '/api/volunteers',
        tianning,
        buildVolunteer({ kind: 'graduate', phone: null }),
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        organizationId: tianning.organizationId,
        divisionCode: '320402',
        stationId: null,
        phone: null,
      });
    });
  });

  describe('GET /api/volunteers', () => {
    it('should list the district’s volunteers with masked phones and filters', async () => {
      await send(
        'POST',
        '/api/volunteers',
        wujin,
        buildVolunteer({
          kind: 'psychological_counsellor',
          name: '林心怡',
          stationId: otherStation.id,
          skills: ['psychological_support'],
        }),
      );
      const all = await send('GET', '/api/volunteers', wujin);
      expect(all.statusCode).toBe(200);
      const names = (all.json().items as Volunteer[]).map((item) => item.name);
      expect(names).toEqual(expect.arrayContaining(['周明德', '林心怡']));
      expect(
        (all.json().items as Volunteer[]).every(
          (item) => !item.phone || item.phone.includes('****'),
        ),
      ).toBe(true);

      const bySkill = await send('GET', '/api/volunteers?skill=psychological_support', wujin);
      expect((bySkill.json().items as Volunteer[]).map((item) => item.name)).toEqual(['林心怡']);
      const byDivision = await send('GET', '/api/volunteers?division=320412100', wujin);
      expect((byDivision.json().items as Volunteer[]).map((item) => item.name)).toEqual(['周明德']);
      const byKind = await send('GET', '/api/volunteers?kind=retired_judge&status=active', wujin);
      expect((byKind.json().items as Volunteer[]).map((item) => item.name)).toContain('周明德');
      const byStation = await send('GET', `/api/volunteers?station=${otherStation.id}`, wujin);
      expect(byStation.json().total).toBe(1);
    });

    it('should find a volunteer by the full mobile number, and by part of the name', async () => {
      const byPhone = await send('GET', '/api/volunteers?q=13912345678', wujin);
      expect((byPhone.json().items as Volunteer[]).map((item) => item.id)).toEqual([judge.id]);
      const byName = await send('GET', `/api/volunteers?q=${encodeURIComponent('明德')}`, wujin);
      expect((byName.json().items as Volunteer[]).map((item) => item.id)).toEqual([judge.id]);
    });

    it('should leave out another district’s volunteers', async () => {
      const response = await send('GET', '/api/volunteers', tianning);
      const names = (response.json().items as Volunteer[]).map((item) => item.name);
      expect(names).not.toContain('周明德');
    });

    it('should answer 400 naming the filter when it is not a known value', async () => {
      const response = await send('GET', '/api/volunteers?kind=astronaut&division=1234567', wujin);
      expect(response.statusCode).toBe(400);
      expect(
        fieldsOf(response)
          .map((field) => field.field)
          .sort(),
      ).toEqual(['querystring.division', 'querystring.kind']);
    });
  });

  describe('GET /api/volunteers/:id', () => {
    it('should answer the volunteer with the phone masked', async () => {
      const response = await send('GET', `/api/volunteers/${judge.id}`, wujin);
      expect(response.statusCode).toBe(200);
      expect(response.json().phone).toBe('139****5678');
    });

    it('should show the full phone to a personal data officer and audit it', async () => {
      const response = await send('GET', `/api/volunteers/${judge.id}?unmask=true`, officer);
      expect(response.statusCode).toBe(200);
      expect(response.json().phone).toBe('13912345678');
      const trail = await auditTrail('personal_data.unmask', judge.id);
      expect(
        trail.some((entry) => entry.actorId === officer.accountId && entry.outcome === 'success'),
      ).toBe(true);
    });

    it('should answer 403 and audit the refusal when the user may not unmask', async () => {
      const response = await send('GET', `/api/volunteers/${judge.id}?unmask=true`, wujin);
      expect(response.statusCode).toBe(403);
      const trail = await auditTrail('personal_data.unmask', judge.id);
      expect(
        trail.some((entry) => entry.actorId === wujin.accountId && entry.outcome === 'denied'),
      ).toBe(true);
    });

    it('should answer 400 when the id is not a uuid', async () => {
      expect((await send('GET', '/api/volunteers/42', wujin)).statusCode).toBe(400);
    });
  });

  describe('PATCH /api/volunteers/:id', () => {
    let volunteer: Volunteer;
    beforeAll(async () => {
      volunteer = (
        await send('POST', '/api/volunteers', wujin, buildVolunteer({ stationId: station.id }))
      ).json() as Volunteer;
    });

    it('should change only the fields sent, bump the version and audit the field names', async () => {
      const response = await send('PATCH', `/api/volunteers/${volunteer.id}`, wujin, {
        status: 'paused',
        stationId: otherStation.id,
        availability: { sat: [{ opens: '09:00', closes: '12:00' }] },
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'paused',
        stationId: otherStation.id,
        availability: { sat: [{ opens: '09:00', closes: '12:00' }] },
        name: volunteer.name,
        version: 2,
      });
      const [entry] = await auditTrail('volunteer.update', volunteer.id);
      expect((entry?.detail as { fields: string[] }).fields.sort()).toEqual([
        'availability',
        'stationId',
        'status',
      ]);
    });

    it('should answer 409 stale_version when the edit is based on an old version', async () => {
      const response = await send('PATCH', `/api/volunteers/${volunteer.id}`, wujin, {
        notes: '旧版本上的修改',
        version: 1,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('stale_version');
    });

    it('should answer 400 naming the field when the availability is not a valid week', async () => {
      const response = await send('PATCH', `/api/volunteers/${volunteer.id}`, wujin, {
        availability: { mon: [{ opens: '18:00', closes: '09:00' }] },
        version: 2,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)[0]?.field).toBe('body.availability.mon.0');
    });
  });

  describe('service hours', () => {
    it('should log hours at the volunteer’s station and add them to the total', async () => {
      const response = await send('POST', `/api/volunteers/${judge.id}/hours`, wujin, {
        servedOn: '2026-11-20',
        hours: 3.5,
        activity: '接待来访群众法律咨询',
      });
      expect(response.statusCode).toBe(201);
      const entry = response.json() as ServiceHoursEntry;
      expect(entry).toMatchObject({ hours: 3.5, stationId: station.id, stationName: station.name });
      await send('POST', `/api/volunteers/${judge.id}/hours`, wujin, {
        servedOn: '2026-10-09',
        hours: 2,
        activity: '调解邻里纠纷',
      });
      const list = await send('GET', `/api/volunteers/${judge.id}/hours`, wujin);
      expect(list.statusCode).toBe(200);
      expect(list.json().hoursTotal).toBe(5.5);
      expect((list.json().items as ServiceHoursEntry[]).map((item) => item.servedOn)).toEqual([
        '2026-11-20',
        '2026-10-09',
      ]);
      const volunteer = (
        await send('GET', `/api/volunteers/${judge.id}`, wujin)
      ).json() as Volunteer;
      expect(volunteer).toMatchObject({ hoursTotal: 5.5, lastServedOn: '2026-11-20' });
      const trail = await auditTrail('volunteer.hours.create', judge.id);
      expect(trail).toHaveLength(2);
    });

    it('should answer 400 naming the field when the hours are 25, in hundredths, or the day is in the future', async () => {
      const url = `/api/volunteers/${judge.id}/hours`;
      const tooMany = await send('POST', url, wujin, {
        servedOn: '2026-11-20',
        hours: 25,
        activity: '值班',
      });
      expect(tooMany.statusCode).toBe(400);
      expect(fieldsOf(tooMany)).toEqual([{ field: 'body.hours', message: '不能大于 24' }]);
      const hundredths = await send('POST', url, wujin, {
        servedOn: '2026-11-20',
        hours: 1.25,
        activity: '值班',
      });
      expect(fieldsOf(hundredths)).toEqual([{ field: 'body.hours', message: '最多保留一位小数' }]);
      const future = await send('POST', url, wujin, {
        servedOn: '2026-11-25',
        hours: 2,
        activity: '值班',
      });
      expect(future.statusCode).toBe(400);
      expect(fieldsOf(future)).toEqual([
        { field: 'body.servedOn', message: '服务日期不能晚于今天' },
      ]);
    });

    it('should refuse a day that would hold more than 24 hours', async () => {
      const url = `/api/volunteers/${judge.id}/hours`;
      const response = await send('POST', url, wujin, {
        servedOn: '2026-11-20',
        hours: 21,
        activity: '值班',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual([
        { field: 'body.hours', message: '同一天累计不能超过 24 小时（当天已登记 3.5 小时）' },
      ]);
    });

    it('should refuse a station of another district', async () => {
      const response = await send('POST', `/api/volunteers/${judge.id}/hours`, wujin, {
        servedOn: '2026-11-21',
        hours: 1,
        stationId: tianningStation.id,
        activity: '值班',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)[0]?.field).toBe('body.stationId');
    });

    it('should remove hours logged in error and audit it', async () => {
      const created = (
        await send('POST', `/api/volunteers/${judge.id}/hours`, wujin, {
          servedOn: '2026-11-22',
          hours: 1,
          activity: '误登记',
        })
      ).json() as ServiceHoursEntry;
      const removed = await send(
        'DELETE',
        `/api/volunteers/${judge.id}/hours/${created.id}`,
        wujin,
      );
      expect(removed.statusCode).toBe(204);
      expect(
        (await send('GET', `/api/volunteers/${judge.id}/hours`, wujin)).json().hoursTotal,
      ).toBe(5.5);
      expect(await auditTrail('volunteer.hours.delete', judge.id)).toHaveLength(1);
      const again = await send('DELETE', `/api/volunteers/${judge.id}/hours/${created.id}`, wujin);
      expect(again.statusCode).toBe(404);
    });

    it('should answer 400 for a malformed entry id and 204 when the own district removes hours', async () => {
      const created = (
        await send('POST', `/api/volunteers/${judge.id}/hours`, wujin, {
          servedOn: '2026-11-23',
          hours: 1,
          activity: '值班',
        })
      ).json() as ServiceHoursEntry;
      const url = `/api/volunteers/${judge.id}/hours/${created.id}`;
      expect((await send('DELETE', `/api/volunteers/${judge.id}/hours/x`, wujin)).statusCode).toBe(
        400,
      );
      expect((await send('DELETE', url, wujin)).statusCode).toBe(204);
    });
  });

  describe('records', () => {
    let training: VolunteerRecord;

    it('should add a training record with hours and list it', async () => {
      const response = await send('POST', `/api/volunteers/${judge.id}/records`, wujin, {
        kind: 'training',
        title: '法律援助志愿者岗前培训',
        issuer: '武进区司法局',
        recordedOn: '2026-03-10',
        hours: 6,
      });
      expect(response.statusCode).toBe(201);
      training = response.json() as VolunteerRecord;
      expect(training).toMatchObject({ kind: 'training', hours: 6, validTo: null });
      const list = await send('GET', `/api/volunteers/${judge.id}/records?kind=training`, wujin);
      expect((list.json() as VolunteerRecord[]).map((record) => record.id)).toEqual([training.id]);
    });

    it('should show the latest insurance cover on the volunteer', async () => {
      const response = await send('POST', `/api/volunteers/${judge.id}/records`, wujin, {
        kind: 'insurance',
        title: '志愿者意外伤害保险',
        issuer: '中国人寿常州分公司',
        reference: 'PICC-2026-0001',
        recordedOn: '2026-01-01',
        validTo: '2026-12-10',
      });
      expect(response.statusCode).toBe(201);
      const volunteer = (
        await send('GET', `/api/volunteers/${judge.id}`, wujin)
      ).json() as Volunteer;
      expect(volunteer.insuredUntil).toBe('2026-12-10');
    });

    it('should answer 400 naming the field when the record does not hold together', async () => {
      const url = `/api/volunteers/${judge.id}/records`;
      const backwards = await send('POST', url, wujin, {
        kind: 'rights_protection',
        title: '权益保障协议',
        recordedOn: '2026-05-01',
        validTo: '2026-04-01',
      });
      expect(fieldsOf(backwards)).toEqual([
        { field: 'body.validTo', message: '截止日期不能早于记录日期' },
      ]);
      const uninsured = await send('POST', url, wujin, {
        kind: 'insurance',
        title: '意外险',
        recordedOn: '2026-05-01',
      });
      expect(fieldsOf(uninsured)[0]?.field).toBe('body.validTo');
      const hoursOnReward = await send('POST', url, wujin, {
        kind: 'reward',
        title: '优秀志愿者奖励',
        recordedOn: '2026-05-01',
        hours: 2,
      });
      expect(fieldsOf(hoursOnReward)[0]?.field).toBe('body.hours');
      const badKind = await send('POST', url, wujin, {
        kind: 'medal',
        title: '奖章',
        recordedOn: '2026-05-01',
      });
      expect(fieldsOf(badKind)[0]?.field).toBe('body.kind');
    });

    it('should delete a record made in error and audit it', async () => {
      const response = await send(
        'DELETE',
        `/api/volunteers/${judge.id}/records/${training.id}`,
        wujin,
      );
      expect(response.statusCode).toBe(204);
      const list = await send('GET', `/api/volunteers/${judge.id}/records?kind=training`, wujin);
      expect(list.json()).toEqual([]);
      const [entry] = await auditTrail('volunteer.record.delete', judge.id);
      expect(entry?.detail).toMatchObject({ recordId: training.id, kind: 'training' });
    });
  });

  describe('GET /api/volunteers/summary', () => {
    it('should count by kind and status, add up this year’s hours by station and warn of insurance ending', async () => {
      const response = await send('GET', '/api/volunteers/summary?division=320412', wujin);
      expect(response.statusCode).toBe(200);
      const summary = response.json() as VolunteerSummary;
      expect(summary.year).toBe(2026);
      expect(summary.byKind.retired_judge).toBeGreaterThanOrEqual(2);
      expect(summary.byKind.psychological_counsellor).toBe(1);
      expect(summary.byStatus.paused).toBe(1);
      expect(summary.total).toBe(
        Object.values(summary.byStatus).reduce((sum, value) => sum + value, 0),
      );
      expect(summary.stations).toEqual([
        { stationId: station.id, stationName: station.name, hours: 5.5, volunteers: 1 },
      ]);
      expect(summary.hoursThisYear).toBe(5.5);
      expect(summary.insuranceExpiring).toEqual([
        {
          volunteerId: judge.id,
          volunteerName: '周明德',
          stationName: station.name,
          title: '志愿者意外伤害保险',
          validTo: '2026-12-10',
          daysLeft: 16,
        },
      ]);
      // Everyone active but the judge lacks cover today.
      expect(summary.activeUninsured).toBe(summary.byStatus.active - 1);
    });

    it('should drop a volunteer from the warning once the cover is renewed', async () => {
      await send('POST', `/api/volunteers/${judge.id}/records`, wujin, {
        kind: 'insurance',
        title: '志愿者意外伤害保险（续保）',
        recordedOn: '2026-12-11',
        validTo: '2027-12-10',
      });
      const summary = (
        await send('GET', '/api/volunteers/summary', wujin)
      ).json() as VolunteerSummary;
      expect(summary.insuranceExpiring).toEqual([]);
    });

    it('should see nothing of another district', async () => {
      const summary = (
        await send('GET', '/api/volunteers/summary?division=320412', tianning)
      ).json() as VolunteerSummary;
      expect(summary.total).toBe(0);
      expect(summary.stations).toEqual([]);
    });

    it('should answer 400 when the division is malformed', async () => {
      expect((await send('GET', '/api/volunteers/summary?division=abc', wujin)).statusCode).toBe(
        400,
      );
    });
  });

  describe('partners on volunteers', () => {
    it('should link the recruiting partner and filter by it', async () => {
      const partner = (
        await send(
          'POST',
          '/api/partners',
          wujin,
          buildPartner({ kind: 'civilization_office', name: '武进区文明办（测试）' }),
        )
      ).json() as { id: string };
      const created = await send(
        'POST',
        '/api/volunteers',
        wujin,
        buildVolunteer({ kind: 'graduate', stationId: station.id, partnerId: partner.id }),
      );
      expect(created.statusCode).toBe(201);
      expect(created.json().partnerName).toBe('武进区文明办（测试）');
      const list = await send('GET', `/api/volunteers?partner=${partner.id}`, wujin);
      expect(list.json().total).toBe(1);
      const foreign = await send(
        'POST',
        '/api/volunteers',
        tianning,
        buildVolunteer({ partnerId: partner.id }),
      );
      expect(foreign.statusCode).toBe(400);
      expect(fieldsOf(foreign)[0]?.field).toBe('body.partnerId');
    });
  });
});
