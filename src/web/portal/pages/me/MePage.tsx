import { LogoutOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../contracts/identity.js';
import type { InboxMessage } from '../../../../contracts/notifications.js';
import { signOut, useMe, useSessionWatcher } from '../../../kit/auth/session.js';
import { ErrorState, errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useInbox, useMarkRead } from '../../../modules/notifications/api.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { signInPath, signUpPath } from '../../paths.js';
import './me.css';

function SignedOut() {
  const { t } = useI18n();
  return (
    <section className="panel me-welcome">
      <span className="me-avatar me-avatar-empty" aria-hidden="true">
        <UserOutlined />
      </span>
      <h1 className="page-title">{t('portal.me.welcome')}</h1>
      <p className="muted">{t('portal.me.welcomeLead')}</p>
      <div className="me-actions">
        <Link to={signInPath} className="big-button primary">
          {t('portal.me.signIn')}
        </Link>
        <Link to={signUpPath} className="big-button">
          {t('portal.me.signUp')}
        </Link>
      </div>
    </section>
  );
}

function MessageCard({ message }: { message: InboxMessage }) {
  const { t, formatDateTime } = useI18n();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const unread = message.readAt === null;
  return (
    <li className={unread ? 'message-card unread' : 'message-card'}>
      <button
        type="button"
        className="message-toggle"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (unread && !markRead.isPending) markRead.mutate(message);
        }}
      >
        <span className="message-head">
          {unread && <span className="unread-dot" aria-label={t('inbox.unread')} />}
          <strong>{message.title}</strong>
        </span>
        <time dateTime={message.createdAt} className="muted">
          {formatDateTime(message.createdAt)}
        </time>
        <span className={open ? 'message-body' : 'message-body clamped'}>{message.body}</span>
      </button>
    </li>
  );
}

function Inbox() {
  const { t } = useI18n();
  const inbox = useInbox();
  let content;
  if (inbox.isPending) {
    content = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (inbox.isError) {
    content = <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  } else {
    const messages = inbox.data.pages.flatMap((page) => page.items);
    content =
      messages.length === 0 ? (
        <p className="muted empty-inbox">{t('inbox.empty')}</p>
      ) : (
        <>
          <ul className="message-list">
            {messages.map((message) => (
              <MessageCard key={message.id} message={message} />
            ))}
          </ul>
          {inbox.hasNextPage && (
            <Button
              block
              size="large"
              loading={inbox.isFetchingNextPage}
              onClick={() => void inbox.fetchNextPage()}
            >
              {t('inbox.more')}
            </Button>
          )}
        </>
      );
  }
  return (
    <section className="panel" aria-labelledby="inbox-heading">
      <div className="panel-heading">
        <h2 id="inbox-heading">
          <MessageOutlined /> {t('portal.me.inbox')}
        </h2>
      </div>
      {content}
    </section>
  );
}

function SignedIn({ me }: { me: Me }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <section className="panel me-profile">
        <span className="me-avatar" aria-hidden="true">
          {me.displayName.slice(0, 1)}
        </span>
        <div className="me-profile-text">
          <h1 className="page-title">{me.displayName}</h1>
          {me.phone && <span className="muted">{me.phone}</span>}
          {me.kind === 'staff' && me.organizationName && (
            <span className="muted">{me.organizationName}</span>
          )}
        </div>
      </section>
      <Inbox />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Button
        size="large"
        block
        danger
        icon={<LogoutOutlined />}
        loading={leaving}
        className="sign-out-button"
        onClick={() => {
          setLeaving(true);
          setProblem(null);
          signOut(queryClient)
            .catch((error: unknown) => setProblem(errorMessage(error, t)))
            .finally(() => setLeaving(false));
        }}
      >
        {t('auth.signOut')}
      </Button>
    </>
  );
}

/** 我的: the citizen's own corner — sign in or up, their messages, sign out. */
export default function MePage() {
  const { t } = useI18n();
  useSessionWatcher();
  const me = useMe();
  useDocumentTitle(t('portal.nav.me'), t('app.name'));
  return (
    <div className="page-body me-page">
      {me.isPending ? (
        <section className="panel">
          <Skeleton active avatar paragraph={{ rows: 2 }} />
        </section>
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data ? (
        <SignedIn me={me.data} />
      ) : (
        <SignedOut />
      )}
    </div>
  );
}
