import { AutoComplete, Button, Form, Input, Select, Space } from 'antd';
import { auditOutcomes } from '../../../../contracts/audit.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { auditActionOptions } from './audit-action-labels.js';

export const filterNames = [
  'q',
  'action',
  'objectType',
  'objectId',
  'outcome',
  'from',
  'to',
  'actorId',
] as const;
type FilterName = (typeof filterNames)[number];
export type FilterValues = Partial<Record<FilterName, string>>;

const actionFamilies = [
  'auth.',
  'account.',
  'role.',
  'organization.',
  'practitioner.',
  'volunteer.',
  'partner.',
] as const;

/** The audit page's search form; applying it writes the filters into the address. */
export function AuditFilters({
  values,
  onApply,
  onReset,
}: {
  values: FilterValues;
  onApply: (values: FilterValues) => void;
  onReset: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const trimmed = (text: string | undefined) => text?.trim() || undefined;
  return (
    <Form<FilterValues>
      name="auditFilters"
      form={form}
      layout="inline"
      colon={false}
      className="audit-filters"
      initialValues={values}
      onFinish={(next) =>
        onApply({
          q: trimmed(next.q),
          action: trimmed(next.action),
          objectType: trimmed(next.objectType),
          objectId: trimmed(next.objectId),
          outcome: next.outcome,
          from: next.from || undefined,
          to: next.to || undefined,
          actorId: values.actorId,
        })
      }
    >
      <Form.Item name="q">
        <Input
          allowClear
          maxLength={100}
          style={{ width: 220 }}
          placeholder={t('console.audit.search')}
          aria-label={t('console.audit.search')}
        />
      </Form.Item>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          style={{ width: 220 }}
          placeholder={t('console.audit.action.placeholder')}
          aria-label={t('console.audit.action')}
          options={[
            ...actionFamilies.map((family) => ({
              value: family,
              label: `${t(`auditFamily.${family}`)} · ${family}`,
            })),
            ...auditActionOptions(locale),
          ]}
          showSearch={{
            filterOption: (input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.trim().toLowerCase()),
          }}
        />
      </Form.Item>
      <Form.Item name="objectType">
        <Input
          allowClear
          maxLength={100}
          style={{ width: 150 }}
          placeholder={t('console.audit.objectType')}
          aria-label={t('console.audit.objectType')}
        />
      </Form.Item>
      <Form.Item name="objectId">
        <Input
          allowClear
          maxLength={200}
          style={{ width: 180 }}
          placeholder={t('console.audit.objectId')}
          aria-label={t('console.audit.objectId')}
        />
      </Form.Item>
      <Form.Item name="outcome">
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('console.audit.allOutcomes')}
          aria-label={t('console.audit.outcome')}
          options={auditOutcomes.map((outcome) => ({
            value: outcome,
            label: t(`auditOutcome.${outcome}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="from" label={t('console.audit.from')}>
        <Input type="date" style={{ width: 150 }} aria-label={t('console.audit.from')} />
      </Form.Item>
      <Form.Item name="to" label={t('console.audit.to')}>
        <Input type="date" style={{ width: 150 }} aria-label={t('console.audit.to')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );
}
