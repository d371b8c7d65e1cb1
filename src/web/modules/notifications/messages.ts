// Labels of notifications: the outbox page, its channels, templates and delivery outcomes, and the
// inbox.
import type {
  DeliveryOutcome,
  NotificationChannel,
  NotificationStatus,
  NotificationTemplateName,
} from '../../../contracts/notifications.js';
import type { ModuleMessages } from '../../kit/i18n/catalogue.js';

/** Keys the dictionaries must hold for each value of this domain's enums. */
type EnumLabelKey =
  | `channel.${NotificationChannel}`
  | `template.${NotificationTemplateName}`
  | `outboxStatus.${NotificationStatus}`
  | `outboxStatus.${NotificationStatus}.hint`
  | `deliveryOutcome.${DeliveryOutcome}`;

export const notificationsZhCN = {
  'permission.outbox.read': '查看消息发件箱',
  'channel.in_app': '站内消息',
  'channel.sms': '短信',
  'channel.wecom': '企业微信',
  'template.citizen.one_time_code': '短信验证码',
  'template.staff.account_created': '账号开通通知',
  'template.staff.password_changed': '密码修改提醒',
  'template.staff.account_locked': '账号锁定提醒',
  'template.broadcast.risk_alert': '法律风险预警',
  'outboxStatus.pending': '待发送',
  'outboxStatus.delivered': '已送达',
  'outboxStatus.failed': '发送失败',
  'outboxStatus.held': '暂存',
  'outboxStatus.pending.hint': '等待发送；未成功时按间隔自动重试',
  'outboxStatus.delivered.hint': '服务商已接收该消息',
  'outboxStatus.failed.hint': '发送未成功，原因见“最近错误”',
  'outboxStatus.held.hint': '该渠道尚未配置服务商，消息已保存，配置后即可发送',
  'deliveryOutcome.delivered': '送达',
  'deliveryOutcome.failed': '失败',
  'deliveryOutcome.held': '暂存',
  'inbox.title': '站内消息',
  'inbox.bellUnread': '站内消息，{count} 条未读',
  'inbox.empty': '暂无消息',
  'inbox.more': '加载更多',
  'inbox.markRead': '标为已读',
  'inbox.unread': '未读',
  'console.nav.outbox': '消息发件箱',
  'console.outbox.about':
    '系统发出的每一条消息（短信、企业微信、站内消息）都先写入发件箱，再由后台逐条发送。',
  'console.outbox.heldExplained':
    '“暂存”表示该渠道尚未配置服务商（例如未接入短信平台）：消息不会丢失，会一直保存在这里，配置服务商后即可发送。收件人只显示脱敏后的号码或名称。',
  'console.outbox.heldRow': '{channel}渠道尚未配置服务商，该消息暂存，配置后即可发送。',
  'console.outbox.status': '状态',
  'console.outbox.allStatuses': '全部状态',
  'console.outbox.channel': '渠道',
  'console.outbox.allChannels': '全部渠道',
  'console.outbox.template': '消息类型',
  'console.outbox.allTemplates': '全部消息类型',
  'console.outbox.createdAt': '创建时间',
  'console.outbox.recipient': '收件人',
  'console.outbox.attempts': '尝试次数',
  'console.outbox.nextOrDelivered': '送达 / 下次尝试',
  'console.outbox.nextAt': '{time} 重试',
  'console.outbox.lastError': '最近错误',
  'console.outbox.empty': '发件箱中没有消息',
  'console.outbox.attemptedAt': '尝试时间',
  'console.outbox.outcome': '结果',
  'console.outbox.detail': '服务商回复',
  'console.outbox.noAttempts': '尚未尝试发送',
} as const satisfies Record<EnumLabelKey, string> & Record<string, string>;

export const notificationsEnUS: Record<keyof typeof notificationsZhCN, string> = {
  'permission.outbox.read': 'View the outbox',
  'channel.in_app': 'In-app',
  'channel.sms': 'SMS',
  'channel.wecom': 'WeCom',
  'template.citizen.one_time_code': 'One-time code',
  'template.staff.account_created': 'Account created',
  'template.staff.password_changed': 'Password changed',
  'template.staff.account_locked': 'Account locked',
  'template.broadcast.risk_alert': 'Legal risk alert',
  'outboxStatus.pending': 'Pending',
  'outboxStatus.delivered': 'Delivered',
  'outboxStatus.failed': 'Failed',
  'outboxStatus.held': 'Held',
  'outboxStatus.pending.hint': 'Waiting to be sent; retried at intervals if an attempt fails',
  'outboxStatus.delivered.hint': 'The provider accepted the message',
  'outboxStatus.failed.hint': 'Could not be sent; see "Last error"',
  'outboxStatus.held.hint':
    'No provider is configured for this channel: the message is kept and goes out once one is',
  'deliveryOutcome.delivered': 'Delivered',
  'deliveryOutcome.failed': 'Failed',
  'deliveryOutcome.held': 'Held',
  'inbox.title': 'Messages',
  'inbox.bellUnread': 'Messages, {count} unread',
  'inbox.empty': 'No messages',
  'inbox.more': 'Load more',
  'inbox.markRead': 'Mark as read',
  'inbox.unread': 'Unread',
  'console.nav.outbox': 'Outbox',
  'console.outbox.about':
    'Every message the system sends (SMS, WeCom, in-app) is written to the outbox first and then delivered one by one.',
  'console.outbox.heldExplained':
    '"Held" means no provider is configured for the channel (for example no SMS gateway yet): the message is not lost; it stays here and goes out once a provider is configured. Recipients are shown masked.',
  'console.outbox.heldRow':
    'No provider is configured for {channel}: this message is held and goes out once one is.',
  'console.outbox.status': 'Status',
  'console.outbox.allStatuses': 'All statuses',
  'console.outbox.channel': 'Channel',
  'console.outbox.allChannels': 'All channels',
  'console.outbox.template': 'Message',
  'console.outbox.allTemplates': 'All messages',
  'console.outbox.createdAt': 'Created',
  'console.outbox.recipient': 'Recipient',
  'console.outbox.attempts': 'Attempts',
  'console.outbox.nextOrDelivered': 'Delivered / next try',
  'console.outbox.nextAt': 'Retry {time}',
  'console.outbox.lastError': 'Last error',
  'console.outbox.empty': 'The outbox is empty',
  'console.outbox.attemptedAt': 'Attempted',
  'console.outbox.outcome': 'Outcome',
  'console.outbox.detail': 'Provider answer',
  'console.outbox.noAttempts': 'Not attempted yet',
};

export const notificationsMessages = {
  'zh-CN': notificationsZhCN,
  'en-US': notificationsEnUS,
} satisfies ModuleMessages;
