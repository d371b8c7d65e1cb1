import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outgoingMessage } from '../test-support/messages.js';
import { type RecordingServer, startRecordingServer } from '../test-support/recording-server.js';
import { createSmsChannel } from './sms.js';

const codeMessage = outgoingMessage(
  'citizen.one_time_code',
  { code: '246810', minutes: 5 },
  { channel: 'sms', address: '13812345678' },
);

describe('SMS channel', () => {
  let server: RecordingServer;

  beforeAll(async () => {
    server = await startRecordingServer({ status: 200, body: { ok: true } });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  function channel(timeoutMs = 2_000) {
    return createSmsChannel({ url: `${server.url}/sms/send`, token: 'sms-token', timeoutMs });
  }

  it('should post the documented JSON with the bearer token when the provider is configured', async () => {
    await expect(channel().deliver(codeMessage)).resolves.toEqual({
      outcome: 'delivered',
      detail: 'HTTP 200',
    });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/sms/send');
    expect(request?.headers.authorization).toBe('Bearer sms-token');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.json()).toEqual({
      phone: '13812345678',
      templateCode: 'citizen.one_time_code',
      params: { code: '246810', minutes: '5' },
      text: '【法润】验证码 246810，5 分钟内有效，请勿告诉他人。',
    });
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [401, false],
    [404, false],
  ])('should fail with retryable=%s when the provider answers %i', async (status, retryable) => {
    server.reply({ status, body: 'no' });
    await expect(channel().deliver(codeMessage)).resolves.toEqual({
      outcome: 'failed',
      detail: `HTTP ${status}`,
      retryable,
    });
  });

  it('should fail as retryable when the provider does not answer in time', async () => {
    server.reply({ status: 200, delayMs: 1_000 });
    await expect(channel(100).deliver(codeMessage)).resolves.toEqual({
      outcome: 'failed',
      detail: 'timeout after 100 ms',
      retryable: true,
    });
  });

  it('should fail as retryable without naming the host when nothing listens', async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const result = await createSmsChannel({ url: `${closed.url}/sms` }).deliver(codeMessage);
    expect(result).toEqual({
      outcome: 'failed',
      detail: 'network error: ECONNREFUSED',
      retryable: true,
    });
  });

  it('should hold the message without a request when no provider URL is configured', async () => {
    await expect(createSmsChannel({ url: '' }).deliver(codeMessage)).resolves.toEqual({
      outcome: 'held',
      detail: 'no SMS provider configured',
    });
    expect(server.requests).toHaveLength(0);
  });
});
