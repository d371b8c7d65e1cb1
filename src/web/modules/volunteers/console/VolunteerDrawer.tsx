import { EditOutlined } from '@ant-design/icons';
import { Badge, Button, Descriptions, Skeleton, Tabs, Tag } from 'antd';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import type { VolunteerStatus } from '../../../../contracts/values.js';
import type { Volunteer } from '../../../../contracts/volunteers.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { openingHoursLines } from '../../../kit/opening-hours.js';
import { useVolunteer, volunteerKeys, volunteersApi } from '../api.js';
import { CoverTag } from './CoverTag.js';
import { VolunteerEditor } from './VolunteerEditor.js';
import { VolunteerHoursPanel } from './VolunteerHoursPanel.js';
import { MaskedPhone } from '../../../kit/ui/MaskedPhone.js';
import { VolunteerRecordsPanel } from './VolunteerRecordsPanel.js';

export const volunteerStatusBadge: Record<VolunteerStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  paused: 'warning',
  left: 'default',
};

function VolunteerProfile({ volunteer, canUnmask }: { volunteer: Volunteer; canUnmask: boolean }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const availability = openingHoursLines(volunteer.availability, t);
  const tags = (labels: string[]) =>
    labels.length === 0 ? (
      '—'
    ) : (
      <span className="volunteer-tags">
        {labels.map((label) => (
          <Tag key={label}>{label}</Tag>
        ))}
      </span>
    );

  const items: DescriptionsProps['items'] = [
    {
      key: 'kind',
      label: t('console.volunteers.kind'),
      children: <Tag color="blue">{t(`volunteerKind.${volunteer.kind}`)}</Tag>,
    },
    {
      key: 'status',
      label: t('console.volunteers.status'),
      children: (
        <Badge
          status={volunteerStatusBadge[volunteer.status]}
          text={t(`volunteerStatus.${volunteer.status}`)}
        />
      ),
    },
    {
      key: 'phone',
      label: t('console.volunteers.phone'),
      children: (
        <MaskedPhone
          phone={volunteer.phone}
          canUnmask={canUnmask}
          queryKey={volunteerKeys.detail(volunteer.id, true)}
          fetchUnmasked={(signal) => volunteersApi.get(volunteer.id, true, signal)}
        />
      ),
    },
    {
      key: 'station',
      label: t('console.volunteers.station'),
      children: volunteer.stationName ?? t('console.volunteers.station.none'),
    },
    {
      key: 'organization',
      label: t('console.volunteers.organization'),
      children: volunteer.organizationName,
    },
    {
      key: 'partner',
      label: t('console.volunteers.partner'),
      children: volunteer.partnerName ?? '—',
    },
    {
      key: 'skills',
      label: t('console.volunteers.skills'),
      children: tags(volunteer.skills.map((skill) => t(`specialty.${skill}`))),
    },
    {
      key: 'languages',
      label: t('console.volunteers.languages'),
      children: tags(volunteer.languages.map((language) => t(`language.${language}`))),
    },
    {
      key: 'availability',
      label: t('console.volunteers.availability'),
      children:
        availability.length === 0 ? (
          t('console.volunteers.availability.none')
        ) : (
          <ul className="hours-lines">
            {availability.map((line) => (
              <li key={line.days}>
                {line.days} {line.times}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'joinedOn',
      label: t('console.volunteers.joinedOn'),
      children: volunteer.joinedOn ?? '—',
    },
    {
      key: 'hoursTotal',
      label: t('console.volunteers.hoursTotal'),
      children: t('console.volunteers.hoursValue', { hours: formatNumber(volunteer.hoursTotal) }),
    },
    {
      key: 'lastServedOn',
      label: t('console.volunteers.lastServedOn'),
      children: volunteer.lastServedOn ?? '—',
    },
    {
      key: 'insuredUntil',
      label: t('console.volunteers.insuredUntil'),
      children: <CoverTag validTo={volunteer.insuredUntil} />,
    },
    { key: 'notes', label: t('console.volunteers.notes'), children: volunteer.notes || '—' },
    {
      key: 'updatedAt',
      label: t('console.volunteers.updatedAt'),
      children: formatDateTime(volunteer.updatedAt),
    },
  ];
  return <Descriptions column={1} bordered size="small" items={items} />;
}

/** One volunteer: profile, service hours and records in tabs; managers edit and log from here. */
export function VolunteerDrawer({
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
  const volunteer = useVolunteer(id);
  const [editing, setEditing] = useState(false);
  return (
    <RecordDrawer
      open={Boolean(id)}
      onClose={onClose}
      size={760}
      title={volunteer.data?.name ?? t('common.loading')}
      extra={
        canManage && volunteer.data ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : undefined
      }
    >
      {editing && volunteer.data && (
        <VolunteerEditor open volunteer={volunteer.data} onClose={() => setEditing(false)} />
      )}
      {volunteer.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : volunteer.isError ? (
        <ErrorState error={volunteer.error} onRetry={() => void volunteer.refetch()} />
      ) : (
        <Tabs
          items={[
            {
              key: 'profile',
              label: t('console.volunteers.tab.profile'),
              children: <VolunteerProfile volunteer={volunteer.data} canUnmask={canUnmask} />,
            },
            {
              key: 'hours',
              label: t('console.volunteers.tab.hours'),
              children: <VolunteerHoursPanel volunteer={volunteer.data} canManage={canManage} />,
            },
            {
              key: 'records',
              label: t('console.volunteers.tab.records'),
              children: <VolunteerRecordsPanel volunteer={volunteer.data} canManage={canManage} />,
            },
          ]}
        />
      )}
    </RecordDrawer>
  );
}
