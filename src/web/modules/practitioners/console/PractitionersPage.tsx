import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Input, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import {
  isDivisionCode,
  legalSpecialties,
  practitionerKinds,
  practitionerStatuses,
  serviceLanguages,
  type LegalSpecialty,
  type PractitionerKind,
  type PractitionerStatus,
  type ServiceLanguage,
} from '../../../../contracts/values.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { PractitionerDrawer, practitionerStatusBadge } from './PractitionerDrawer.js';
import { PractitionerEditor } from './PractitionerEditor.js';
import { MaskedPhone } from '../../../kit/ui/MaskedPhone.js';
import { SpreadsheetToolbar } from '../../../kit/ui/SpreadsheetToolbar.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';
import {
  practitionerKeys,
  practitionersApi,
  practitionersApiPath,
  usePractitioners,
  type PractitionerFilter,
} from '../api.js';
import './practitioners.css';

const filterNames = [
  'q',
  'kind',
  'status',
  'organization',
  'division',
  'specialty',
  'language',
] as const;

/** The list's filters as the API takes them; values typed into the address are checked first. */
function filtersOf(filters: Record<(typeof filterNames)[number], string | undefined>) {
  const division = filters.division;
  const filter: PractitionerFilter = {
    q: filters.q,
    kind: oneOf(practitionerKinds, filters.kind),
    status: oneOf(practitionerStatuses, filters.status),
    organization: filters.organization,
    division: isDivisionCode(division) ? division : undefined,
    specialty: oneOf(legalSpecialties, filters.specialty),
    language: oneOf(serviceLanguages, filters.language),
  };
  return filter;
}

function useColumns(
  open: (id: string) => void,
  canUnmask: boolean,
): TableProps<Practitioner>['columns'] {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('console.practitioners.name'),
      dataIndex: 'name',
      width: 120,
      // The whole row opens the drawer for the mouse; the name is the keyboard's way in.
      render: (name: string, practitioner) => (
        <Button type="link" className="row-title" onClick={() => open(practitioner.id)}>
          {name}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('console.practitioners.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (kind: PractitionerKind) => <Tag color="blue">{t(`practitionerKind.${kind}`)}</Tag>,
    },
    {
      key: 'organization',
      title: t('console.practitioners.organization'),
      dataIndex: 'organizationName',
      ellipsis: true,
    },
    {
      key: 'licenceNumber',
      title: t('console.practitioners.licenceNumber'),
      dataIndex: 'licenceNumber',
      width: 180,
      render: (number: string | null) =>
        number ? <span className="mono">{number}</span> : <span className="muted">—</span>,
    },
    {
      key: 'specialties',
      title: t('console.practitioners.specialties'),
      dataIndex: 'specialties',
      render: (specialties: LegalSpecialty[]) =>
        specialties.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <span className="tag-list">
            {specialties.map((specialty) => (
              <Tag key={specialty}>{t(`specialty.${specialty}`)}</Tag>
            ))}
          </span>
        ),
    },
    {
      key: 'phone',
      title: t('console.practitioners.phone'),
      width: 160,
      render: (_, practitioner) => (
        <MaskedPhone
          phone={practitioner.phone}
          canUnmask={canUnmask}
          queryKey={practitionerKeys.detail(practitioner.id, true)}
          fetchUnmasked={(signal) => practitionersApi.get(practitioner.id, true, signal)}
        />
      ),
    },
    {
      key: 'status',
      title: t('console.practitioners.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: PractitionerStatus) => (
        <Badge status={practitionerStatusBadge[status]} text={t(`practitionerStatus.${status}`)} />
      ),
    },
  ];
}

