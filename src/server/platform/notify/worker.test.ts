import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import { outboxQuerySchema } from '../../../contracts/notifications.js';
import { createPersonalDataCipher } from '../crypto/personal-data-cipher.js';
import type { Database, DatabaseHandle } from '../db/client.js';
import type { DeliveryChannel, DeliveryChannels, OutgoingMessage } from './channels/channel.js';
import { createInAppChannel } from './channels/in-app.js';
import { createSmsChannel } from './channels/sms.js';
import { createWecomChannel } from './channels/wecom.js';
import { createNotificationService, type NotificationService } from './notify.service.js';
import { type RecordingServer, startRecordingServer } from './test-support/recording-server.js';
import {
  createNotificationWorker,
  exponentialBackoff,
  type NotificationWorkerOptions,
} from './worker.js';

const cipher = createPersonalDataCipher('notify-worker-test-secret-0123456789');
const PHONE = '13812345678';
const CODE = '246810';
const ROBOT_PATH = '/cgi-bin/webhook/send?key=robot-key-secret-7';
const MINUTE = 60_000;

function oneTimeCode(phone = PHONE) {
  return {
    channel: 'sms' as const,
    phone,
    template: 'citizen.one_time_code' as const,
    params: { code: CODE, minutes: 5 },
  };
}

