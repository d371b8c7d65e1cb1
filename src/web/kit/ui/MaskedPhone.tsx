import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from './ErrorState.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Reads the record unmasked; the server audits each such read. */
export type FetchUnmasked = (signal: AbortSignal) => Promise<{ phone: string | null }>;

/**
 * A masked mobile, revealed on request for holders of personal_data.unmask: each reveal is a
 * request the server audits, and the full number is not kept once hidden again.
 */
export function MaskedPhone({
  phone,
  canUnmask,
  queryKey,
  fetchUnmasked,
}: {
  phone: string | null;
  canUnmask: boolean;
  /** Identifies the unmasked read of this record (it is never cached: gcTime 0). */
  queryKey: readonly unknown[];
  fetchUnmasked: FetchUnmasked;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const unmasked = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchUnmasked(signal),
    enabled: shown,
    staleTime: 0,
    gcTime: 0,
  });
  if (!phone) return <span className="muted">—</span>;
  const visible = shown && unmasked.data?.phone ? unmasked.data.phone : phone;
  const label = shown ? t('console.phone.mask') : t('console.phone.unmask');
  return (
    <span className="phone-cell">
      <span className="mono">{visible}</span>
      {canUnmask && (
        <Tooltip title={label}>
          <Button
            type="text"
            size="small"
            aria-label={label}
            icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            loading={shown && unmasked.isFetching}
            onClick={(event) => {
              // Inside a clickable table row: reveal the number, do not open the record.
              event.stopPropagation();
              setShown(!shown);
            }}
          />
        </Tooltip>
      )}
      {shown && unmasked.isError && (
        <Typography.Text type="danger">{errorMessage(unmasked.error, t)}</Typography.Text>
      )}
    </span>
  );
}
