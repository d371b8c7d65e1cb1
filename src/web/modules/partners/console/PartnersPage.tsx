import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Divider,
  Form,
  Input,
  Row,
  Skeleton,
  Table,
  Tag,
} from 'antd';
import type { TableProps } from 'antd';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import { useState } from 'react';
import type { PartnerKind } from '../../../../contracts/values.js';
import { partnerKinds } from '../../../../contracts/values.js';
import type { Partner, PartnerAgreement } from '../../../../contracts/partners.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { EnumSelect, ListPage, ListSearch } from '../../../kit/ui/ListPage.js';
import { PartnerEditor } from './PartnerEditor.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';
import { todayInShanghai } from '../../../kit/dates.js';
import { partnersApi, usePartner, usePartnerAgreements, usePartners } from '../api.js';
import '../../../kit/ui/record-panel.css';

const filterNames = ['q', 'kind'] as const;

const partnerKindColor: Record<PartnerKind, string> = {
  civilization_office: 'red',
  social_organization: 'green',
  law_firm: 'blue',
  university: 'purple',
  other: 'default',
};

/** In force, ended, or not yet in force, on the bureau's calendar. */
function AgreementState({ agreement }: { agreement: PartnerAgreement }) {
  const { t } = useI18n();
  const today = todayInShanghai();
  if (agreement.validFrom > today) return <Tag>{t('console.agreements.upcoming')}</Tag>;
  if (agreement.validTo && agreement.validTo < today) {
    return <Tag color="default">{t('console.agreements.ended')}</Tag>;
  }
  return <Tag color="green">{t('console.agreements.current')}</Tag>;
}

function termText(agreement: PartnerAgreement, t: Translate): string {
  return `${agreement.validFrom} – ${agreement.validTo ?? t('console.agreements.openEnded')}`;
}

interface AgreementForm {
  title: string;
  stationId?: string | null;
  signedOn: string;
  validFrom: string;
  validTo?: string;
  terms?: string;
}

const agreementFields = [
  'title',
  'stationId',
  'signedOn',
  'validFrom',
  'validTo',
  'terms',
] as const;

