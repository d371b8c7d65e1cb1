import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { App, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import type {
  HoursException,
  NewOrganization,
  OpeningHours,
  Organization,
  OrganizationService,
  OrganizationStatus,
  OrganizationType,
  OrganizationUpdate,
  WorkstationHostKind,
} from '../../../../contracts/organizations.js';
import {
  organizationServices,
  organizationStatuses,
  organizationTypes,
  workstationHostKinds,
} from '../../../../contracts/values.js';
import { ApiError } from '../../../kit/api.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { api } from '../../../kit/endpoints.js';
import { queryKeys } from '../../../kit/queries.js';
import { organizationsApi } from '../api.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import {
  normalizeHoursExceptions,
  sameHoursExceptions,
  validHoursExceptions,
} from './hours-exceptions.js';
import { HoursExceptionsEditor } from './HoursExceptionsEditor.js';
import {
  OpeningHoursEditor,
  normalizeOpeningHours,
  sameOpeningHours,
  validOpeningHours,
} from '../../../kit/ui/OpeningHoursEditor.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import './organizations.css';

type StandardChoice = 'yes' | 'no' | 'unknown';

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
  hoursExceptions?: HoursException[];
  status: OrganizationStatus;
  /** YYYY-MM-DD from a date input; empty means "not given". */
  statusSince?: string;
  establishedOn?: string;
  services?: OrganizationService[];
  description?: string;
  directions?: string;
  stepFree?: boolean;
  homeVisits?: boolean;
  accessibilityNotes?: string;
  hostKind?: WorkstationHostKind | null;
  hostName?: string;
  staffCount?: number | null;
  meetsStandard?: StandardChoice;
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
  'hoursExceptions',
  'status',
  'statusSince',
  'establishedOn',
  'services',
  'description',
  'directions',
  'stepFree',
  'homeVisits',
  'accessibilityNotes',
  'hostKind',
  'hostName',
  'staffCount',
  'meetsStandard',
] as const;

const standardChoices: Record<StandardChoice, boolean | null> = {
  yes: true,
  no: false,
  unknown: null,
};

function standardChoice(value: boolean | null): StandardChoice {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

function formValues(organization: Organization | undefined): Partial<OrganizationForm> {
  if (!organization) {
    return {
      status: 'active',
      openingHours: {},
      hoursExceptions: [],
      address: '',
      services: [],
      stepFree: false,
      homeVisits: false,
      meetsStandard: 'unknown',
    };
  }
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
    hoursExceptions: organization.hoursExceptions,
    status: organization.status,
    statusSince: organization.statusSince ?? '',
    establishedOn: organization.establishedOn ?? '',
    services: organization.services,
    description: organization.description,
    directions: organization.directions,
    stepFree: organization.stepFree,
    homeVisits: organization.homeVisits,
    accessibilityNotes: organization.accessibilityNotes,
    hostKind: organization.hostKind,
    hostName: organization.hostName ?? '',
    staffCount: organization.staffCount,
    meetsStandard: standardChoice(organization.meetsStandard),
  };
}

