import { EditOutlined } from '@ant-design/icons';
import { Badge, Button, Descriptions, Drawer, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import type { DescriptionsProps } from 'antd';
import type { Organization, OrganizationStatus } from '../../../contracts/organizations.js';
import { ErrorState } from '../../common/components/ErrorState.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { openingHoursLines } from '../../common/opening-hours.js';
import { useDivision, useOrganization } from '../../common/queries.js';
import { OrganizationEditor } from './OrganizationEditor.js';

export const statusBadge: Record<OrganizationStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'warning',
  closed: 'default',
};

function OrganizationDetails({ organization }: { organization: Organization }) {
  const { t, formatDateTime } = useI18n();
  const division = useDivision(organization.divisionCode);
  const parent = useOrganization(organization.parentId ?? undefined);
  const hours = openingHoursLines(organization.openingHours, t);

  const items: DescriptionsProps['items'] = [
    {
      key: 'type',
      label: t('org.type'),
      children: <Tag color="blue">{t(`orgType.${organization.type}`)}</Tag>,
    },
    {
      key: 'status',
      label: t('org.status'),
      children: (
        <Badge
          status={statusBadge[organization.status]}
          text={t(`orgStatus.${organization.status}`)}
        />
      ),
    },
    {
      key: 'division',
      label: t('console.org.division'),
      children: division.data
        ? division.data.path.map((step) => step.name).join(' / ')
        : organization.divisionName,
    },
    {
      key: 'divisionCode',
      label: t('console.org.divisionCode'),
      children: organization.divisionCode,
    },
    {
      key: 'address',
      label: t('org.address'),
      children: organization.address || t('common.notPublished'),
    },
    {
      key: 'phone',
      label: t('org.phone'),
      children: organization.phone ?? t('common.notPublished'),
    },
    {
      key: 'hours',
      label: t('org.hours'),
      children:
        hours.length === 0 ? (
          t('hours.none')
        ) : (
          <ul className="hours-lines">
            {hours.map((line) => (
              <li key={line.days}>
                {line.days} {line.times}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'parent',
      label: t('console.org.parent'),
      children: organization.parentId ? (parent.data?.name ?? '…') : '—',
    },
    {
      key: 'coordinates',
      label: t('console.org.coordinates'),
      children:
        organization.latitude !== null && organization.longitude !== null
          ? `${organization.latitude.toFixed(5)}, ${organization.longitude.toFixed(5)}`
          : t('common.notPublished'),
    },
    { key: 'id', label: t('console.org.id'), children: organization.id },
    { key: 'version', label: t('console.org.version'), children: organization.version },
    {
      key: 'createdAt',
      label: t('console.org.createdAt'),
      children: formatDateTime(organization.createdAt),
    },
    {
      key: 'updatedAt',
      label: t('console.org.updatedAt'),
      children: formatDateTime(organization.updatedAt),
    },
  ];

  return <Descriptions column={1} bordered size="small" items={items} />;
}

export function OrganizationDrawer({
  id,
  onClose,
  canManage = false,
}: {
  id: string | undefined;
  onClose: () => void;
  /** Holders of organizations.manage may edit the record from here. */
  canManage?: boolean;
}) {
  const { t } = useI18n();
  const organization = useOrganization(id);
  const [editing, setEditing] = useState(false);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={560}
      title={organization.data?.name ?? t('common.loading')}
      extra={
        canManage && organization.data ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : undefined
      }
      destroyOnHidden
    >
      {editing && organization.data && (
        <OrganizationEditor
          open
          organization={organization.data}
          onClose={() => setEditing(false)}
        />
      )}
      {organization.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : organization.isError ? (
        <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />
      ) : (
        <OrganizationDetails organization={organization.data} />
      )}
    </Drawer>
  );
}
