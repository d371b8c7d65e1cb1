import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInAdministrator, signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';

describe('audit routes', () => {
  let context: TestContext;
  let auditor: SignedIn;
  let staff: SignedIn;

  beforeAll(async () => {
    context = await createTestContext();
    auditor = await signInAdministrator(context, { roles: ['audit_admin'], divisionCode: '3204' });
    staff = await signInStaff(context, { roles: ['bureau_staff'] });
  });
  afterAll(() => context.close());

  const get = (url: string, as?: SignedIn) =>
    context.app.inject({ method: 'GET', url, headers: as?.headers ?? {} });

  it('should list sign-ins newest first when the audit administrator searches', async () => {
    const response = await get('/api/audit?action=auth.login&limit=10', auditor);
    expect(response.statusCode).toBe(200);
    const actors = response
      .json()
      .items.map((item: { actorId: string | null; objectId: string }) => item.objectId);
    expect(actors).toContain(staff.accountId);
    expect(actors).toContain(auditor.accountId);
  });

  it('should answer 400 naming the filter when it is malformed', async () => {
    const response = await get('/api/audit?actorId=someone', auditor);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('querystring.actorId');
  });

  it('should report an intact chain when nothing was tampered with', async () => {
    expect((await get('/api/audit/verify', auditor)).json()).toMatchObject({ valid: true });
  });

  it('should export CSV and audit the export itself', async () => {
    const response = await get('/api/audit/export?action=auth.', auditor);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-/);
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'audit.export',
    });
    expect(trail.items[0]).toMatchObject({ actorId: auditor.accountId, outcome: 'success' });
  });
});
