import type { NotificationChannel } from '../../../../contracts/notifications.js';
import type { Database } from '../../db/client.js';
import type { DeliveryChannels } from './channel.js';
import { createInAppChannel } from './in-app.js';
import { createSmsChannel } from './sms.js';
import { createWecomChannel, WECOM_ORIGIN } from './wecom.js';

export type {
  DeliveryChannel,
  DeliveryChannels,
  DeliveryResult,
  OutgoingMessage,
} from './channel.js';
export { createInAppChannel } from './in-app.js';
export { createSmsChannel } from './sms.js';
export { createWecomChannel, WECOM_ORIGIN } from './wecom.js';

/** What the channels need from the process configuration. */
export interface ChannelSettings {
  /** FARUN_SMS_URL; empty = SMS held. */
  smsUrl?: string | undefined;
  /** FARUN_SMS_TOKEN */
  smsToken?: string | undefined;
  /** FARUN_WECOM_ENABLED; false = WeCom messages held (e.g. a network without internet). */
  wecomEnabled: boolean;
  /** FARUN_WECOM_ORIGINS; default WeCom's own https://qyapi.weixin.qq.com. */
  wecomAllowedOrigins?: string[] | undefined;
  /** FARUN_NOTIFY_TIMEOUT_MS for each provider request; default 5 s. */
  timeoutMs?: number | undefined;
}

export function createDeliveryChannels(db: Database, settings: ChannelSettings): DeliveryChannels {
  const timeout = settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {};
  return {
    in_app: createInAppChannel({ db }),
    sms: createSmsChannel({ url: settings.smsUrl, token: settings.smsToken, ...timeout }),
    wecom: createWecomChannel({
      enabled: settings.wecomEnabled,
      allowedOrigins: settings.wecomAllowedOrigins ?? [WECOM_ORIGIN],
      ...timeout,
    }),
  };
}

/**
 * The channels that can deliver under these settings. At start, release their held messages:
 * settings come from the environment, so a restart is when a provider becomes configured.
 */
export function readyChannels(settings: ChannelSettings): NotificationChannel[] {
  return [
    'in_app',
    ...(settings.smsUrl ? (['sms'] as const) : []),
    ...(settings.wecomEnabled ? (['wecom'] as const) : []),
  ];
}
