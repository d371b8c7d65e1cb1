import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outgoingMessage } from '../test-support/messages.js';
import { type RecordingServer, startRecordingServer } from '../test-support/recording-server.js';
import { createWecomChannel, interpretWecomAnswer, truncateUtf8 } from './wecom.js';

const WEBHOOK_PATH = '/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

describe('WeCom group robot channel', () => {
  let server: RecordingServer;

  beforeAll(async () => {
    server = await startRecordingServer({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  function alert(address = `${server.url}${WEBHOOK_PATH}`) {
    return outgoingMessage(
      'broadcast.risk_alert',
      { title: '年底欠薪', content: '请于 **1 月 20 日** 前结清工资。' },
      { channel: 'wecom', address },
    );
  }

  function channel() {
    return createWecomChannel({ allowedOrigins: [server.url], timeoutMs: 2_000 });
  }

  it('should post msgtype markdown to the webhook when the template is markdown', async () => {
    await expect(channel().deliver(alert())).resolves.toEqual({
      outcome: 'delivered',
      detail: 'errcode 0',
    });
    const [request] = server.requests;
    expect(request?.path).toBe(WEBHOOK_PATH);
    expect(request?.json()).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 法律风险预警：年底欠薪\n请于 **1 月 20 日** 前结清工资。' },
    });
  });

  it('should post msgtype text when the template is plain text', async () => {
    const message = outgoingMessage(
      'staff.password_changed',
      { name: '张三', username: 'zhangsan', changedAt: '2025-01-02 10:00' },
      { channel: 'wecom', address: `${server.url}${WEBHOOK_PATH}` },
    );
    await channel().deliver(message);
    expect(server.requests[0]?.json()).toEqual({
      msgtype: 'text',
      text: { content: `密码已修改\n${message.body}` },
    });
  });

  it('should fail as retryable when WeCom answers errcode 45009 (rate limit)', async () => {
    server.reply({ status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    await expect(channel().deliver(alert())).resolves.toEqual({
      outcome: 'failed',
      detail: 'errcode 45009: api freq out of limit',
      retryable: true,
    });
  });

  it('should fail without retry and drop the hint when WeCom answers another errcode', async () => {
    server.reply({
      status: 200,
      body: {
        errcode: 93000,
        errmsg: 'invalid webhook url, hint: [1700000000_1_abc], from ip: 1.2.3.4, more info at x',
      },
    });
    await expect(channel().deliver(alert())).resolves.toEqual({
      outcome: 'failed',
      detail: 'errcode 93000: invalid webhook url',
      retryable: false,
    });
  });

  it('should refuse without a request when the webhook points outside the allowed origins', async () => {
    const result = await createWecomChannel().deliver(alert());
    expect(result).toEqual({
      outcome: 'failed',
      detail: 'webhook URL not allowed',
      retryable: false,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('should hold the message when WeCom delivery is disabled', async () => {
    const result = await createWecomChannel({ enabled: false }).deliver(alert());
    expect(result.outcome).toBe('held');
    expect(server.requests).toHaveLength(0);
  });

  it('should read HTTP errors and unreadable bodies when WeCom answers oddly', () => {
    expect(interpretWecomAnswer(502, '')).toEqual({
      outcome: 'failed',
      detail: 'HTTP 502',
      retryable: true,
    });
    expect(interpretWecomAnswer(200, '<html>')).toMatchObject({
      outcome: 'failed',
      retryable: true,
    });
  });

  it('should cut the content on a character boundary when it exceeds the byte limit', () => {
    const cut = truncateUtf8('法'.repeat(2000), 4096);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(4096);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncateUtf8('short', 10)).toBe('short');
  });
});