export default function PractitionersPage() {
  const { t } = useI18n();
  const me = useMe();
  const list = useListState(filterNames);
  const filter = filtersOf(list.filters);
  const canManage = hasPermission(me.data, 'practitioners.manage');
  const canUnmask = hasPermission(me.data, 'personal_data.unmask');
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const columns = useColumns(setSelected, canUnmask);
  useDocumentTitle(t('console.nav.practitioners'), t('app.consoleTitle'), t('app.name'));

  const practitioners = usePractitioners({ ...filter, limit: list.limit, offset: list.offset });

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.practitioners')}</h1>
        <span className="page-heading-spacer" />
        <SpreadsheetToolbar
          basePath={practitionersApiPath}
          fileName="practitioners"
          filters={{ ...filter }}
          canImport={canManage}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('console.practitioners.create')}
          </Button>
        )}
      </div>
      <Card>
        <div className="filter-bar">
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            allowClear
            maxLength={50}
            style={{ width: 280 }}
            placeholder={t('console.practitioners.search')}
            aria-label={t('console.practitioners.search')}
            onSearch={(text) => list.setFilters({ q: text.trim() || undefined })}
          />
          <Select<PractitionerKind>
            allowClear
            style={{ width: 180 }}
            aria-label={t('console.practitioners.kind')}
            placeholder={t('console.practitioners.allKinds')}
            value={filter.kind}
            onChange={(kind?: PractitionerKind) => list.setFilters({ kind })}
            options={practitionerKinds.map((value) => ({
              value,
              label: t(`practitionerKind.${value}`),
            }))}
          />
          <Select<PractitionerStatus>
            allowClear
            style={{ width: 130 }}
            aria-label={t('console.practitioners.status')}
            placeholder={t('console.practitioners.allStatuses')}
            value={filter.status}
            onChange={(status?: PractitionerStatus) => list.setFilters({ status })}
            options={practitionerStatuses.map((value) => ({
              value,
              label: t(`practitionerStatus.${value}`),
            }))}
          />
          <OrganizationSelect
            allowClear
            width={240}
            placeholder={t('console.practitioners.allOrganizations')}
            value={filter.organization}
            onChange={(organization) => list.setFilters({ organization })}
          />
          <DivisionCascader
            value={filter.division}
            placeholder={t('console.practitioners.allDivisions')}
            onChange={(division) => list.setFilters({ division })}
          />
          <Select<LegalSpecialty>
            allowClear
            style={{ width: 160 }}
            aria-label={t('console.practitioners.specialties')}
            placeholder={t('console.practitioners.allSpecialties')}
            value={filter.specialty}
            onChange={(specialty?: LegalSpecialty) => list.setFilters({ specialty })}
            options={legalSpecialties.map((value) => ({
              value,
              label: t(`specialty.${value}`),
            }))}
          />
          <Select<ServiceLanguage>
            allowClear
            style={{ width: 160 }}
            aria-label={t('console.practitioners.languages')}
            placeholder={t('console.practitioners.allLanguages')}
            value={filter.language}
            onChange={(language?: ServiceLanguage) => list.setFilters({ language })}
            options={serviceLanguages.map((value) => ({
              value,
              label: t(`language.${value}`),
            }))}
          />
          {list.hasFilters && (
            <Button type="link" onClick={list.clearFilters}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </Card>
      <Card>
        {practitioners.isError ? (
          <ErrorState error={practitioners.error} onRetry={() => void practitioners.refetch()} />
        ) : (
          <Table<Practitioner>
            rowKey="id"
            columns={columns}
            dataSource={practitioners.data?.items}
            loading={practitioners.isFetching}
            locale={{ emptyText: t('console.practitioners.empty') }}
            rowClassName="clickable-row"
            onRow={(practitioner) => ({ onClick: () => setSelected(practitioner.id) })}
            pagination={list.pagination(practitioners.data?.total)}
          />
        )}
      </Card>
      <PractitionerDrawer
        id={selected}
        canManage={canManage}
        canUnmask={canUnmask}
        onClose={() => setSelected(undefined)}
      />
      {creating && (
        <PractitionerEditor
          open
          onClose={() => setCreating(false)}
          onSaved={(saved) => setSelected(saved.id)}
        />
      )}
    </div>
  );
}
