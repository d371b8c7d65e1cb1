import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Volunteer } from '../../../contracts/volunteers.js';
import { errorMessage } from '../../common/components/ErrorState.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { useUnmaskedVolunteer } from '../volunteers-api.js';

/**
 * A volunteer's masked phone, revealed on request for holders of personal_data.unmask: each
 * reveal is a request the server audits, and the full number is not kept once hidden.
 */
export function VolunteerPhone({
  volunteer,
  canUnmask,
}: {
  volunteer: Pick<Volunteer, 'id' | 'phone'>;
  canUnmask: boolean;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const unmasked = useUnmaskedVolunteer(volunteer.id, shown);
  if (!volunteer.phone) return <span className="muted">—</span>;
  const phone = shown && unmasked.data ? unmasked.data.phone : volunteer.phone;
  const label = shown ? t('console.volunteers.mask') : t('console.volunteers.unmask');
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
