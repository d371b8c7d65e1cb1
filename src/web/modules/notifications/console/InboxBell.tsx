import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import type { InboxMessage } from '../../../../contracts/notifications.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useInbox, useMarkRead, useUnreadCount } from '../api.js';

function MessageItem({ message }: { message: InboxMessage }) {
  const { t, formatDateTime } = useI18n();
  const markRead = useMarkRead();
  const unread = message.readAt === null;
  return (
    <li className={unread ? 'inbox-item unread' : 'inbox-item'}>
      <div className="inbox-item-head">
        {unread && <Badge status="processing" />}
        <strong>{message.title}</strong>
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </div>
      <p className="inbox-item-body">{message.body}</p>
      {unread && (
        <Button
          size="small"
          type="link"
          loading={markRead.isPending}
          onClick={() => markRead.mutate(message)}
        >
          {t('inbox.markRead')}
        </Button>
      )}
    </li>
  );
}

function InboxList() {
  const { t } = useI18n();
  const inbox = useInbox();
  if (inbox.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (inbox.isError) {
    return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  }
  const messages = inbox.data.pages.flatMap((page) => page.items);
  if (messages.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />;
  }
  return (
    <>
      <ul className="inbox-list">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </ul>
      {inbox.hasNextPage && (
        <Button block loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
          {t('inbox.more')}
        </Button>
      )}
    </>
  );
}

/** The bell in the header: unread count, and the inbox in a drawer. */
export function InboxBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={count > 0 ? t('inbox.bellUnread', { count }) : t('inbox.title')}
          onClick={() => setOpen(true)}
          className="header-icon-button"
        />
      </Badge>
      <Drawer title={t('inbox.title')} open={open} onClose={() => setOpen(false)} size={420}>
        {open && <InboxList />}
      </Drawer>
    </>
  );
}
