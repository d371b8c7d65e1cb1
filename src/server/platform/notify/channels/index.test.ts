import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { outgoingMessage } from '../test-support/messages.js';
import { createDeliveryChannels, readyChannels } from './index.js';

const unusedDatabase = {} as Database;

describe('channel settings', () => {
  it('should count only in-app as ready when no provider is configured', () => {
    expect(readyChannels({ wecomEnabled: false })).toEqual(['in_app']);
    expect(readyChannels({ smsUrl: 'https://sms.example/send', wecomEnabled: true })).toEqual([
      'in_app',
      'sms',
      'wecom',
    ]);
  });

  it('should hold SMS and WeCom messages when their settings are absent', async () => {
    const channels = createDeliveryChannels(unusedDatabase, { wecomEnabled: false });
    const message = outgoingMessage('broadcast.risk_alert', { title: 't', content: 'c' });
    await expect(channels.sms?.deliver(message)).resolves.toMatchObject({ outcome: 'held' });
    await expect(channels.wecom?.deliver(message)).resolves.toMatchObject({ outcome: 'held' });
  });
});
