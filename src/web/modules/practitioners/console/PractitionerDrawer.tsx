import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Badge, Button, Descriptions, Skeleton, Space, Tag } from 'antd';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import type { PractitionerStatus } from '../../../../contracts/values.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { practitionerKeys, practitionersApi, usePractitioner } from '../api.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { PractitionerAccount } from './PractitionerAccount.js';
import { PractitionerEditor } from './PractitionerEditor.js';
import { PractitionerMoveDialog } from './PractitionerMoveDialog.js';
import { PractitionerMoves } from './PractitionerMoves.js';
import { MaskedPhone } from '../../../kit/ui/MaskedPhone.js';
import { PractitionerPhoto } from './PractitionerPhoto.js';

export const practitionerStatusBadge: Record<
  PractitionerStatus,
  'success' | 'warning' | 'default'
> = {
  practising: 'success',
  suspended: 'warning',
  left: 'default',
};

function TagList({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="muted">—</span>;
  return (
    <span className="tag-list">
      {labels.map((label) => (
        <Tag key={label}>{label}</Tag>
      ))}
    </span>
  );
}

function PractitionerProfile({
  practitioner,
  canUnmask,
  canManage,
}: {
  practitioner: Practitioner;
  canUnmask: boolean;
  canManage: boolean;
}) {
  const me = useMe();
  const { t, formatDateTime } = useI18n();
  const notRecorded = <span className="muted">{t('console.practitioners.notRecorded')}</span>;
  const items: DescriptionsProps['items'] = [
    {
      key: 'kind',
      label: t('console.practitioners.kind'),
      children: <Tag color="blue">{t(`practitionerKind.${practitioner.kind}`)}</Tag>,
    },
    {
      key: 'status',
      label: t('console.practitioners.status'),
      children: (
        <Badge
          status={practitionerStatusBadge[practitioner.status]}
          text={t(`practitionerStatus.${practitioner.status}`)}
        />
      ),
    },
    {
      key: 'organization',
      label: t('console.practitioners.organization'),
      children: practitioner.organizationName,
    },
    {
      key: 'division',
      label: t('console.practitioners.division'),
      children: practitioner.divisionName,
    },
    {
      key: 'licenceType',
      label: t('console.practitioners.licenceType'),
      children: t(`licenceType.${practitioner.licenceType}`),
    },
    {
      key: 'licenceNumber',
      label: t('console.practitioners.licenceNumber'),
      children: practitioner.licenceNumber ? (
        <span className="mono">{practitioner.licenceNumber}</span>
      ) : (
        '—'
      ),
    },
    {
      key: 'practisingSince',
      label: t('console.practitioners.practisingSince'),
      children: practitioner.practisingSince ?? notRecorded,
    },
    {
      key: 'phone',
      label: t('console.practitioners.phone'),
      children: (
        <MaskedPhone
          phone={practitioner.phone}
          canUnmask={canUnmask}
          queryKey={practitionerKeys.detail(practitioner.id, true)}
          fetchUnmasked={(signal) => practitionersApi.get(practitioner.id, true, signal)}
        />
      ),
    },
    {
      key: 'specialties',
      label: t('console.practitioners.specialties'),
      children: (
        <TagList labels={practitioner.specialties.map((value) => t(`specialty.${value}`))} />
      ),
    },
    {
      key: 'languages',
      label: t('console.practitioners.languages'),
      children: <TagList labels={practitioner.languages.map((value) => t(`language.${value}`))} />,
    },
    {
      key: 'account',
      label: t('console.practitioners.account'),
      children: (
        <PractitionerAccount
          practitioner={practitioner}
          canManage={canManage}
          canFindAccounts={hasPermission(me.data, 'accounts.read')}
        />
      ),
    },
    {
      key: 'biography',
      label: t('console.practitioners.biography'),
      children: practitioner.biography ? (
        <p className="practitioner-biography">{practitioner.biography}</p>
      ) : (
        notRecorded
      ),
    },
    {
      key: 'updatedAt',
      label: t('console.practitioners.updatedAt'),
      children: formatDateTime(practitioner.updatedAt),
    },
    { key: 'version', label: t('console.practitioners.version'), children: practitioner.version },
  ];
  return <Descriptions column={1} bordered size="small" items={items} />;
}

/** One practitioner: photo, profile and move history, with edit and move for managers. */
export function PractitionerDrawer({
  id,
  onClose,
  canManage,
  canUnmask,
}: {
  id: string | undefined;
  onClose: () => void;
  canManage: boolean;
  canUnmask: boolean;
}) {
  const { t } = useI18n();
  const practitioner = usePractitioner(id);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const data = practitioner.data;
  return (
    <RecordDrawer
      open={Boolean(id)}
      onClose={onClose}
      size={600}
      title={data?.name ?? t('common.loading')}
      extra={
        canManage && data ? (
          <Space>
            <Button icon={<SwapOutlined />} onClick={() => setMoving(true)}>
              {t('console.practitioners.move')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          </Space>
        ) : undefined
      }
    >
      {editing && data && (
        <PractitionerEditor open practitioner={data} onClose={() => setEditing(false)} />
      )}
      {moving && data && (
        <PractitionerMoveDialog practitioner={data} onClose={() => setMoving(false)} />
      )}
      {practitioner.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : practitioner.isError ? (
        <ErrorState error={practitioner.error} onRetry={() => void practitioner.refetch()} />
      ) : (
        <div className="practitioner-panel">
          <PractitionerPhoto practitioner={practitioner.data} canManage={canManage} />
          <PractitionerProfile
            practitioner={practitioner.data}
            canUnmask={canUnmask}
            canManage={canManage}
          />
          <section aria-labelledby="practitioner-history">
            <h3 id="practitioner-history" className="practitioner-section-title">
              {t('console.practitioners.history')}
            </h3>
            <PractitionerMoves practitionerId={practitioner.data.id} />
          </section>
        </div>
      )}
    </RecordDrawer>
  );
}
