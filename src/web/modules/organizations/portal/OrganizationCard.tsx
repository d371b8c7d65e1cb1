import { ClockCircleOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { openNow } from '../../../../contracts/opening-hours.js';
import type { Organization } from '../../../../contracts/organizations.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { openingHoursText } from '../../../kit/opening-hours.js';
import { organizationPath } from '../../../kit/public-paths.js';
import { OpenStateTag } from './OpenStateTag.js';

/** Whether the organization publishes any hours, so that "closed" would mean something. */
export function publishesHours(organization: Organization): boolean {
  return (
    Object.values(organization.openingHours).some((intervals) => intervals.length > 0) ||
    organization.hoursExceptions.length > 0
  );
}

export function OrganizationCard({
  organization,
  now,
  highlighted = false,
}: {
  organization: Organization;
  /** When given, an active organization with published hours shows whether it is open now. */
  now?: Date;
  highlighted?: boolean;
}) {
  const { t } = useI18n();
  const showOpenState = now && organization.status === 'active' && publishesHours(organization);
  return (
    <Link
      id={`org-${organization.id}`}
      to={organizationPath(organization.id)}
      className={highlighted ? 'org-card highlighted' : 'org-card'}
    >
      <span className="org-card-body">
        <span className="org-card-title">{organization.name}</span>
        <span className="org-card-tags">
          <Tag color="blue" variant="filled">
            {t(`orgType.${organization.type}`)}
          </Tag>
          <Tag variant="outlined">{organization.divisionName}</Tag>
          {organization.status !== 'active' && (
            <Tag color="red">{t(`orgStatus.${organization.status}`)}</Tag>
          )}
          {showOpenState && (
            <OpenStateTag
              state={openNow(organization.openingHours, now, organization.hoursExceptions)}
              now={now}
            />
          )}
        </span>
        <span className="org-card-line">
          <EnvironmentOutlined aria-label={t('org.address')} />
          <span>{organization.address || t('common.notPublished')}</span>
        </span>
        <span className="org-card-line">
          <ClockCircleOutlined aria-label={t('org.hours')} />
          <span>{openingHoursText(organization.openingHours, t)}</span>
        </span>
        {organization.services.length > 0 && (
          <span className="org-card-services">
            {organization.services.map((service) => t(`orgService.${service}`)).join(' · ')}
          </span>
        )}
      </span>
      <RightOutlined className="org-card-chevron" aria-hidden="true" />
    </Link>
  );
}
