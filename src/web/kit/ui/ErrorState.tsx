import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, NetworkError } from '../api.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Translate } from '../i18n/I18nProvider.js';

/** The message to show for a failed request: the server's own words when it gave any. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.message) return error.message;
  if (error instanceof NetworkError) return t('common.error.network');
  return t('common.error.unexpected');
}

export function ErrorState({
  error,
  onRetry,
  title,
  description,
  extra,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: ReactNode;
  /** Replaces the server's message; `null` shows none. */
  description?: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const notFound = error instanceof ApiError && error.code === 'not_found';
  const canRetry = onRetry && !(error instanceof ApiError && error.isPermanent);
  return (
    <Result
      role="alert"
      status={notFound ? 'info' : 'warning'}
      title={title ?? t('common.error.title')}
      subTitle={description === undefined ? errorMessage(error, t) : description}
      extra={
        <>
          {canRetry && (
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
          {extra}
        </>
      }
    />
  );
}
