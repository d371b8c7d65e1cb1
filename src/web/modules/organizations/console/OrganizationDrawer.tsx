import { EditOutlined } from '@ant-design/icons';
import { Badge, Button, Descriptions, Skeleton, Tag } from 'antd';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import { useState } from 'react';
import type { DescriptionsProps } from 'antd';
import type { Organization, OrganizationStatus } from '../../../../contracts/organizations.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import {
  calendarDateText,
  dayHoursText,
  openingHoursLines,
  todayInShanghai,
} from '../../../kit/opening-hours.js';
import { useDivision, useOrganization } from '../../../kit/queries.js';
import { OrganizationEditor } from './OrganizationEditor.js';
import { OrganizationPhotoManager } from './OrganizationPhotoManager.js';
import './organizations.css';

export const statusBadge: Record<OrganizationStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'warning',
  closed: 'default',
};

const yesNo = (value: boolean, t: Translate) =>
  value ? t('console.org.yes') : t('console.org.no');

/** Host, staffing and standard of a legal aid workstation, as one line per fact. */
function workstationLines(organization: Organization, t: Translate): string[] {
  const host = [
    organization.hostKind ? t(`hostKind.${organization.hostKind}`) : null,
    organization.hostName,
  ].filter(Boolean);
  return [
    host.length > 0 ? `${t('console.org.hostName')}：${host.join(' · ')}` : null,
    organization.staffCount !== null
      ? `${t('console.org.staffCount')}：${t('console.org.workstation.staff', { count: organization.staffCount })}`
      : null,
    `${t('console.org.meetsStandard')}：${t(
      `console.org.meetsStandard.${organization.meetsStandard === null ? 'unknown' : organization.meetsStandard ? 'yes' : 'no'}`,
    )}`,
  ].filter((line): line is string => line !== null);
}

function OrganizationDetails({ organization }: { organization: Organization }) {
  const { t, formatDateTime, locale } = useI18n();
  const division = useDivision(organization.divisionCode);
  const parent = useOrganization(organization.parentId ?? undefined);
  const hours = openingHoursLines(organization.openingHours, t);
  // Every exception still to come: staff check the whole plan, the public page shows 30 days.
  const today = todayInShanghai();
  const exceptions = organization.hoursExceptions
    .filter((exception) => exception.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));

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
        <>
          <Badge
            status={statusBadge[organization.status]}
            text={t(`orgStatus.${organization.status}`)}
          />
          {organization.statusSince && (
            <span className="muted">
              {' '}
              · {t('console.org.statusSince')} {organization.statusSince}
            </span>
          )}
        </>
      ),
    },
    {
      key: 'services',
      label: t('console.org.services'),
      children:
        organization.services.length === 0
          ? '—'
          : organization.services.map((service) => (
              <Tag key={service}>{t(`orgService.${service}`)}</Tag>
            )),
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
      key: 'hoursExceptions',
      label: t('console.org.hoursExceptions'),
      children:
        exceptions.length === 0 ? (
          t('console.hoursExceptions.empty')
        ) : (
          <ul className="hours-lines">
            {exceptions.map((exception) => (
              <li key={exception.date}>
                {calendarDateText(exception.date, locale)} {dayHoursText(exception.intervals, t)}
                {exception.note && ` · ${exception.note}`}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'accessibility',
      label: t('console.org.accessibility'),
      children: (
        <>
          {t('console.org.stepFree')}：{yesNo(organization.stepFree, t)}
          <br />
          {t('console.org.homeVisits')}：{yesNo(organization.homeVisits, t)}
          {organization.accessibilityNotes && (
            <>
              <br />
              {organization.accessibilityNotes}
            </>
          )}
        </>
      ),
    },
    {
      key: 'description',
      label: t('console.org.description'),
      children: organization.description || '—',
    },
    {
      key: 'directions',
      label: t('console.org.directions'),
      children: organization.directions || '—',
    },
    {
      key: 'establishedOn',
      label: t('console.org.establishedOn'),
      children: organization.establishedOn ?? '—',
    },
    ...(organization.type === 'legal_aid_station'
      ? [
          {
            key: 'workstation',
            label: t('console.org.workstation'),
            children: (
              <ul className="hours-lines">
                {workstationLines(organization, t).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
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

/** The photos as the public sees them, for staff who may not change them. */
function PhotoStrip({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  if (organization.photos.length === 0) return null;
  return (
    <section className="photo-manager" aria-label={t('console.orgPhotos.title')}>
      <h3>{t('console.orgPhotos.title')}</h3>
      <ol className="photo-manager-list">
        {organization.photos.map((photo, index) => (
          <li key={photo.id} className="photo-manager-item">
            <img src={photo.url} alt={photo.caption || String(index + 1)} loading="lazy" />
            <span>{photo.caption}</span>
          </li>
        ))}
      </ol>
    </section>
  );
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
    <RecordDrawer
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
        <>
          <OrganizationDetails organization={organization.data} />
          {canManage ? (
            <OrganizationPhotoManager organization={organization.data} />
          ) : (
            <PhotoStrip organization={organization.data} />
          )}
        </>
      )}
    </RecordDrawer>
  );
}
