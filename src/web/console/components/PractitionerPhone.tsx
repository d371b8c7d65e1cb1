import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Practitioner } from '../../../contracts/practitioners.js';
import { errorMessage } from '../../common/components/ErrorState.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { useUnmaskedPractitioner } from '../practitioners-api.js';

/**
 * A practitioner's masked mobile, revealed on request for holders of personal_data.unmask: each
 * reveal is a request the server audits, and the full number is dropped once hidden again.
 */
export function PractitionerPhone({
  practitioner,
  canUnmask,
}: {
  practitioner: Pick<Practitioner, 'id' | 'phone'>;
  canUnmask: boolean;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const unmasked = useUnmaskedPractitioner(practitioner.id, shown);
  if (!practitioner.phone) return <span className="muted">—</span>;
  const phone = shown && unmasked.data ? unmasked.data.phone : practitioner.phone;
  const label = shown ? t('console.practitioners.mask') : t('console.practitioners.unmask');
  return (
    <span className="phone-cell">
      <span className="mono">{phone}</span>
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
