import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { buildPartner, createWorkstation } from '../../../../test/helpers/factories.volunteers.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { Partner, PartnerAgreement } from '../../../contracts/partners.js';

type Staff = SignedIn & { organizationId: string };

describe('partner routes', () => {
  let context: TestContext;
  let wujin: Staff;
  let tianning: Staff;
  let station: Organization;
  let tianningStation: Organization;
  let firm: Organization;
  let partner: Partner;

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    ({ station } = await createWorkstation(context, wujin.organizationId, '320412100'));
    ({ station: tianningStation } = await createWorkstation(
      context,
      tianning.organizationId,
      '320402001',
    ));
    firm = await context.services.organizations.createOrganization(
      buildOrganization({ name: '江苏合作律师事务所', divisionCode: '320412100' }),
    );
    partner = (
      await send(
        'POST',
        '/api/partners',
        wujin,
        buildPartner({
          kind: 'law_firm',
          name: '江苏合作律师事务所',
          linkedOrganizationId: firm.id,
          contactPhone: '0519-8655 0001 转 8',
        }),
      )
    ).json() as Partner;
  });
  afterAll(() => context.close());

  function send(
    method: 'GET' | 'POST' | 'PATCH',
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

  describe('POST /api/partners', () => {
    it('should register a partner owned by the creator’s bureau, linked to its directory entry', async () => {
      expect(partner).toMatchObject({
        kind: 'law_firm',
        organizationId: wujin.organizationId,
        divisionCode: '320412',
        linkedOrganizationId: firm.id,
        linkedOrganizationName: firm.name,
        contactPhone: '0519-8655 0001 转 8',
        volunteerCount: 0,
        agreementCount: 0,
        version: 1,
      });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'partner.create',
        objectId: partner.id,
      });
      expect(trail.items[0]?.actorId).toBe(wujin.accountId);
    });

    it('should answer 400 naming the fields when the body is invalid', async () => {
      const response = await send('POST', '/api/partners', wujin, {
        kind: 'club',
        name: '甲',
        contactPhone: 'call me',
      });
      expect(response.statusCode).toBe(400);
      expect(
        fieldsOf(response)
          .map((field) => field.field)
          .sort(),
      ).toEqual(['body.contactPhone', 'body.kind', 'body.name']);
      expect(fieldsOf(response).find((field) => field.field === 'body.contactPhone')?.message).toBe(
        '应为办公电话号码（数字、空格、连字符、括号）',
      );
    });

    it('should answer 400 when the managing organization is in another district', async () => {
      const response = await send(
        'POST',
        '/api/partners',
        wujin,
        buildPartner({ organizationId: tianning.organizationId }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)[0]?.field).toBe('body.organizationId');
    });

    it('should answer 400 when the linked organization does not exist', async () => {
      const response = await send(
        'POST',
        '/api/partners',
        wujin,
        buildPartner({ linkedOrganizationId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(fieldsOf(response)).toEqual([
        { field: 'body.linkedOrganizationId', message: '机构不存在' },
      ]);
    });

    it('should answer 409 when the bureau already has a partner of that name', async () => {
      const response = await send(
        'POST',
        '/api/partners',
        wujin,
        buildPartner({ name: '江苏合作律师事务所' }),
      );
      expect(response.statusCode).toBe(409);
    });
  });

  describe('GET /api/partners', () => {
    it('should list the district’s partners by kind and name', async () => {
      await send(
        'POST',
        '/api/partners',
        wujin,
        buildPartner({ kind: 'civilization_office', name: '武进区文明办' }),
      );
      const all = await send('GET', '/api/partners', wujin);
      expect(all.statusCode).toBe(200);
      expect((all.json().items as Partner[]).map((item) => item.name)).toEqual([
        '武进区文明办',
        '江苏合作律师事务所',
      ]);
      const byKind = await send('GET', '/api/partners?kind=law_firm', wujin);
      expect(byKind.json().total).toBe(1);
      const byName = await send('GET', `/api/partners?q=${encodeURIComponent('文明')}`, wujin);
      expect((byName.json().items as Partner[]).map((item) => item.name)).toEqual(['武进区文明办']);
    });

    it('should show another district none of them', async () => {
      const response = await send('GET', '/api/partners', tianning);
      expect(response.json().total).toBe(0);
    });

    it('should answer 400 naming the kind when it is unknown', async () => {
      const response = await send('GET', '/api/partners?kind=club', wujin);
      expect(fieldsOf(response)[0]?.field).toBe('querystring.kind');
    });
  });

  describe('GET and PATCH /api/partners/:id', () => {
    it('should answer one partner when its district asks', async () => {
      expect((await send('GET', `/api/partners/${partner.id}`, wujin)).json().name).toBe(
        partner.name,
      );
    });

    it('should change the contact and bump the version, then refuse a stale edit', async () => {
      const response = await send('PATCH', `/api/partners/${partner.id}`, wujin, {
        contactName: '张律师',
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ contactName: '张律师', version: 2 });
      const stale = await send('PATCH', `/api/partners/${partner.id}`, wujin, {
        contactName: '李律师',
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('stale_version');
    });

    it('should answer 400 naming the field when the phone is malformed', async () => {
      const url = `/api/partners/${partner.id}`;
      const invalid = await send('PATCH', url, wujin, { contactPhone: 'x', version: 2 });
      expect(fieldsOf(invalid)[0]?.field).toBe('body.contactPhone');
    });
  });

  describe('agreements', () => {
    it('should record an agreement to help run a station and list it', async () => {
      const response = await send('POST', `/api/partners/${partner.id}/agreements`, wujin, {
        title: '湖塘镇法律援助工作站共建协议',
        stationId: station.id,
        signedOn: '2026-02-20',
        validFrom: '2026-03-01',
        validTo: '2027-02-28',
        terms: '每周二、周四上午派律师值班',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        stationId: station.id,
        stationName: station.name,
        validTo: '2027-02-28',
      });
      const list = await send('GET', `/api/partners/${partner.id}/agreements`, wujin);
      expect((list.json() as PartnerAgreement[]).map((item) => item.title)).toEqual([
        '湖塘镇法律援助工作站共建协议',
      ]);
      expect((await send('GET', `/api/partners/${partner.id}`, wujin)).json().agreementCount).toBe(
        1,
      );
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'partner.agreement.create',
        objectId: partner.id,
      });
      expect(trail.total).toBe(1);
    });

    it('should answer 400 naming validTo when the term ends before it starts', async () => {
      const response = await send('POST', `/api/partners/${partner.id}/agreements`, wujin, {
        title: '倒置的协议',
        signedOn: '2026-02-20',
        validFrom: '2026-03-01',
        validTo: '2026-02-01',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual([
        { field: 'body.validTo', message: '终止日期不能早于生效日期' },
      ]);
    });

    it('should answer 400 for a station of another district or a malformed date', async () => {
      const foreign = await send('POST', `/api/partners/${partner.id}/agreements`, wujin, {
        title: '跨区协议',
        stationId: tianningStation.id,
        signedOn: '2026-02-20',
        validFrom: '2026-03-01',
      });
      expect(fieldsOf(foreign)[0]?.field).toBe('body.stationId');
      const malformed = await send('POST', `/api/partners/${partner.id}/agreements`, wujin, {
        title: '日期错误',
        signedOn: '2026-02-30',
        validFrom: 'March',
      });
      expect(
        fieldsOf(malformed)
          .map((field) => field.field)
          .sort(),
      ).toEqual(['body.signedOn', 'body.validFrom']);
    });
  });
});