/** A channel that delivers only when the test lets it, to observe a batch in flight. */
function gatedChannel() {
  const started: OutgoingMessage[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const channel: DeliveryChannel = {
    async deliver(message) {
      started.push(message);
      await gate;
      return { outcome: 'delivered' };
    },
  };
  return { channel, started, open: () => open() };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('notification worker', () => {
  let database: DatabaseHandle;
  let db: Database;
  let notifications: NotificationService;
  let sms: RecordingServer;
  let wecom: RecordingServer;
  let clock: Date;
  const now = () => clock;
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  function channels(overrides: DeliveryChannels = {}): DeliveryChannels {
    return {
      in_app: createInAppChannel({ db }),
      sms: createSmsChannel({ url: `${sms.url}/v1/sms`, token: 'sms-token', timeoutMs: 2_000 }),
      wecom: createWecomChannel({ allowedOrigins: [wecom.url], timeoutMs: 2_000 }),
      ...overrides,
    };
  }

  function worker(options: Partial<NotificationWorkerOptions> = {}) {
    return createNotificationWorker({
      db,
      cipher,
      channels: channels(),
      now,
      backoff: exponentialBackoff({ baseMs: MINUTE }),
      ...options,
    });
  }

  async function statusOf(id: string) {
    return notifications.getOutboxEntry(id);
  }

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    db = database.db;
    notifications = createNotificationService({ db, cipher });
    sms = await startRecordingServer({ status: 200, body: { accepted: true } });
    wecom = await startRecordingServer({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
  });
  afterAll(async () => {
    await sms.close();
    await wecom.close();
    await database.close();
  });
  beforeEach(async () => {
    await db.execute(sql`truncate notification_deliveries, inbox_messages, notification_outbox`);
    sms.reset();
    wecom.reset();
    // Ahead of the database clock, so that what was just enqueued is due.
    clock = new Date(Date.now() + 1_000);
  });

  it('should land the rendered message in the inbox when an in-app message is delivered', async () => {
    const accountId = randomUUID();
    const id = await notifications.enqueue({
      channel: 'in_app',
      accountId,
      template: 'staff.account_created',
      params: { name: 'Li Si', username: 'lisi', expiresAt: '2025-02-01' },
      locale: 'en-US',
    });
    await expect(worker().runOnce()).resolves.toEqual({
      claimed: 1,
      delivered: 1,
      retrying: 0,
      failed: 0,
      held: 0,
    });
    const inbox = await notifications.listInbox(accountId, { limit: 10, offset: 0 });
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ title: 'Account created', readAt: null });
    expect(inbox.items[0]?.body).toContain('Hello Li Si, your Farun staff account lisi');
    expect(await notifications.unreadCount(accountId)).toBe(1);
    expect(await statusOf(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      deliveredAt: clock.toISOString(),
    });
    expect((await notifications.listDeliveries(id)).map((row) => row.outcome)).toEqual([
      'delivered',
    ]);
  });

  it('should post the exact JSON with the bearer token when an SMS is delivered', async () => {
    const id = await notifications.enqueue(oneTimeCode('+86 138 1234 5678'));
    await worker().runOnce();
    expect(sms.requests).toHaveLength(1);
    const [request] = sms.requests;
    expect(request?.path).toBe('/v1/sms');
    expect(request?.headers.authorization).toBe('Bearer sms-token');
    expect(request?.json()).toEqual({
      phone: PHONE,
      templateCode: 'citizen.one_time_code',
      params: { code: CODE, minutes: '5' },
      text: `【法润】验证码 ${CODE}，5 分钟内有效，请勿告诉他人。`,
    });
    expect(await statusOf(id)).toMatchObject({ status: 'delivered', lastError: null });
  });

  it('should retry with backoff and log two attempts when the SMS provider fails once with 500', async () => {
    const id = await notifications.enqueue(oneTimeCode());
    const smsWorker = worker();
    sms.reply({ status: 500, body: 'busy' });

    expect((await smsWorker.runOnce()).retrying).toBe(1);
    const afterFailure = await statusOf(id);
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    expect(afterFailure.nextAttemptAt).toBe(new Date(clock.getTime() + MINUTE).toISOString());

    advance(MINUTE - 1_000);
    expect((await smsWorker.runOnce()).claimed).toBe(0);
    expect(sms.requests).toHaveLength(1);

    advance(1_000);
    expect((await smsWorker.runOnce()).delivered).toBe(1);
    expect(sms.requests).toHaveLength(2);
    expect(await statusOf(id)).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    const deliveries = await notifications.listDeliveries(id);
    expect(deliveries.map(({ outcome, detail }) => ({ outcome, detail }))).toEqual([
      { outcome: 'failed', detail: 'HTTP 500' },
      { outcome: 'delivered', detail: 'HTTP 200' },
    ]);
  });

  it('should fail at once without retry when the SMS provider answers 400', async () => {
    const id = await notifications.enqueue(oneTimeCode());
    sms.reply({ status: 400, body: 'bad template' });
    const smsWorker = worker();
    expect((await smsWorker.runOnce()).failed).toBe(1);
    advance(24 * 60 * MINUTE);
    expect((await smsWorker.runOnce()).claimed).toBe(0);
    expect(sms.requests).toHaveLength(1);
    expect(await statusOf(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'HTTP 400',
    });
    expect(await notifications.listDeliveries(id)).toHaveLength(1);
  });

  it('should give up as failed when every allowed attempt fails', async () => {
    const id = await notifications.enqueue(oneTimeCode());
    sms.setDefaultReply({ status: 503 });
    try {
      const smsWorker = worker({ maxAttempts: 3 });
      for (let run = 0; run < 5; run += 1) {
        await smsWorker.runOnce();
        advance(60 * MINUTE);
      }
    } finally {
      sms.setDefaultReply({ status: 200, body: { accepted: true } });
    }
    expect(sms.requests).toHaveLength(3);
    expect(await statusOf(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'HTTP 503',
    });
  });

  it('should send WeCom markdown and retry when the robot answers errcode 45009', async () => {
    const id = await notifications.enqueue({
      channel: 'wecom',
      webhookUrl: `${wecom.url}${ROBOT_PATH}`,
      groupName: '湖塘镇企业群',
      template: 'broadcast.risk_alert',
      params: { title: '用工风险', content: '春节前请**足额发放**工资。' },
    });
    wecom.reply({ status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    const wecomWorker = worker();

    expect((await wecomWorker.runOnce()).retrying).toBe(1);
    expect(await statusOf(id)).toMatchObject({
      status: 'pending',
      lastError: 'errcode 45009: api freq out of limit',
    });
    advance(MINUTE);
    expect((await wecomWorker.runOnce()).delivered).toBe(1);

    expect(wecom.requests.map((request) => request.path)).toEqual([ROBOT_PATH, ROBOT_PATH]);
    expect(wecom.requests[1]?.json()).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 法律风险预警：用工风险\n春节前请**足额发放**工资。' },
    });
    expect(await statusOf(id)).toMatchObject({
      status: 'delivered',
      recipientLabel: '湖塘镇企业群',
    });
  });

  it('should fail without retry when the robot answers another non-zero errcode', async () => {
    const id = await notifications.enqueue({
      channel: 'wecom',
      webhookUrl: `${wecom.url}${ROBOT_PATH}`,
      groupName: '群',
      template: 'broadcast.risk_alert',
      params: { title: 't', content: 'c' },
    });
    wecom.reply({
      status: 200,
      body: { errcode: 93000, errmsg: 'invalid webhook url, hint: [x]' },
    });
    expect((await worker().runOnce()).failed).toBe(1);
    expect(await statusOf(id)).toMatchObject({
      status: 'failed',
      lastError: 'errcode 93000: invalid webhook url',
    });
  });

  it('should hold messages, keep them listed and send them after release when no provider is configured', async () => {
    const smsId = await notifications.enqueue(oneTimeCode());
    const wecomId = await notifications.enqueue({
      channel: 'wecom',
      webhookUrl: `${wecom.url}${ROBOT_PATH}`,
      groupName: '群',
      template: 'broadcast.risk_alert',
      params: { title: 't', content: 'c' },
    });
    const unconfigured = worker({
      channels: { in_app: createInAppChannel({ db }), sms: createSmsChannel({}) },
    });
    expect((await unconfigured.runOnce()).held).toBe(2);

    const held = await notifications.listOutbox(outboxQuerySchema.parse({ status: 'held' }));
    expect(held.items.map((item) => item.id).sort()).toEqual([smsId, wecomId].sort());
    expect(await statusOf(smsId)).toMatchObject({
      attempts: 0,
      lastError: 'no SMS provider configured',
    });
    expect(await statusOf(wecomId)).toMatchObject({ lastError: 'no wecom channel configured' });

    const configured = worker();
    expect((await configured.runOnce()).claimed).toBe(0);
    advance(MINUTE);
    expect(await configured.releaseHeld('sms')).toBe(1);
    expect((await configured.runOnce()).delivered).toBe(1);
    expect(sms.requests).toHaveLength(1);
    expect(await statusOf(wecomId)).toMatchObject({ status: 'held' });
    expect((await notifications.listDeliveries(smsId)).map((row) => row.outcome)).toEqual([
      'held',
      'delivered',
    ]);
  });

  it('should fail without retry when the stored message cannot be decrypted', async () => {
    const id = await notifications.enqueue(oneTimeCode());
    const otherKey = createPersonalDataCipher('another-secret-key-after-rotation-xx');
    expect((await worker({ cipher: otherKey }).runOnce()).failed).toBe(1);
    expect(await statusOf(id)).toMatchObject({
      status: 'failed',
      lastError: 'cannot decrypt the stored message',
    });
  });

  it('should record no content and log none when a channel throws', async () => {
    const logged: string[] = [];
    const logger = {
      debug: (details: object, message: string) => logged.push(JSON.stringify([details, message])),
      warn: (details: object, message: string) => logged.push(JSON.stringify([details, message])),
    };
    const id = await notifications.enqueue(oneTimeCode());
    const leaky: DeliveryChannel = {
      deliver: (message) =>
        Promise.reject(new Error(`cannot reach ${message.address} ${message.body}`)),
    };
    await worker({ channels: channels({ sms: leaky }), logger }).runOnce();
    advance(MINUTE);
    await worker({ logger }).runOnce();

    const entry = await statusOf(id);
    expect(entry.status).toBe('delivered');
    const everything = JSON.stringify([logged, await notifications.listDeliveries(id), entry]);
    expect(everything).toContain('channel error: Error');
    for (const secret of [PHONE, CODE, '验证码', 'sms-token', sms.url]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('should not deliver a message twice when two batches run at the same time', async () => {
    const gated = gatedChannel();
    await notifications.enqueue(oneTimeCode());
    const first = worker({ channels: channels({ sms: gated.channel }) });
    const second = worker({ channels: channels({ sms: gated.channel }) });
    const running = first.runOnce();
    await until(() => gated.started.length === 1);
    expect((await second.runOnce()).claimed).toBe(0);
    gated.open();
    expect((await running).delivered).toBe(1);
    expect(gated.started).toHaveLength(1);
  });

  it('should wait for the batch in flight when stopped', async () => {
    const gated = gatedChannel();
    const id = await notifications.enqueue(oneTimeCode());
    const running = worker({
      channels: channels({ sms: gated.channel }),
      now: () => new Date(Date.now() + 1_000),
    });
    running.start(20);
    await until(() => gated.started.length === 1);

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    gated.open();
    await stopping;
    expect(await statusOf(id)).toMatchObject({ status: 'delivered' });
  });

  it('should keep delivering on its interval when stopped and started again', async () => {
    const looping = worker({ now: () => new Date(Date.now() + 1_000) });
    looping.start(10);
    await looping.stop();
    looping.start(10);
    const id = await notifications.enqueue(oneTimeCode());
    await until(() => sms.requests.length === 1);
    await looping.stop();
    expect(await statusOf(id)).toMatchObject({ status: 'delivered' });
    expect(sms.requests).toHaveLength(1);
  });
});

describeOnPostgres('notification worker on PostgreSQL', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
  });
  afterAll(() => database?.close());

  it('should share due messages between workers without overlap when they claim together', async () => {
    const notifications = createNotificationService({ db: database.db, cipher });
    for (let index = 0; index < 10; index += 1) {
      await notifications.enqueue({
        channel: 'in_app',
        accountId: randomUUID(),
        template: 'staff.password_changed',
        params: { name: `员工${index}`, username: `user${index}`, changedAt: '10:00' },
      });
    }
    const delivered: string[] = [];
    const slow: DeliveryChannel = {
      async deliver(message) {
        delivered.push(message.outboxId);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { outcome: 'delivered' };
      },
    };
    const later = () => new Date(Date.now() + 1_000);
    const workers = [1, 2].map(() =>
      createNotificationWorker({
        db: database.db,
        cipher,
        channels: { in_app: slow },
        now: later,
        batchSize: 6,
      }),
    );
    const summaries = await Promise.all(workers.map((each) => each.runOnce()));
    expect(summaries.map((summary) => summary.claimed).sort()).toEqual([4, 6]);
    expect(new Set(delivered).size).toBe(10);
  });
});
