import {
  AuditOutlined,
  BankOutlined,
  EnvironmentOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { OrganizationType } from '../../../contracts/organizations.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';
import { directoryPath } from '../../kit/public-paths.js';

type EntryType = Extract<
  OrganizationType,
  | 'legal_aid_centre'
  | 'legal_aid_station'
  | 'law_firm'
  | 'grassroots_office'
  | 'service_centre'
  | 'service_station'
  | 'mediation_committee'
  | 'enterprise_service_centre'
>;

/** The kinds of help citizens look for most, in the order a service hall would list them. */
const entries: Array<{ type: EntryType; icon: ReactNode; tone: string }> = [
  { type: 'legal_aid_centre', icon: <SafetyCertificateOutlined />, tone: 'red' },
  { type: 'legal_aid_station', icon: <SolutionOutlined />, tone: 'orange' },
  { type: 'law_firm', icon: <AuditOutlined />, tone: 'blue' },
  { type: 'grassroots_office', icon: <ReconciliationOutlined />, tone: 'cyan' },
  { type: 'service_centre', icon: <BankOutlined />, tone: 'blue' },
  { type: 'service_station', icon: <EnvironmentOutlined />, tone: 'green' },
  { type: 'mediation_committee', icon: <TeamOutlined />, tone: 'orange' },
  { type: 'enterprise_service_centre', icon: <ShopOutlined />, tone: 'purple' },
];

export function ServiceEntries() {
  const { t } = useI18n();
  return (
    <ul className="service-entries">
      {entries.map((entry) => (
        <li key={entry.type}>
          <Link
            to={directoryPath({ type: entry.type })}
            className="service-entry"
            title={t(`orgType.${entry.type}`)}
          >
            <span className={`service-entry-icon tone-${entry.tone}`} aria-hidden="true">
              {entry.icon}
            </span>
            <span className="service-entry-label">{t(`portal.entry.${entry.type}`)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
