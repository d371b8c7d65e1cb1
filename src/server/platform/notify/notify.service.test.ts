import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../../test/helpers/database.js';
import { outboxQuerySchema } from '../../../contracts/notifications.js';
import { createPersonalDataCipher } from '../crypto/personal-data-cipher.js';
import { type DatabaseHandle, queryRows } from '../db/client.js';
import { InputError, NotFoundError } from '../errors.js';
import { createNotificationService, type NotificationService } from './notify.service.js';
import { inboxMessages } from './notify.tables.js';
import { TemplateParamsError } from './templates.js';

const cipher = createPersonalDataCipher('notify-service-test-secret-0123456789');
const webhookUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key-42';

describe('notification service', () => {
  let database: DatabaseHandle;
  let notifications: NotificationService;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    notifications = createNotificationService({ db: database.db, cipher });
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.execute(
      sql`truncate notification_deliveries, inbox_messages, notification_outbox`,
    );
  });

  async function rawOutboxRows() {
    return queryRows<Record<string, unknown>>(database.db, sql`select * from notification_outbox`);
  }

  it('should store no clear phone, code or webhook URL when messages are enqueued', async () => {
    await notifications.enqueue({
      channel: 'sms',
      phone: '+86 138-1234-5678',
      template: 'citizen.one_time_code',
      params: { code: '246810', minutes: 5 },
    });
    await notifications.enqueue({
      channel: 'wecom',
      webhookUrl,
      groupName: '武进区企业服务群',
      template: 'broadcast.risk_alert',
      params: { title: '欠薪', content: '按时发放工资' },
    });
    const raw = JSON.stringify(await rawOutboxRows());
    for (const secret of ['13812345678', '246810', 'secret-robot-key-42', 'qyapi', '按时发放']) {
      expect(raw).not.toContain(secret);
    }
    const page = await notifications.listOutbox(outboxQuerySchema.parse({}));
    expect(page.items.map((item) => item.recipientLabel).sort()).toEqual([
      '138****5678',
      '武进区企业服务群',
    ]);
    expect(JSON.stringify(page)).not.toContain('246810');
  });

  it('should leave nothing when the enqueueing transaction rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await notifications.enqueue(
          {
            channel: 'in_app',
            accountId: randomUUID(),
            template: 'staff.password_changed',
            params: { name: '张三', username: 'zhangsan', changedAt: '2025-01-02 10:00' },
          },
          tx,
        );
        throw new Error('the causing event failed');
      }),
    ).rejects.toThrow('the causing event failed');
    expect(await rawOutboxRows()).toHaveLength(0);
  });

  it('should keep the message when the enqueueing transaction commits', async () => {
    const accountId = randomUUID();
    const id = await database.db.transaction((tx) =>
      notifications.enqueue(
        {
          channel: 'in_app',
          accountId,
          template: 'staff.account_locked',
          params: { name: '张三', username: 'zhangsan', unlockAt: '10:30' },
          locale: 'en-US',
        },
        tx,
      ),
    );
    const entry = await notifications.getOutboxEntry(id);
    expect(entry).toMatchObject({
      channel: 'in_app',
      recipientLabel: `account:${accountId}`,
      template: 'staff.account_locked',
      locale: 'en-US',
      status: 'pending',
      attempts: 0,
      lastError: null,
      deliveredAt: null,
    });
  });

  it('should refuse the message naming the variable when a template variable is missing', async () => {
    await expect(
      notifications.enqueue({
        channel: 'sms',
        phone: '13812345678',
        template: 'citizen.one_time_code',
        params: { code: '246810' },
      }),
    ).rejects.toThrow(new TemplateParamsError('citizen.one_time_code', ['minutes'], []));
    expect(await rawOutboxRows()).toHaveLength(0);
  });

  it('should refuse the message when the phone or webhook URL is malformed', async () => {
    const params = { code: '1', minutes: 5 };
    await expect(
      notifications.enqueue({
        channel: 'sms',
        phone: '12345',
        template: 'citizen.one_time_code',
        params,
      }),
    ).rejects.toThrow(InputError);
    await expect(
      notifications.enqueue({
        channel: 'wecom',
        webhookUrl: 'not a url',
        groupName: 'g',
        template: 'broadcast.risk_alert',
        params: { title: 't', content: 'c' },
      }),
    ).rejects.toThrow(InputError);
  });

  it('should filter the outbox when status, channel or template is given', async () => {
    await notifications.enqueue({
      channel: 'sms',
      phone: '13812345678',
      template: 'citizen.one_time_code',
      params: { code: '1', minutes: 5 },
    });
    await notifications.enqueue({
      channel: 'in_app',
      accountId: randomUUID(),
      template: 'staff.account_created',
      params: { name: '李四', username: 'lisi', expiresAt: '2025-02-01' },
    });
    const bySms = await notifications.listOutbox(outboxQuerySchema.parse({ channel: 'sms' }));
    expect(bySms.total).toBe(1);
    expect(bySms.items[0]?.template).toBe('citizen.one_time_code');
    const byTemplate = await notifications.listOutbox(
      outboxQuerySchema.parse({ template: 'staff.account_created', status: 'pending' }),
    );
    expect(byTemplate.items.map((item) => item.channel)).toEqual(['in_app']);
    const delivered = await notifications.listOutbox(
      outboxQuerySchema.parse({ status: 'delivered' }),
    );
    expect(delivered.total).toBe(0);
  });

  it('should refuse unknown fields when the outbox query is parsed', () => {
    expect(outboxQuerySchema.safeParse({ phone: '138' }).success).toBe(false);
  });

  it('should answer not found when the deliveries of an unknown message are asked for', async () => {
    await expect(notifications.listDeliveries(randomUUID())).rejects.toThrow(NotFoundError);
    await expect(notifications.listDeliveries('nope')).rejects.toThrow(NotFoundError);
  });

  describe('inbox', () => {
    const owner = randomUUID();
    const stranger = randomUUID();

    async function seedInbox(count: number) {
      const rows = Array.from({ length: count }, (_, index) => ({
        accountId: owner,
        title: `标题 ${index}`,
        body: `正文 ${index}`,
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, index)),
      }));
      return database.db.insert(inboxMessages).values(rows).returning({ id: inboxMessages.id });
    }

    it('should list the newest first and count unread when an account has messages', async () => {
      await seedInbox(3);
      const page = await notifications.listInbox(owner, { limit: 2, offset: 0 });
      expect(page.total).toBe(3);
      expect(page.items.map((item) => item.title)).toEqual(['标题 2', '标题 1']);
      expect(await notifications.unreadCount(owner)).toBe(3);
      expect((await notifications.listInbox(stranger, { limit: 10, offset: 0 })).total).toBe(0);
    });

    it('should mark only the owner’s message read when asked', async () => {
      const [first, second] = await seedInbox(2);
      await notifications.markInboxRead(owner, first?.id as string);
      await notifications.markInboxRead(owner, first?.id as string);
      expect(await notifications.unreadCount(owner)).toBe(1);
      const unread = await notifications.listInbox(owner, {
        limit: 10,
        offset: 0,
        unreadOnly: true,
      });
      expect(unread.items.map((item) => item.id)).toEqual([second?.id]);

      await expect(notifications.markInboxRead(stranger, second?.id as string)).rejects.toThrow(
        NotFoundError,
      );
      await expect(notifications.markInboxRead(owner, randomUUID())).rejects.toThrow(NotFoundError);
      expect(await notifications.unreadCount(owner)).toBe(1);
    });

    it('should mark every unread message read when all are marked', async () => {
      await seedInbox(2);
      expect(await notifications.markAllInboxRead(owner)).toBe(2);
      expect(await notifications.unreadCount(owner)).toBe(0);
    });
  });
});