function AddAgreementForm({ partner }: { partner: Partner }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AgreementForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (values: AgreementForm) =>
      partnersApi.addAgreement(partner.id, {
        title: values.title.trim(),
        stationId: values.stationId ?? null,
        signedOn: values.signedOn,
        validFrom: values.validFrom,
        validTo: values.validTo || null,
        terms: values.terms?.trim() ?? '',
      }),
    onSuccess: () => {
      void message.success(t('console.agreements.added'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
    },
    onError: (error) => {
      const { fields, message: text } = placeFormError(error, agreementFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });
  const dateRequired = { required: true, message: t('console.agreements.date.required') };
  return (
    <Form<AgreementForm>
      name="addAgreement"
      form={form}
      layout="vertical"
      onFinish={(values) => {
        setProblem(null);
        add.mutate(values);
      }}
    >
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item
            name="title"
            label={t('console.agreements.name')}
            rules={[
              { required: true, whitespace: true, message: t('console.agreements.name.required') },
              { min: 2, max: 100, message: t('console.agreements.name.required') },
            ]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="stationId" label={t('console.agreements.station')}>
            <OrganizationSelect allowClear placeholder={t('console.agreements.station.none')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="signedOn"
            label={t('console.agreements.signedOn')}
            rules={[dateRequired]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="validFrom"
            label={t('console.agreements.validFrom')}
            rules={[dateRequired]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="validTo"
            label={t('console.agreements.validTo')}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value >= (getFieldValue('validFrom') as string)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('console.agreements.validTo.before'))),
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="terms" label={t('console.agreements.terms')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('console.agreements.add')}
      </Button>
    </Form>
  );
}

function PartnerAgreements({ partner, canManage }: { partner: Partner; canManage: boolean }) {
  const { t } = useI18n();
  const agreements = usePartnerAgreements(partner.id);
  if (agreements.isError) {
    return <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />;
  }
  return (
    <div className="record-panel">
      <h3 className="record-section-title">{t('console.agreements.title')}</h3>
      <Table<PartnerAgreement>
        rowKey="id"
        size="small"
        loading={agreements.isFetching}
        dataSource={agreements.data}
        pagination={false}
        locale={{ emptyText: t('console.agreements.empty') }}
        expandable={{
          rowExpandable: (agreement) => agreement.terms !== '',
          expandedRowRender: (agreement) => <p className="record-pre-wrap">{agreement.terms}</p>,
        }}
        columns={[
          { key: 'title', title: t('console.agreements.name'), dataIndex: 'title' },
          {
            key: 'station',
            title: t('console.agreements.station'),
            dataIndex: 'stationName',
            render: (name: string | null) => name ?? t('console.agreements.station.none'),
          },
          {
            key: 'term',
            title: t('console.agreements.term'),
            width: 200,
            render: (_: unknown, agreement) => (
              <span>
                {termText(agreement, t)} <AgreementState agreement={agreement} />
              </span>
            ),
          },
          {
            key: 'signedOn',
            title: t('console.agreements.signedOn'),
            dataIndex: 'signedOn',
            width: 110,
          },
        ]}
      />
      {canManage && (
        <>
          <Divider titlePlacement="start">{t('console.agreements.add')}</Divider>
          <AddAgreementForm partner={partner} />
        </>
      )}
    </div>
  );
}

function PartnerDrawer({
  id,
  onClose,
  canManage,
}: {
  id: string | undefined;
  onClose: () => void;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const partner = usePartner(id);
  const [editing, setEditing] = useState(false);
  return (
    <RecordDrawer
      open={Boolean(id)}
      onClose={onClose}
      size={720}
      title={partner.data?.name ?? t('common.loading')}
      extra={
        canManage && partner.data ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : undefined
      }
    >
      {editing && partner.data && (
        <PartnerEditor partner={partner.data} onClose={() => setEditing(false)} />
      )}
      {partner.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : partner.isError ? (
        <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />
      ) : (
        <div className="record-panel">
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'kind',
                label: t('console.partners.kind'),
                children: (
                  <Tag color={partnerKindColor[partner.data.kind]}>
                    {t(`partnerKind.${partner.data.kind}`)}
                  </Tag>
                ),
              },
              {
                key: 'organization',
                label: t('console.partners.organization'),
                children: partner.data.organizationName,
              },
              {
                key: 'linked',
                label: t('console.partners.linked'),
                children: partner.data.linkedOrganizationName ?? '—',
              },
              {
                key: 'contactName',
                label: t('console.partners.contactName'),
                children: partner.data.contactName || '—',
              },
              {
                key: 'contactPhone',
                label: t('console.partners.contactPhone'),
                children: partner.data.contactPhone ?? '—',
              },
              {
                key: 'volunteerCount',
                label: t('console.partners.volunteerCount'),
                children: partner.data.volunteerCount,
              },
            ]}
          />
          <PartnerAgreements partner={partner.data} canManage={canManage} />
        </div>
      )}
    </RecordDrawer>
  );
}

function useColumns(open: (id: string) => void): TableProps<Partner>['columns'] {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('console.partners.name'),
      dataIndex: 'name',
      render: (name: string, partner) => (
        <Button type="link" className="row-title" onClick={() => open(partner.id)}>
          {name}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('console.partners.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: PartnerKind) => (
        <Tag color={partnerKindColor[kind]}>{t(`partnerKind.${kind}`)}</Tag>
      ),
    },
    {
      key: 'organization',
      title: t('console.partners.organization'),
      dataIndex: 'organizationName',
      width: 160,
    },
    {
      key: 'contact',
      title: t('console.partners.contactName'),
      width: 200,
      render: (_: unknown, partner) =>
        [partner.contactName, partner.contactPhone].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'volunteerCount',
      title: t('console.partners.volunteerCount'),
      dataIndex: 'volunteerCount',
      width: 110,
      align: 'right',
    },
    {
      key: 'agreementCount',
      title: t('console.partners.agreementCount'),
      dataIndex: 'agreementCount',
      width: 90,
      align: 'right',
    },
  ];
}

export default function PartnersPage() {
  const { t } = useI18n();
  const list = useListState(filterNames);
  const me = useMe();
  const canManage = hasPermission(me.data, 'volunteers.manage');
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const columns = useColumns(setSelected);
  useDocumentTitle(t('console.nav.partners'), t('app.consoleTitle'), t('app.name'));
  const kind = oneOf(partnerKinds, list.filters.kind);
  const partners = usePartners({
    q: list.filters.q,
    kind,
    limit: list.limit,
    offset: list.offset,
  });

  return (
    <ListPage<Partner>
      title={t('console.nav.partners')}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('console.partners.create')}
          </Button>
        )
      }
      filters={
        <>
          <ListSearch
            value={list.filters.q}
            label={t('console.partners.search')}
            maxLength={50}
            width={240}
            onSearch={(q) => list.setFilters({ q })}
          />
          <EnumSelect
            values={partnerKinds}
            value={kind}
            labelOf={(value) => t(`partnerKind.${value}`)}
            label={t('console.partners.kind')}
            placeholder={t('console.partners.allKinds')}
            width={160}
            onChange={(value) => list.setFilters({ kind: value })}
          />
        </>
      }
      query={partners}
      columns={columns}
      emptyText={t('console.partners.empty')}
      pagination={list.pagination}
      table={{
        rowClassName: 'clickable-row',
        onRow: (partner) => ({ onClick: () => setSelected(partner.id) }),
      }}
    >
      <PartnerDrawer id={selected} canManage={canManage} onClose={() => setSelected(undefined)} />
      {creating && (
        <PartnerEditor
          onClose={() => setCreating(false)}
          onSaved={(partner) => setSelected(partner.id)}
        />
      )}
    </ListPage>
  );
}
