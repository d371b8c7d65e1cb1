import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { createInAppChannel } from './channels/in-app.js';
import { createNotificationWorker } from './worker.js';

describe('notification routes', () => {
  let context: TestContext;
  let watcher: SignedIn;
  let reader: SignedIn;
  let otherReader: SignedIn;
  let messageId: string;

  beforeAll(async () => {
    context = await createTestContext();
    watcher = await signInStaff(context, { roles: ['bureau_staff'] });
    reader = await signInStaff(context, { roles: ['personal_data_officer'] });
    otherReader = await signInStaff(context, { roles: ['personal_data_officer'] });
    await context.services.notifications.enqueue({
      channel: 'sms',
      phone: '13811112222',
      template: 'citizen.one_time_code',
      params: { code: '123456', minutes: 5 },
    });
    await context.services.notifications.enqueue({
      channel: 'in_app',
      accountId: reader.accountId,
      template: 'staff.account_created',
      params: { name: '测试', username: 'reader', expiresAt: '2026-12-01' },
    });
    const worker = createNotificationWorker({
      db: context.database.db,
      cipher: context.services.cipher,
      channels: {
        in_app: createInAppChannel({ db: context.database.db }),
        sms: { deliver: async () => ({ outcome: 'held', detail: 'no provider' }) },
        wecom: { deliver: async () => ({ outcome: 'held', detail: 'disabled' }) },
      },
    });
    await worker.runOnce();
    const inbox = await context.services.notifications.listInbox(reader.accountId, {
      limit: 10,
      offset: 0,
    });
    messageId = inbox.items[0]!.id;
  });
  afterAll(() => context.close());

  const inject = (method: 'GET' | 'POST', url: string, as?: SignedIn) =>
    context.app.inject({ method, url, headers: as?.headers ?? {} });

  it('should show a held SMS with a masked recipient and no content when staff watch the outbox', async () => {
    const response = await inject('GET', '/api/outbox?channel=sms', watcher);
    expect(response.statusCode).toBe(200);
    const entry = response.json().items[0];
    expect(entry).toMatchObject({ channel: 'sms', recipientLabel: '138****2222', status: 'held' });
    expect(JSON.stringify(response.json())).not.toContain('123456');
    const deliveries = await inject('GET', `/api/outbox/${entry.id}/deliveries`, watcher);
    expect(deliveries.json()[0]).toMatchObject({ outcome: 'held' });
  });

  it('should answer 400 when the outbox filter is unknown', async () => {
    expect((await inject('GET', '/api/outbox?status=lost', watcher)).statusCode).toBe(400);
  });

  it('should show the reader their message and count it until read', async () => {
    expect((await inject('GET', '/api/inbox/unread-count', reader)).json()).toEqual({ unread: 1 });
    expect((await inject('POST', `/api/inbox/${messageId}/read`, reader)).statusCode).toBe(204);
    expect((await inject('GET', '/api/inbox/unread-count', reader)).json()).toEqual({ unread: 0 });
  });

  it('should answer 404 when another user marks the message read', async () => {
    expect((await inject('POST', `/api/inbox/${messageId}/read`, otherReader)).statusCode).toBe(
      404,
    );
    expect((await inject('GET', '/api/inbox', otherReader)).json().total).toBe(0);
  });

  it('should answer 400 when the message id is not a UUID', async () => {
    expect((await inject('POST', '/api/inbox/7/read', reader)).statusCode).toBe(400);
  });
});
