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
  Statistic,
  Table,
} from 'antd';
import { useState } from 'react';
import type { ServiceHoursEntry, Volunteer } from '../../../../contracts/volunteers.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { todayInShanghai } from '../../../kit/dates.js';
import { useServiceHours, volunteersApi } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import '../../../kit/ui/record-panel.css';

interface HoursForm {
  servedOn: string;
  hours: number;
  stationId?: string;
  activity: string;
}

const formFields = ['servedOn', 'hours', 'stationId', 'activity'] as const;

/** At most one decimal place, as the server accepts (3.5 yes, 1.25 no). */
const inTenths = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

/** Logging a shift must leave the list, the total on the record and the summary in step. */
function useRefreshVolunteer() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['volunteers'] });
}

function LogHoursForm({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HoursForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = useRefreshVolunteer();
  const today = todayInShanghai();

  const log = useMutation({
    mutationFn: (values: HoursForm) =>
      volunteersApi.logHours(volunteer.id, {
        servedOn: values.servedOn,
        hours: values.hours,
        activity: values.activity.trim(),
        ...(values.stationId ? { stationId: values.stationId } : {}),
      }),
    onSuccess: (entry) => {
      void message.success(t('console.hoursLog.logged', { hours: entry.hours }));
      form.resetFields();
      void refresh();
    },
    onError: (error) => {
      const { fields, message: text } = placeFormError(error, formFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  const required = { required: true, message: t('console.hoursLog.required') };
  return (
    <Form<HoursForm>
      name="logHours"
      form={form}
      layout="vertical"
      initialValues={{ servedOn: today }}
      onFinish={(values) => {
        setProblem(null);
        log.mutate(values);
      }}
    >
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="servedOn" label={t('console.hoursLog.servedOn')} rules={[required]}>
            <Input type="date" max={today} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="hours"
            label={t('console.hoursLog.hours')}
            rules={[
              required,
              {
                validator: (_, value: number | null | undefined) =>
                  value === null ||
                  value === undefined ||
                  (value >= 0.5 && value <= 24 && inTenths(value))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('console.hoursLog.hours.invalid'))),
              },
            ]}
          >
            <InputNumber<number> min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="stationId"
            label={t('console.hoursLog.station')}
            extra={t('console.hoursLog.station.hint')}
          >
            <OrganizationSelect
              allowClear
              placeholder={volunteer.stationName ?? t('console.volunteers.station.placeholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="activity"
        label={t('console.hoursLog.activity')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={log.isPending}>
        {t('console.hoursLog.submit')}
      </Button>
    </Form>
  );
}

/** A volunteer's service hours: the total, a form to log a shift, and every shift logged. */
export function VolunteerHoursPanel({
  volunteer,
  canManage,
}: {
  volunteer: Volunteer;
  canManage: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const hours = useServiceHours(volunteer.id);
  const refresh = useRefreshVolunteer();
  const remove = useMutation({
    mutationFn: (entryId: string) => volunteersApi.deleteHours(volunteer.id, entryId),
    onSuccess: () => {
      void message.success(t('console.hoursLog.deleted'));
      void refresh();
    },
    onError: (error) => void message.error(error.message),
  });

  if (hours.isError) {
    return <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />;
  }
  const total = hours.data?.hoursTotal ?? volunteer.hoursTotal;
  return (
    <div className="record-panel">
      <Statistic
        title={t('console.volunteers.hoursTotal')}
        value={t('console.volunteers.hoursValue', { hours: formatNumber(total) })}
      />
      {canManage && <LogHoursForm volunteer={volunteer} />}
      <Table<ServiceHoursEntry>
        rowKey="id"
        size="small"
        loading={hours.isFetching}
        dataSource={hours.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('console.hoursLog.empty') }}
        columns={[
          {
            key: 'servedOn',
            title: t('console.hoursLog.servedOn'),
            dataIndex: 'servedOn',
            width: 110,
          },
          {
            key: 'hours',
            title: t('console.hoursLog.hours'),
            dataIndex: 'hours',
            width: 90,
            render: (value: number) => formatNumber(value),
          },
          {
            key: 'station',
            title: t('console.hoursLog.station'),
            dataIndex: 'stationName',
            ellipsis: true,
            render: (name: string | null) => name ?? '—',
          },
          {
            key: 'activity',
            title: t('console.hoursLog.activity'),
            dataIndex: 'activity',
            ellipsis: true,
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 70,
                  render: (_: unknown, entry: ServiceHoursEntry) => (
                    <Popconfirm
                      title={t('console.hoursLog.deleteConfirm')}
                      okText={t('console.hoursLog.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync(entry.id)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('console.hoursLog.delete')}
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
