import { ClockCircleOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Organization } from '../../../contracts/organizations.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { openingHoursText } from '../../common/opening-hours.js';
import { organizationPath } from '../paths.js';

export function OrganizationCard({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  return (
    <Link to={organizationPath(organization.id)} className="org-card">
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
        </span>
        <span className="org-card-line">
          <EnvironmentOutlined aria-label={t('org.address')} />
          <span>{organization.address || t('common.notPublished')}</span>
        </span>
        <span className="org-card-line">
          <ClockCircleOutlined aria-label={t('org.hours')} />
          <span>{openingHoursText(organization.openingHours, t)}</span>
        </span>
      </span>
      <RightOutlined className="org-card-chevron" aria-hidden="true" />
    </Link>
  );
}
