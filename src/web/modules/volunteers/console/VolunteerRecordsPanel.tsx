import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import type { VolunteerRecordKind } from '../../../../contracts/values.js';
import { volunteerRecordKinds } from '../../../../contracts/values.js';
import type { Volunteer, VolunteerRecord } from '../../../../contracts/volunteers.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { coverState, todayInShanghai } from '../../../kit/dates.js';
import { useVolunteerRecords, volunteersApi } from '../api.js';
import { CoverTag } from './CoverTag.js';
import '../../../kit/ui/record-panel.css';

interface RecordForm {
  kind: VolunteerRecordKind;
  title: string;
  issuer?: string;
  reference?: string;
  recordedOn: string;
  validTo?: string;
  hours?: number | null;
  note?: string;
}

const formFields = [
  'kind',
  'title',
  'issuer',
  'reference',
  'recordedOn',
  'validTo',
  'hours',
  'note',
] as const;

const recordKindColor: Record<VolunteerRecordKind, string> = {
  training: 'blue',
  commendation: 'gold',
  reward: 'orange',
  insurance: 'green',
  rights_protection: 'purple',
};

function AddRecordForm({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecordForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  const add = useMutation({
    mutationFn: (values: RecordForm) =>
      volunteersApi.addRecord(volunteer.id, {
        kind: values.kind,
        title: values.title.trim(),
        issuer: values.issuer?.trim() ?? '',
        reference: values.reference?.trim() ?? '',
        recordedOn: values.recordedOn,
        validTo: values.validTo || null,
        hours: values.kind === 'training' ? (values.hours ?? null) : null,
        note: values.note?.trim() ?? '',
      }),
    onSuccess: () => {
      void message.success(t('console.records.added'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
    },
    onError: (error) => {
      const { fields, message: text } = placeFormError(error, formFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  return (
    <Form<RecordForm>
      name="addRecord"
      form={form}
      layout="vertical"
      initialValues={{ kind: 'training', recordedOn: todayInShanghai() }}
      onFinish={(values) => {
        setProblem(null);
        add.mutate(values);
      }}
    >
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('console.records.kind')}>
            <Select<VolunteerRecordKind>
              options={volunteerRecordKinds.map((value) => ({
                value,
                label: t(`volunteerRecordKind.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="title"
            label={t('console.records.title')}
            rules={[
              { required: true, whitespace: true, message: t('console.records.title.required') },
              { min: 2, max: 100, message: t('console.records.title.required') },
            ]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="issuer" label={t('console.records.issuer')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reference" label={t('console.records.reference')}>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="recordedOn"
            label={t('console.records.recordedOn')}
            rules={[{ required: true, message: t('console.records.recordedOn.required') }]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="validTo"
            label={t('console.records.validTo')}
            dependencies={['recordedOn', 'kind']}
            rules={[
              { required: kind === 'insurance', message: t('console.records.validTo.required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value >= (getFieldValue('recordedOn') as string)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('console.records.validTo.before'))),
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
        {kind === 'training' && (
          <Col xs={24} md={8}>
            <Form.Item name="hours" label={t('console.records.hours')}>
              <InputNumber<number> min={0.5} max={999} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="note" label={t('console.records.note')}>
        <Input maxLength={500} autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('console.records.submit')}
      </Button>
    </Form>
  );
}

/** Training, commendations, rewards, insurance and rights protection; ending cover stands out. */
export function VolunteerRecordsPanel({
  volunteer,
  canManage,
}: {
  volunteer: Volunteer;
  canManage: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const records = useVolunteerRecords(volunteer.id);
  const today = todayInShanghai();
  const remove = useMutation({
    mutationFn: (recordId: string) => volunteersApi.deleteRecord(volunteer.id, recordId),
    onSuccess: () => {
      void message.success(t('console.records.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
    },
    onError: (error) => void message.error(error.message),
  });

  if (records.isError) {
    return <ErrorState error={records.error} onRetry={() => void records.refetch()} />;
  }
  return (
    <div className="record-panel">
      {canManage && <AddRecordForm volunteer={volunteer} />}
      <Table<VolunteerRecord>
        rowKey="id"
        size="small"
        loading={records.isFetching}
        dataSource={records.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('console.records.empty') }}
        rowClassName={(record) =>
          record.kind === 'insurance' && coverState(record.validTo, today).state === 'expiring'
            ? 'volunteer-cover-expiring'
            : ''
        }
        columns={[
          {
            key: 'kind',
            title: t('console.records.kind'),
            dataIndex: 'kind',
            width: 96,
            render: (value: VolunteerRecordKind) => (
              <Tag color={recordKindColor[value]}>{t(`volunteerRecordKind.${value}`)}</Tag>
            ),
          },
          {
            key: 'title',
            title: t('console.records.title'),
            render: (_: unknown, record) => (
              <div className="name-cell">
                <span>{record.title}</span>
                {(record.issuer || record.reference) && (
                  <span className="muted">
                    {[record.issuer, record.reference].filter(Boolean).join(' · ')}
                  </span>
                )}
              </div>
            ),
          },
          {
            key: 'recordedOn',
            title: t('console.records.recordedOn'),
            dataIndex: 'recordedOn',
            width: 110,
          },
          {
            key: 'validTo',
            title: t('console.records.validTo'),
            dataIndex: 'validTo',
            width: 150,
            render: (validTo: string | null, record) =>
              record.kind === 'insurance' ? (
                <CoverTag validTo={validTo} today={today} />
              ) : (
                (validTo ?? '—')
              ),
          },
          {
            key: 'hours',
            title: t('console.records.hours'),
            dataIndex: 'hours',
            width: 80,
            render: (value: number | null) => (value === null ? '—' : formatNumber(value)),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 70,
                  render: (_: unknown, record: VolunteerRecord) => (
                    <Popconfirm
                      title={t('console.records.deleteConfirm')}
                      okText={t('console.records.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync(record.id)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('console.records.delete')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