/** What the form says, in the API's shape; workstation fields only for legal aid workstations. */
function readForm(values: OrganizationForm, type: OrganizationType | undefined) {
  const workstation = type === 'legal_aid_station';
  return {
    name: values.name.trim(),
    parentId: values.parentId ?? null,
    divisionCode: values.divisionCode ?? '',
    address: values.address?.trim() ?? '',
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    phone: values.phone?.trim() || null,
    openingHours: normalizeOpeningHours(values.openingHours),
    hoursExceptions: normalizeHoursExceptions(values.hoursExceptions),
    status: values.status,
    statusSince: values.statusSince || null,
    establishedOn: values.establishedOn || null,
    services: organizationServices.filter((service) => values.services?.includes(service)),
    description: values.description?.trim() ?? '',
    directions: values.directions?.trim() ?? '',
    stepFree: values.stepFree ?? false,
    homeVisits: values.homeVisits ?? false,
    accessibilityNotes: values.accessibilityNotes?.trim() ?? '',
    hostKind: workstation ? (values.hostKind ?? null) : null,
    hostName: workstation ? values.hostName?.trim() || null : null,
    staffCount: workstation ? (values.staffCount ?? null) : null,
    meetsStandard: workstation ? standardChoices[values.meetsStandard ?? 'unknown'] : null,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** Only the fields that differ from the record the editor saw, with its version. */
function changes(current: Organization, values: OrganizationForm): OrganizationUpdate {
  const next = readForm(values, current.type);
  const update: OrganizationUpdate = { version: current.version };
  const scalarFields = [
    'name',
    'parentId',
    'divisionCode',
    'address',
    'latitude',
    'longitude',
    'phone',
    'status',
    'statusSince',
    'establishedOn',
    'description',
    'directions',
    'stepFree',
    'homeVisits',
    'accessibilityNotes',
    'hostKind',
    'hostName',
    'staffCount',
    'meetsStandard',
  ] as const;
  for (const field of scalarFields) {
    if (next[field] !== current[field]) Object.assign(update, { [field]: next[field] });
  }
  if (!sameOpeningHours(next.openingHours, current.openingHours)) {
    update.openingHours = next.openingHours;
  }
  if (!sameHoursExceptions(next.hoursExceptions, current.hoursExceptions)) {
    update.hoursExceptions = next.hoursExceptions;
  }
  if (!sameList(next.services, current.services)) update.services = next.services;
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
  const chosenType = Form.useWatch('type', form) ?? current?.type;
  const isWorkstation = chosenType === 'legal_aid_station';

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
        return organizationsApi.update(current.id, update);
      }
      if (!values.type) throw new Error('type is required');
      const created: NewOrganization = { type: values.type, ...readForm(values, values.type) };
      return organizationsApi.create(created);
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
      width={820}
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
        onValuesChange={(changed: Partial<OrganizationForm>) => {
          // A new status takes effect today unless the editor gives another day.
          if (changed.status !== undefined) form.setFieldValue('statusSince', '');
        }}
        onFinish={(values) => {
          setProblem(null);
          setStale(false);
          save.mutate(values);
        }}
      >
        <FormAlerts stale={stale} problem={problem} />

        <Divider titlePlacement="start">{t('console.org.section.basic')}</Divider>
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
          <Col xs={12} md={6}>
            <Form.Item name="status" label={t('org.status')}>
              <Select<OrganizationStatus>
                options={organizationStatuses.map((status) => ({
                  value: status,
                  label: t(`orgStatus.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="statusSince"
              label={t('console.org.statusSince')}
              tooltip={t('console.org.statusSince.extra')}
            >
              <Input type="date" />
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
        <Row gutter={16}>
          <Col xs={24} md={18}>
            <Form.Item name="address" label={t('org.address')}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="establishedOn" label={t('console.org.establishedOn')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
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

        <Divider titlePlacement="start">{t('console.org.section.hours')}</Divider>
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
        <Form.Item
          name="hoursExceptions"
          label={t('console.org.hoursExceptions')}
          rules={[
            {
              validator: (_, value: HoursException[] | undefined) =>
                validHoursExceptions(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('console.hoursExceptions.invalid'))),
            },
          ]}
        >
          <HoursExceptionsEditor />
        </Form.Item>

        <Divider titlePlacement="start">{t('console.org.section.public')}</Divider>
        <Form.Item name="services" label={t('console.org.services')}>
          <Select<OrganizationService[]>
            mode="multiple"
            allowClear
            placeholder={t('console.org.services.placeholder')}
            options={organizationServices.map((service) => ({
              value: service,
              label: t(`orgService.${service}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('console.org.description')}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="directions" label={t('console.org.directions')}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('console.org.directions.placeholder')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="stepFree" label={t('console.org.stepFree')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="homeVisits"
              label={t('console.org.homeVisits')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="accessibilityNotes" label={t('console.org.accessibilityNotes')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>

        {isWorkstation && (
          <>
            <Divider titlePlacement="start">{t('console.org.section.workstation')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="hostKind" label={t('console.org.hostKind')}>
                  <Select<WorkstationHostKind>
                    allowClear
                    options={workstationHostKinds.map((kind) => ({
                      value: kind,
                      label: t(`hostKind.${kind}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="hostName" label={t('console.org.hostName')}>
                  <Input maxLength={100} autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="staffCount" label={t('console.org.staffCount')}>
                  <InputNumber<number> min={0} max={999} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="meetsStandard" label={t('console.org.meetsStandard')}>
                  <Select<StandardChoice>
                    options={(['yes', 'no', 'unknown'] as const).map((choice) => ({
                      value: choice,
                      label: t(`console.org.meetsStandard.${choice}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Modal>
  );
}
