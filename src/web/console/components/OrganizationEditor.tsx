import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type {
  OpeningHours,
  Organization,
  OrganizationStatus,
  OrganizationType,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import { organizationStatuses, organizationTypes } from '../../../contracts/values.js';
import { ApiError } from '../../common/api.js';
import { errorMessage } from '../../common/components/ErrorState.js';
import { placeFormError } from '../../common/form-errors.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { api } from '../../common/endpoints.js';
import { queryKeys } from '../../common/queries.js';
import { adminApi } from '../admin-api.js';
import { DivisionCascader } from './DivisionCascader.js';
import {
  OpeningHoursEditor,
  normalizeOpeningHours,
  sameOpeningHours,
  validOpeningHours,
} from './OpeningHoursEditor.js';
import { OrganizationSelect } from './OrganizationSelect.js';

interface OrganizationForm {
  type?: OrganizationType;
  name: string;
  parentId?: string | null;
  divisionCode?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string;
  openingHours?: OpeningHours;
  status: OrganizationStatus;
}

const formFields = [
  'type',
  'name',
  'parentId',
  'divisionCode',
  'address',
  'latitude',
  'longitude',
  'phone',
  'openingHours',
  'status',
] as const;

function formValues(organization: Organization | undefined): Partial<OrganizationForm> {
  if (!organization) return { status: 'active', openingHours: {}, address: '' };
  return {
    type: organization.type,
    name: organization.name,
    parentId: organization.parentId,
    divisionCode: organization.divisionCode,
    address: organization.address,
    latitude: organization.latitude,
    longitude: organization.longitude,
    phone: organization.phone ?? '',
    openingHours: organization.openingHours,
    status: organization.status,
  };
}

/** What the form says, in the API's shape. */
function readForm(values: OrganizationForm) {
  return {
    name: values.name.trim(),
    parentId: values.parentId ?? null,
    divisionCode: values.divisionCode ?? '',
    address: values.address?.trim() ?? '',
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    phone: values.phone?.trim() || null,
    openingHours: normalizeOpeningHours(values.openingHours),
    status: values.status,
  };
}

/** Only the fields that differ from the record the editor saw, with its version. */
function changes(current: Organization, values: OrganizationForm): OrganizationUpdate {
  const next = readForm(values);
  const update: OrganizationUpdate = { version: current.version };
  if (next.name !== current.name) update.name = next.name;
  if (next.parentId !== current.parentId) update.parentId = next.parentId;
  if (next.divisionCode !== current.divisionCode) update.divisionCode = next.divisionCode;
  if (next.address !== current.address) update.address = next.address;
  if (next.latitude !== current.latitude) update.latitude = next.latitude;
  if (next.longitude !== current.longitude) update.longitude = next.longitude;
  if (next.phone !== current.phone) update.phone = next.phone;
  if (!sameOpeningHours(next.openingHours, current.openingHours)) {
    update.openingHours = next.openingHours;
  }
  if (next.status !== current.status) update.status = next.status;
  return update;
}

/**
 * Creates an organization, or edits one when `organization` is given. The server answers for
 * the district: a division outside it is refused on the division field.
 */
export function OrganizationEditor({
  open,
  organization,
  onClose,
  onSaved,
}: {
  open: boolean;
  organization?: Organization;
  onClose: () => void;
  onSaved?: (organization: Organization) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganizationForm>();
  const [current, setCurrent] = useState(organization);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = organization !== undefined;

  const reload = async (id: string) => {
    const fresh = await api.getOrganization(id);
    queryClient.setQueryData(queryKeys.organization(id), fresh);
    setCurrent(fresh);
    form.resetFields();
    form.setFieldsValue(formValues(fresh));
  };

  const save = useMutation({
    mutationFn: async (values: OrganizationForm): Promise<Organization | null> => {
      if (current) {
        const update = changes(current, values);
        if (Object.keys(update).length === 1) return null;
        return adminApi.updateOrganization(current.id, update);
      }
      if (!values.type) throw new Error('type is required');
      return adminApi.createOrganization({ type: values.type, ...readForm(values) });
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t('console.orgs.noChanges'));
        onClose();
        return;
      }
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      void message.success(editing ? t('common.saved') : t('console.orgs.created'));
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      if (current && error instanceof ApiError && error.code === 'stale_version') {
        setProblem(null);
        setStale(true);
        void queryClient.invalidateQueries({ queryKey: ['organizations'] });
        reload(current.id).catch((reloadError: unknown) =>
          setProblem(errorMessage(reloadError, t)),
        );
        return;
      }
      if (error instanceof ApiError && error.code === 'conflict' && error.fields.length === 0) {
        // A name already used in the division: the name is what to change.
        form.setFields([{ name: 'name', errors: [errorMessage(error, t)] }]);
        setProblem(null);
        return;
      }
      const { fields, message: text } = placeFormError(error, formFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  const pairRule = (other: 'latitude' | 'longitude') => ({
    validator: (_: unknown, value: number | null | undefined) => {
      const otherValue = form.getFieldValue(other) as number | null | undefined;
      const given = value !== null && value !== undefined;
      const otherGiven = otherValue !== null && otherValue !== undefined;
      return given === otherGiven
        ? Promise.resolve()
        : Promise.reject(new Error(t('console.org.coordinates.pair')));
    },
  });

  return (
    <Modal
      open={open}
      width={760}
      title={current ? t('console.orgs.edit', { name: current.name }) : t('console.orgs.create')}
      onCancel={onClose}
      okText={editing ? t('common.save') : t('console.orgs.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<OrganizationForm>
        name={editing ? 'editOrganization' : 'createOrganization'}
        form={form}
        layout="vertical"
        initialValues={formValues(current)}
        onFinish={(values) => {
          setProblem(null);
          setStale(false);
          save.mutate(values);
        }}
      >
        {stale && (
          <Alert className="form-alert" type="warning" showIcon title={t('common.staleVersion')} />
        )}
        {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="type"
              label={t('org.type')}
              extra={editing ? t('console.org.type.fixed') : undefined}
              rules={[{ required: true, message: t('console.org.type.required') }]}
            >
              <Select<OrganizationType>
                disabled={editing}
                options={organizationTypes.map((type) => ({
                  value: type,
                  label: t(`orgType.${type}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('org.status')}>
              <Select<OrganizationStatus>
                options={organizationStatuses.map((status) => ({
                  value: status,
                  label: t(`orgStatus.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('console.org.name')}
          rules={[
            { required: true, whitespace: true, message: t('console.org.name.required') },
            { min: 2, max: 100, message: t('console.org.name.required') },
          ]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="divisionCode"
              label={t('console.org.division')}
              rules={[{ required: true, message: t('console.org.division.required') }]}
            >
              <DivisionCascader placeholder={t('console.org.division.placeholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parentId" label={t('console.org.parent')}>
              <OrganizationSelect allowClear placeholder={t('console.org.parent.placeholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('org.address')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="latitude"
              label={t('console.org.latitude')}
              dependencies={['longitude']}
              rules={[pairRule('longitude')]}
            >
              <InputNumber<number> min={-90} max={90} step={0.00001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="longitude"
              label={t('console.org.longitude')}
              dependencies={['latitude']}
              rules={[pairRule('latitude')]}
            >
              <InputNumber<number> min={-180} max={180} step={0.00001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('org.phone')}>
              <Input maxLength={40} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="openingHours"
          label={t('org.hours')}
          rules={[
            {
              validator: (_, value: OpeningHours | undefined) =>
                validOpeningHours(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('console.hours.invalid'))),
            },
          ]}
        >
          <OpeningHoursEditor />
        </Form.Item>
      </Form>
    </Modal>
  );
}
