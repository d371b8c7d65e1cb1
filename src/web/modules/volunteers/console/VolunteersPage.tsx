import { PlusOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Col,
  Input,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type {
  LegalSpecialty,
  VolunteerKind,
  VolunteerStatus,
} from '../../../../contracts/values.js';
import {
  isDivisionCode,
  legalSpecialties,
  volunteerKinds,
  volunteerStatuses,
} from '../../../../contracts/values.js';
import type { Volunteer } from '../../../../contracts/volunteers.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { maxPageSize } from '../../../kit/queries.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { CoverTag } from './CoverTag.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { SpreadsheetToolbar } from '../../../kit/ui/SpreadsheetToolbar.js';
import { VolunteerDrawer, volunteerStatusBadge } from './VolunteerDrawer.js';
import { VolunteerEditor } from './VolunteerEditor.js';
import { MaskedPhone } from '../../../kit/ui/MaskedPhone.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';
import { usePartners } from '../../partners/api.js';
import { useVolunteerSummary, useVolunteers, volunteerKeys, volunteersApi } from '../api.js';
import './volunteers.css';

const filterNames = ['q', 'kind', 'status', 'skill', 'partner', 'station', 'division'] as const;

/** How many skills a row shows before "+n". */
const skillsShown = 3;

/** The district at a glance: head count, this year's hours, and cover that needs renewing. */
function VolunteerSummaryCard({ division }: { division: string | undefined }) {
  const { t, formatNumber } = useI18n();
  const summary = useVolunteerSummary(division);
  if (summary.isError) {
    return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const data = summary.data;
  const topStations = (data?.stations ?? []).slice(0, 5);
  return (
    <Card loading={summary.isPending} className="volunteer-summary">
      <Row gutter={[24, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('console.volunteers.summary.total')} value={data?.total ?? 0} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('console.volunteers.summary.active')}
            value={data?.byStatus.active ?? 0}
          />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={t('console.volunteers.summary.hoursThisYear', { year: data?.year ?? '' })}
            value={formatNumber(data?.hoursThisYear ?? 0)}
          />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            className={data?.insuranceExpiring.length ? 'volunteer-summary-warning' : undefined}
            title={t('console.volunteers.summary.expiring')}
            value={data?.insuranceExpiring.length ?? 0}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            className={data?.activeUninsured ? 'volunteer-summary-warning' : undefined}
            title={t('console.volunteers.summary.uninsured')}
            value={data?.activeUninsured ?? 0}
          />
        </Col>
      </Row>
      {(topStations.length > 0 || (data?.insuranceExpiring.length ?? 0) > 0) && (
        <Row gutter={24} style={{ marginTop: 16 }}>
          <Col xs={24} md={12}>
            <List
              size="small"
              header={t('console.volunteers.summary.topStations')}
              dataSource={topStations}
              renderItem={(station) => (
                <List.Item key={station.stationId ?? 'none'}>
                  <span>{station.stationName ?? t('console.volunteers.station.none')}</span>
                  <span>
                    {t('console.volunteers.hoursValue', { hours: formatNumber(station.hours) })}
                  </span>
                </List.Item>
              )}
            />
          </Col>
          <Col xs={24} md={12}>
            <List
              size="small"
              header={t('console.volunteers.summary.expiring')}
              dataSource={data?.insuranceExpiring.slice(0, 5) ?? []}
              renderItem={(item) => (
                <List.Item key={item.volunteerId}>
                  <span>
                    {item.volunteerName}
                    <span className="muted"> · {item.stationName ?? '—'}</span>
                  </span>
                  <CoverTag validTo={item.validTo} />
                </List.Item>
              )}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function useColumns(
  open: (id: string) => void,
  canUnmask: boolean,
): TableProps<Volunteer>['columns'] {
  const { t, formatNumber } = useI18n();
  return [
    {
      key: 'name',
      title: t('console.volunteers.name'),
      dataIndex: 'name',
      width: 120,
      render: (name: string, volunteer) => (
        <Button type="link" className="row-title" onClick={() => open(volunteer.id)}>
          {name}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('console.volunteers.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: VolunteerKind) => <Tag color="blue">{t(`volunteerKind.${kind}`)}</Tag>,
    },
    {
      key: 'status',
      title: t('console.volunteers.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: VolunteerStatus) => (
        <Badge status={volunteerStatusBadge[status]} text={t(`volunteerStatus.${status}`)} />
      ),
    },
    {
      key: 'phone',
      title: t('console.volunteers.phone'),
      dataIndex: 'phone',
      width: 160,
      render: (_: unknown, volunteer) => (
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
      title: t('console.volunteers.station'),
      dataIndex: 'stationName',
      width: 220,
      ellipsis: { showTitle: true },
      render: (name: string | null) => name ?? t('console.volunteers.station.none'),
    },
    {
      key: 'skills',
      title: t('console.volunteers.skills'),
      dataIndex: 'skills',
      width: 200,
      render: (skills: LegalSpecialty[]) => (
        <span className="volunteer-tags">
          {skills.slice(0, skillsShown).map((skill) => (
            <Tag key={skill}>{t(`specialty.${skill}`)}</Tag>
          ))}
          {skills.length > skillsShown && <Tag>+{skills.length - skillsShown}</Tag>}
        </span>
      ),
    },
    {
      key: 'hoursTotal',
      title: t('console.volunteers.hoursTotal'),
      dataIndex: 'hoursTotal',
      width: 130,
      render: (hours: number, volunteer) => (
        <div className="name-cell">
          <span>{t('console.volunteers.hoursValue', { hours: formatNumber(hours) })}</span>
          {volunteer.lastServedOn && (
            <span className="muted">
              {t('console.volunteers.lastServedOn')} {volunteer.lastServedOn}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'insuredUntil',
      title: t('console.volunteers.insuredUntil'),
      dataIndex: 'insuredUntil',
      width: 170,
      render: (validTo: string | null) => <CoverTag validTo={validTo} />,
    },
  ];
}

export default function VolunteersPage() {
  const { t } = useI18n();
  const list = useListState(filterNames);
  const me = useMe();
  const canManage = hasPermission(me.data, 'volunteers.manage');
  const canUnmask = hasPermission(me.data, 'personal_data.unmask');
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const columns = useColumns(setSelected, canUnmask);
  const partners = usePartners({ limit: maxPageSize, offset: 0 });
  useDocumentTitle(t('console.nav.volunteers'), t('app.consoleTitle'), t('app.name'));

  const kind = oneOf(volunteerKinds, list.filters.kind);
  const status = oneOf(volunteerStatuses, list.filters.status);
  const skill = oneOf(legalSpecialties, list.filters.skill);
  const division = isDivisionCode(list.filters.division) ? list.filters.division : undefined;
  // The export takes exactly the filters the list shows.
  const filters = {
    q: list.filters.q,
    kind,
    status,
    skill,
    partner: list.filters.partner,
    station: list.filters.station,
    division,
  };
  const volunteers = useVolunteers({ ...filters, limit: list.limit, offset: list.offset });

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.volunteers')}</h1>
        <Space wrap>
          <SpreadsheetToolbar
            basePath="/api/volunteers"
            fileName="volunteers"
            filters={filters}
            canImport={canManage}
            invalidate={[['volunteers'], ['partners']]}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('console.volunteers.create')}
            </Button>
          )}
        </Space>
      </div>
      <VolunteerSummaryCard division={division} />
      <Card>
        <div className="filter-bar">
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            allowClear
            maxLength={50}
            style={{ width: 240 }}
            placeholder={t('console.volunteers.search')}
            aria-label={t('console.volunteers.search')}
            onSearch={(text) => list.setFilters({ q: text.trim() || undefined })}
          />
          <Select<VolunteerKind>
            allowClear
            style={{ width: 150 }}
            aria-label={t('console.volunteers.kind')}
            placeholder={t('console.volunteers.allKinds')}
            value={kind}
            onChange={(value?: VolunteerKind) => list.setFilters({ kind: value })}
            options={volunteerKinds.map((value) => ({
              value,
              label: t(`volunteerKind.${value}`),
            }))}
          />
          <Select<VolunteerStatus>
            allowClear
            style={{ width: 130 }}
            aria-label={t('console.volunteers.status')}
            placeholder={t('console.volunteers.allStatuses')}
            value={status}
            onChange={(value?: VolunteerStatus) => list.setFilters({ status: value })}
            options={volunteerStatuses.map((value) => ({
              value,
              label: t(`volunteerStatus.${value}`),
            }))}
          />
          <Select<LegalSpecialty>
            allowClear
            style={{ width: 150 }}
            aria-label={t('console.volunteers.skills')}
            placeholder={t('console.volunteers.allSkills')}
            value={skill}
            onChange={(value?: LegalSpecialty) => list.setFilters({ skill: value })}
            options={legalSpecialties.map((value) => ({
              value,
              label: t(`specialty.${value}`),
            }))}
          />
          <Select<string>
            allowClear
            style={{ width: 200 }}
            aria-label={t('console.volunteers.partner')}
            placeholder={t('console.volunteers.allPartners')}
            value={list.filters.partner}
            onChange={(value?: string) => list.setFilters({ partner: value })}
            showSearch={{ optionFilterProp: 'label' }}
            options={(partners.data?.items ?? []).map((partner) => ({
              value: partner.id,
              label: partner.name,
            }))}
          />
          <OrganizationSelect
            allowClear
            width={240}
            value={list.filters.station}
            placeholder={t('console.volunteers.allStations')}
            onChange={(value) => list.setFilters({ station: value })}
          />
          <DivisionCascader
            value={division}
            onChange={(value) => list.setFilters({ division: value })}
          />
          {list.hasFilters && (
            <Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>
          )}
        </div>
      </Card>
      <Card>
        {volunteers.isError ? (
          <ErrorState error={volunteers.error} onRetry={() => void volunteers.refetch()} />
        ) : (
          <Table<Volunteer>
            rowKey="id"
            columns={columns}
            dataSource={volunteers.data?.items}
            loading={volunteers.isFetching}
            locale={{ emptyText: t('console.volunteers.empty') }}
            rowClassName="clickable-row"
            scroll={{ x: 1300 }}
            onRow={(volunteer) => ({ onClick: () => setSelected(volunteer.id) })}
            pagination={list.pagination(volunteers.data?.total)}
          />
        )}
      </Card>
      <VolunteerDrawer
        id={selected}
        canManage={canManage}
        canUnmask={canUnmask}
        onClose={() => setSelected(undefined)}
      />
      {creating && (
        <VolunteerEditor
          open
          onClose={() => setCreating(false)}
          onSaved={(volunteer) => setSelected(volunteer.id)}
        />
      )}
    </div>
  );
}
