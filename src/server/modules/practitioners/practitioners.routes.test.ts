import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import {
  buildPractitioner,
  lawyerLicenceNumber,
  testMobile,
} from '../../../../test/helpers/factories.practitioners.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { Practitioner, PractitionerMove } from '../../../contracts/practitioners.js';
import { practitioners } from './practitioners.tables.js';

describe('practitioner routes', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let tianning: SignedIn;
  let officer: SignedIn;
  let outsider: SignedIn;
  let hutangFirm: Organization;
  let henglinFirm: Organization;
  let tianningFirm: Organization;
  let lawyer: Practitioner;
  const lawyerPhone = testMobile(12_345_678);

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    officer = await signInStaff(context, {
      roles: ['bureau_staff', 'personal_data_officer'],
      divisionCode: '320412',
    });
    outsider = await signInStaff(context, {
      roles: ['personal_data_officer'],
      divisionCode: '320412',
    });
    const organizations = context.services.organizations;
    hutangFirm = await organizations.createOrganization(
      buildOrganization({ name: '湖塘人员测试律师事务所', divisionCode: '320412100' }),
    );
    henglinFirm = await organizations.createOrganization(
      buildOrganization({ name: '横林人员测试律师事务所', divisionCode: '320412105001' }),
    );
    tianningFirm = await organizations.createOrganization(
      buildOrganization({ name: '天宁人员测试律师事务所', divisionCode: '320402001' }),
    );
    lawyer = await context.services.practitioners.createPractitioner(
      buildPractitioner(hutangFirm.id, {
        name: '周明律',
        phone: lawyerPhone,
        specialties: ['labour', 'marriage_family'],
        languages: ['mandarin', 'wu_dialect'],
      }),
    );
  });
  afterAll(() => context.close());

  const send = (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    as: SignedIn | null,
    payload?: object,
  ) =>
    context.app.inject({
      method,
      url,
      ...(as ? { headers: as.headers } : {}),
      ...(payload ? { payload } : {}),
    });
  const read = (url: string, as: SignedIn | null) =>
    context.app.inject({ method: 'GET', url, ...(as ? { headers: as.headers } : {}) });
  const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) =>
    (body.error.fields ?? []).map((field) => field.field).sort();
  const current = async (id: string) =>
    (await read(`/api/practitioners/${id}`, wujin)).json() as Practitioner;

  describe('POST /api/practitioners', () => {
    it('should add a lawyer to a firm of the district with the phone masked and audit it', async () => {
      const input = buildPractitioner(henglinFirm.id, {
        name: '陈新律',
        phone: '+86 138-0013-8000',
      });
      const response = await send('POST', '/api/practitioners', wujin, input);
      expect(response.statusCode).toBe(201);
      const created = response.json() as Practitioner;
      expect(created).toMatchObject({
        name: '陈新律',
        organizationId: henglinFirm.id,
        organizationName: henglinFirm.name,
        divisionCode: '320412105001',
        divisionName: '崔桥村村民委员会',
        phone: '138****8000',
        status: 'practising',
        version: 1,
      });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'practitioner.create',
        objectId: created.id,
      });
      expect(trail.items[0]?.actorId).toBe(wujin.accountId);
      expect(JSON.stringify(trail.items[0]?.detail)).not.toContain('13800138000');
    });

    it('should store the phone encrypted with a blind index, never in clear', async () => {
      const [row] = await context.database.db
        .select({ cipher: practitioners.phoneCipher, index: practitioners.phoneIndex })
        .from(practitioners)
        .where(eq(practitioners.id, lawyer.id));
      expect(row?.cipher).toMatch(/^v1\./);
      expect(row?.cipher).not.toContain(lawyerPhone);
      expect(row?.index).toBe(context.services.cipher.blindIndex(lawyerPhone));
    });

    it('should write the joining as the first entry of the move history', async () => {
      const response = await read(`/api/practitioners/${lawyer.id}/moves`, wujin);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([
        expect.objectContaining({
          fromOrganizationId: null,
          toOrganizationId: hutangFirm.id,
          toOrganizationName: hutangFirm.name,
          movedOn: '2020-03-01',
        }),
      ]);
    });

    it('should answer 400 naming the fields when the body is invalid', async () => {
      const response = await send('POST', '/api/practitioners', wujin, {
        ...buildPractitioner(hutangFirm.id),
        kind: 'judge',
        phone: '12345',
        extra: true,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['body.extra', 'body.kind', 'body.phone']);
    });

    it('should answer 400 on licenceNumber when a lawyer number is not 17 digits', async () => {
      const response = await send(
        'POST',
        '/api/practitioners',
        wujin,
        buildPractitioner(hutangFirm.id, { licenceNumber: '1320420151012345' }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.licenceNumber', message: '律师执业证号应为以 1 开头的 17 位数字' },
      ]);
    });

    it('should answer 400 in English when the licence number is missing for a licence type', async () => {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/practitioners',
        headers: { ...wujin.headers, 'accept-language': 'en-US' },
        payload: buildPractitioner(hutangFirm.id, {
          kind: 'grassroots_legal_worker',
          licenceType: 'grassroots_legal_worker',
          licenceNumber: null,
        }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.licenceNumber', message: 'is required unless the licence type is none' },
      ]);
    });

    it('should answer 400 on licenceType when a lawyer has no lawyer licence', async () => {
      const response = await send(
        'POST',
        '/api/practitioners',
        wujin,
        buildPractitioner(hutangFirm.id, { licenceType: 'none', licenceNumber: null }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['body.licenceType']);
    });

    it('should let a mediator without a certificate be added with no licence number', async () => {
      const response = await send('POST', '/api/practitioners', wujin, {
        kind: 'mediator',
        name: '李调解',
        organizationId: hutangFirm.id,
        licenceType: 'none',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ licenceNumber: null, phone: null });
    });

    it('should answer 409 naming licenceNumber when the number is already registered', async () => {
      const response = await send(
        'POST',
        '/api/practitioners',
        wujin,
        buildPractitioner(henglinFirm.id, { licenceNumber: lawyer.licenceNumber }),
      );
      expect(response.statusCode).toBe(409);
      expect(fieldsOf(response.json())).toEqual(['body.licenceNumber']);
    });

    it('should answer 400 on organizationId when the firm is in another district', async () => {
      const response = await send(
        'POST',
        '/api/practitioners',
        wujin,
        buildPractitioner(tianningFirm.id),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.organizationId', message: '机构不存在' },
      ]);
    });

    it('should answer 400 on joinedOn when the joining date is in the future', async () => {
      const response = await send(
        'POST',
        '/api/practitioners',
        wujin,
        buildPractitioner(hutangFirm.id, { joinedOn: '2999-01-01' }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['body.joinedOn']);
    });
  });

  describe('GET /api/practitioners', () => {
    const listed = async (query: string, as: SignedIn = wujin) => {
      const response = await read(`/api/practitioners?${query}`, as);
      expect(response.statusCode).toBe(200);
      return response.json() as { items: Practitioner[]; total: number };
    };
    const names = (page: { items: Practitioner[] }) => page.items.map((item) => item.name);

    it('should list the district’s practitioners with masked phones', async () => {
      const page = await listed('limit=200');
      expect(names(page)).toContain('周明律');
      const found = page.items.find((item) => item.id === lawyer.id);
      expect(found?.phone).toBe(`139****${lawyerPhone.slice(-4)}`);
    });

    it('should filter by organization, division, kind, specialty and language', async () => {
      expect(names(await listed(`organization=${hutangFirm.id}&kind=lawyer`))).toContain('周明律');
      expect(names(await listed(`organization=${henglinFirm.id}`))).not.toContain('周明律');
      expect(names(await listed('division=320412100'))).toContain('周明律');
      expect(names(await listed('division=320412105'))).not.toContain('周明律');
      expect(names(await listed('specialty=marriage_family'))).toContain('周明律');
      expect(names(await listed('specialty=criminal'))).not.toContain('周明律');
      expect(names(await listed('language=wu_dialect'))).toContain('周明律');
      expect(names(await listed('kind=mediator'))).not.toContain('周明律');
    });

    it('should find by part of the name, part of the licence number or a full mobile', async () => {
      expect(names(await listed(`q=${encodeURIComponent('明律')}`))).toEqual(['周明律']);
      const licenceTail = lawyer.licenceNumber!.slice(-8);
      expect(names(await listed(`q=${licenceTail}`))).toEqual(['周明律']);
      expect(names(await listed(`q=${lawyerPhone}`))).toEqual(['周明律']);
    });

    it('should page the list and report the total', async () => {
      const first = await listed('limit=1&offset=0');
      const second = await listed('limit=1&offset=1');
      expect(first.items).toHaveLength(1);
      expect(first.total).toBeGreaterThanOrEqual(2);
      expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    });

    it('should show a user of another district none of this district’s practitioners', async () => {
      const page = await listed('limit=200', tianning);
      expect(page.items.every((item) => item.divisionCode.startsWith('320402'))).toBe(true);
      expect(names(page)).not.toContain('周明律');
    });

    it('should answer 400 naming the filter when it is not a known value', async () => {
      const response = await read('/api/practitioners?specialty=astrology&division=123', wujin);
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['querystring.division', 'querystring.specialty']);
    });
  });

  describe('GET /api/practitioners/:id', () => {
    it('should answer the practitioner with the phone masked', async () => {
      const response = await read(`/api/practitioners/${lawyer.id}`, wujin);
      expect(response.statusCode).toBe(200);
      expect(response.json().phone).toBe(`139****${lawyerPhone.slice(-4)}`);
    });

    it('should show the full phone to a holder of personal_data.unmask and audit it', async () => {
      const response = await read(`/api/practitioners/${lawyer.id}?unmask=true`, officer);
      expect(response.statusCode).toBe(200);
      expect(response.json().phone).toBe(lawyerPhone);
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'personal_data.unmask',
        objectId: lawyer.id,
        outcome: 'success',
      });
      expect(trail.items[0]).toMatchObject({
        actorId: officer.accountId,
        objectType: 'practitioner',
        detail: { fields: ['phone'] },
      });
    });

    it('should answer 403 and audit the refusal when unmasking without the permission', async () => {
      const response = await read(`/api/practitioners/${lawyer.id}?unmask=true`, wujin);
      expect(response.statusCode).toBe(403);
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'personal_data.unmask',
        objectId: lawyer.id,
        outcome: 'denied',
      });
      expect(trail.items[0]?.actorId).toBe(wujin.accountId);
    });

    it('should answer 404 when the practitioner does not exist', async () => {
      const missing = await read('/api/practitioners/00000000-0000-4000-8000-000000000000', wujin);
      expect(missing.statusCode).toBe(404);
    });

    it('should answer 400 naming the id when it is not a UUID', async () => {
      const bad = await read('/api/practitioners/42', wujin);
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.json())).toEqual(['params.id']);
    });
  });

  describe('PATCH /api/practitioners/:id', () => {
    let edited: Practitioner;

    beforeAll(async () => {
      edited = await context.services.practitioners.createPractitioner(
        buildPractitioner(hutangFirm.id, { name: '编辑测试律师' }),
      );
    });

    it('should change only the fields sent, bump the version and audit the field names', async () => {
      const response = await send('PATCH', `/api/practitioners/${edited.id}`, wujin, {
        specialties: ['criminal'],
        phone: '13700001111',
        status: 'suspended',
        version: edited.version,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        name: '编辑测试律师',
        specialties: ['criminal'],
        phone: '137****1111',
        status: 'suspended',
        version: edited.version + 1,
      });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'practitioner.update',
        objectId: edited.id,
      });
      expect(trail.items[0]?.detail).toEqual({ fields: ['specialties', 'phone', 'status'] });
    });

    it('should answer 409 stale_version when the edit is based on an old version', async () => {
      const response = await send('PATCH', `/api/practitioners/${edited.id}`, wujin, {
        name: '过期修改',
        version: 1,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('stale_version');
      expect((await current(edited.id)).name).toBe('编辑测试律师');
    });

    it('should answer 409 naming licenceNumber when changing to a number already held', async () => {
      const fresh = await current(edited.id);
      const response = await send('PATCH', `/api/practitioners/${edited.id}`, wujin, {
        licenceNumber: lawyer.licenceNumber,
        version: fresh.version,
      });
      expect(response.statusCode).toBe(409);
      expect(fieldsOf(response.json())).toEqual(['body.licenceNumber']);
    });

    it('should answer 400 on licenceType when the new kind cannot hold the licence', async () => {
      const fresh = await current(edited.id);
      const response = await send('PATCH', `/api/practitioners/${edited.id}`, wujin, {
        kind: 'grassroots_legal_worker',
        version: fresh.version,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['body.licenceType']);
    });

    it('should answer 400 naming the field when a value is malformed or unknown', async () => {
      const response = await send('PATCH', `/api/practitioners/${edited.id}`, wujin, {
        phone: '0519-86001234',
        organizationId: henglinFirm.id,
        version: 2,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['body.organizationId', 'body.phone']);
    });
  });

  describe('moves', () => {
    let mover: Practitioner;

    beforeAll(async () => {
      mover = await context.services.practitioners.createPractitioner(
        buildPractitioner(hutangFirm.id, { name: '调动测试律师', joinedOn: '2021-01-04' }),
      );
    });

    it('should move to another firm of the district, change the division and keep the history', async () => {
      const response = await send('POST', `/api/practitioners/${mover.id}/moves`, wujin, {
        toOrganizationId: henglinFirm.id,
        movedOn: '2024-06-01',
        note: '转所执业',
        version: mover.version,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        organizationId: henglinFirm.id,
        organizationName: henglinFirm.name,
        divisionCode: '320412105001',
        version: mover.version + 1,
      });
      const history = (
        await read(`/api/practitioners/${mover.id}/moves`, wujin)
      ).json() as PractitionerMove[];
      expect(history.map((move) => [move.fromOrganizationName, move.toOrganizationName])).toEqual([
        [hutangFirm.name, henglinFirm.name],
        [null, hutangFirm.name],
      ]);
      expect(history[0]).toMatchObject({
        movedOn: '2024-06-01',
        note: '转所执业',
        recordedBy: wujin.accountId,
        recordedByName: wujin.me.displayName,
      });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'practitioner.move',
        objectId: mover.id,
      });
      expect(trail.items[0]?.detail).toMatchObject({
        fromOrganizationId: hutangFirm.id,
        toOrganizationId: henglinFirm.id,
      });
    });

    it('should answer 400 on toOrganizationId when the target is in another district or the same', async () => {
      const fresh = await current(mover.id);
      const url = `/api/practitioners/${mover.id}/moves`;
      const away = await send('POST', url, wujin, {
        toOrganizationId: tianningFirm.id,
        movedOn: '2024-07-01',
        version: fresh.version,
      });
      expect(away.statusCode).toBe(400);
      expect(fieldsOf(away.json())).toEqual(['body.toOrganizationId']);
      const same = await send('POST', url, wujin, {
        toOrganizationId: henglinFirm.id,
        movedOn: '2024-07-01',
        version: fresh.version,
      });
      expect(same.statusCode).toBe(400);
      expect(fieldsOf(same.json())).toEqual(['body.toOrganizationId']);
    });

    it('should answer 400 on movedOn when it is before the previous move or in the future', async () => {
      const fresh = await current(mover.id);
      const url = `/api/practitioners/${mover.id}/moves`;
      const early = await send('POST', url, wujin, {
        toOrganizationId: hutangFirm.id,
        movedOn: '2024-05-31',
        version: fresh.version,
      });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.fields).toEqual([
        { field: 'body.movedOn', message: '调动日期不能早于上一次调动（2024-06-01）' },
      ]);
      const ahead = await send('POST', url, wujin, {
        toOrganizationId: hutangFirm.id,
        movedOn: '2999-01-01',
        version: fresh.version,
      });
      expect(ahead.statusCode).toBe(400);
      expect(fieldsOf(ahead.json())).toEqual(['body.movedOn']);
    });

    it('should answer 409 stale_version and record no move when the version is old', async () => {
      const response = await send('POST', `/api/practitioners/${mover.id}/moves`, wujin, {
        toOrganizationId: hutangFirm.id,
        movedOn: '2025-01-02',
        version: mover.version,
      });
      expect(response.statusCode).toBe(409);
      const history = (
        await read(`/api/practitioners/${mover.id}/moves`, wujin)
      ).json() as PractitionerMove[];
      expect(history).toHaveLength(2);
    });

    it('should answer 400 naming the fields when the move body is malformed', async () => {
      const response = await send('POST', `/api/practitioners/${mover.id}/moves`, wujin, {
        toOrganizationId: 'nowhere',
        movedOn: '2024-13-01',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual([
        'body.movedOn',
        'body.toOrganizationId',
        'body.version',
      ]);
    });
  });

  describe('account link', () => {
    let linked: Practitioner;
    let other: Practitioner;

    beforeAll(async () => {
      linked = await context.services.practitioners.createPractitioner(
        buildPractitioner(hutangFirm.id, { name: '账号测试律师' }),
      );
      other = await context.services.practitioners.createPractitioner(
        buildPractitioner(hutangFirm.id, { name: '另一位律师' }),
      );
    });

    const url = (practitioner: Practitioner) => `/api/practitioners/${practitioner.id}/account`;

    it('should link a staff account of the district and audit it', async () => {
      const response = await send('PUT', url(linked), wujin, {
        accountId: outsider.accountId,
        version: linked.version,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        accountId: outsider.accountId,
        accountName: outsider.me.displayName,
        version: linked.version + 1,
      });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'practitioner.account.link',
        objectId: linked.id,
      });
      expect(trail.items[0]?.detail).toMatchObject({ accountId: outsider.accountId });
    });

    it('should answer 409 naming accountId when the account belongs to another practitioner', async () => {
      const response = await send('PUT', url(other), wujin, {
        accountId: outsider.accountId,
        version: other.version,
      });
      expect(response.statusCode).toBe(409);
      expect(fieldsOf(response.json())).toEqual(['body.accountId']);
    });

    it('should answer 400 on accountId when the account is in another district', async () => {
      const response = await send('PUT', url(other), wujin, {
        accountId: tianning.accountId,
        version: other.version,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.accountId', message: '账号不存在或不在本辖区' },
      ]);
    });

    it('should answer 409 stale_version when linking with an old version', async () => {
      const response = await send('PUT', url(other), wujin, {
        accountId: officer.accountId,
        version: other.version + 5,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('stale_version');
    });

    it('should unlink with the current version and refuse a stale one', async () => {
      const fresh = await current(linked.id);
      const stale = await send('DELETE', `${url(linked)}?version=${fresh.version - 1}`, wujin);
      expect(stale.statusCode).toBe(409);
      const response = await send('DELETE', `${url(linked)}?version=${fresh.version}`, wujin);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ accountId: null, accountName: null });
    });

    it('should answer 400 naming the field when the body or query is malformed', async () => {
      const bad = await send('PUT', url(other), wujin, { accountId: 'me' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.json())).toEqual(['body.accountId', 'body.version']);
      const noVersion = await send('DELETE', url(other), wujin);
      expect(noVersion.statusCode).toBe(400);
      expect(fieldsOf(noVersion.json())).toEqual(['querystring.version']);
    });
  });

  it('should keep the same licence number rule for new numbers typed with spaces', async () => {
    const spaced = lawyerLicenceNumber(777_001).replace(/(\d{4})/g, '$1 ');
    const response = await send(
      'POST',
      '/api/practitioners',
      wujin,
      buildPractitioner(hutangFirm.id, { licenceNumber: spaced }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().licenceNumber).toBe(lawyerLicenceNumber(777_001));
  });
});
