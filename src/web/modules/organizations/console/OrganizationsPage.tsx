import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TableProps } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type {
  Organization,
  OrganizationService,
  OrganizationStatus,
  OrganizationType,
} from '../../../../contracts/organizations.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import {
  isDivisionCode,
  isOrganizationService,
  isOrganizationStatus,
  isOrganizationType,
  organizationServices,
  organizationStatuses,
  organizationTypes,
} from '../../../../contracts/values.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useOrganizations } from '../../../kit/queries.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import { OrganizationDrawer, statusBadge } from './OrganizationDrawer.js';
import { OrganizationEditor } from './OrganizationEditor.js';
import { SpreadsheetToolbar } from '../../../kit/ui/SpreadsheetToolbar.js';

const pageSizes = [10, 20, 50, 100];
const defaultPageSize = 20;

/** Filters, page and the open record live in the address, so a view can be shared or reloaded. */
function readState(params: URLSearchParams) {
  const type = params.get('type');
  const status = params.get('status');
  const service = params.get('service');
  const division = params.get('division');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    q: params.get('q')?.trim() || undefined,
    type: isOrganizationType(type) ? type : undefined,
    status: isOrganizationStatus(status) ? status : undefined,
    service: isOrganizationService(service) ? service : undefined,
    division: isDivisionCode(division) ? division : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: pageSizes.includes(pageSize) ? pageSize : defaultPageSize,
    selected: params.get('selected') ?? undefined,
  };
}

type ListState = ReturnType<typeof readState>;

function writeState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.type) params.set('type', state.type);
  if (state.status) params.set('status', state.status);
  if (state.service) params.set('service', state.service);
  if (state.division) params.set('division', state.division);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== defaultPageSize) params.set('pageSize', String(state.pageSize));
  if (state.selected) params.set('selected', state.selected);
  return params;
}

function useColumns(open: (id: string) => void): TableProps<Organization>['columns'] {
  const { t, formatDateTime } = useI18n();
  return [
    {
      key: 'name',
      title: t('console.org.name'),
      dataIndex: 'name',
      width: 240,
      // The whole row opens the drawer for the mouse; the name is the keyboard's way in.
      render: (name: string, organization) => (
        <Button type="link" className="row-title" onClick={() => open(organization.id)}>
          {name}
        </Button>
      ),
    },
    {
      key: 'type',
      title: t('org.type'),
      dataIndex: 'type',
      width: 180,
      render: (type: OrganizationType) => <Tag color="blue">{t(`orgType.${type}`)}</Tag>,
    },
    { key: 'division', title: t('console.org.division'), dataIndex: 'divisionName', width: 100 },
    { key: 'address', title: t('org.address'), dataIndex: 'address', ellipsis: true },
    {
      key: 'phone',
      title: t('org.phone'),
      dataIndex: 'phone',
      width: 140,
      render: (phone: string | null) => phone ?? '—',
    },
    {
      key: 'status',
      title: t('org.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: OrganizationStatus) => (
        <Badge status={statusBadge[status]} text={t(`orgStatus.${status}`)} />
      ),
    },
    {
      key: 'updatedAt',
      title: t('console.org.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (updatedAt: string) => formatDateTime(updatedAt),
    },
  ];
}

export default function OrganizationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const update = (change: Partial<ListState>) => setParams(writeState({ ...state, ...change }));
  const filter = (change: Partial<ListState>) => update({ ...change, page: 1 });
  const columns = useColumns((selected) => update({ selected }));
  const me = useMe();
  const canManage = hasPermission(me.data, 'organizations.manage');
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('console.nav.organizations'), t('app.consoleTitle'), t('app.name'));

  const organizations = useOrganizations({
    q: state.q,
    type: state.type,
    status: state.status,
    service: state.service,
    division: state.division,
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
  });

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.organizations')}</h1>
        <span className="page-heading-spacer" />
        {canManage && (
          <SpreadsheetToolbar
            basePath="/api/organizations"
            fileName="organizations"
            filters={{
              q: state.q,
              type: state.type,
              status: state.status,
              service: state.service,
              division: state.division,
            }}
          />
        )}
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('console.orgs.create')}
          </Button>
        )}
      </div>
      <Card>
        <div className="filter-bar">
          <Input.Search
            key={state.q ?? ''}
            defaultValue={state.q}
            allowClear
            maxLength={50}
            style={{ width: 280 }}
            placeholder={t('console.orgs.search')}
            aria-label={t('console.orgs.search')}
            onSearch={(text) => filter({ q: text.trim() || undefined })}
          />
          <Select<OrganizationType>
            allowClear
            style={{ width: 220 }}
            aria-label={t('org.type')}
            placeholder={t('console.orgs.allTypes')}
            value={state.type}
            onChange={(type?: OrganizationType) => filter({ type })}
            options={organizationTypes.map((type) => ({
              value: type,
              label: t(`orgType.${type}`),
            }))}
          />
          <Select<OrganizationStatus>
            allowClear
            style={{ width: 140 }}
            aria-label={t('org.status')}
            placeholder={t('console.orgs.allStatuses')}
            value={state.status}
            onChange={(status?: OrganizationStatus) => filter({ status })}
            options={organizationStatuses.map((status) => ({
              value: status,
              label: t(`orgStatus.${status}`),
            }))}
          />
          <Select<OrganizationService>
            allowClear
            style={{ width: 180 }}
            aria-label={t('console.org.services')}
            placeholder={t('console.orgs.allServices')}
            value={state.service}
            onChange={(service?: OrganizationService) => filter({ service })}
            options={organizationServices.map((service) => ({
              value: service,
              label: t(`orgService.${service}`),
            }))}
          />
          <DivisionCascader value={state.division} onChange={(division) => filter({ division })} />
        </div>
      </Card>
      <Card>
        {organizations.isError ? (
          <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
        ) : (
          <Table<Organization>
            rowKey="id"
            columns={columns}
            dataSource={organizations.data?.items}
            loading={organizations.isFetching}
            locale={{ emptyText: t('console.orgs.empty') }}
            rowClassName="clickable-row"
            onRow={(organization) => ({
              onClick: () => update({ selected: organization.id }),
            })}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: organizations.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: pageSizes,
              showTotal: (total) => t('common.totalItems', { total }),
              onChange: (page, pageSize) =>
                update({ page: pageSize === state.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
      <OrganizationDrawer
        id={state.selected}
        canManage={canManage}
        onClose={() => update({ selected: undefined })}
      />
      {creating && <OrganizationEditor open onClose={() => setCreating(false)} />}
    </div>
  );
}
