import { useQueryClient } from '@tanstack/react-query';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import { useVersionedEditor } from '../../../kit/ui/use-versioned-editor.js';
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type {
  HoursException,
  OpeningHours,
  Organization,
  OrganizationService,
  OrganizationStatus,
  OrganizationType,
  WorkstationHostKind,
} from '../../../../contracts/organizations.js';
import {
  organizationServices,
  organizationStatuses,
  organizationTypes,
  workstationHostKinds,
} from '../../../../contracts/values.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { api } from '../../../kit/endpoints.js';
import { queryKeys } from '../../../kit/queries.js';
import { organizationsApi } from '../api.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import { validHoursExceptions } from './hours-exceptions.js';
import { HoursExceptionsEditor } from './HoursExceptionsEditor.js';
import { validOpeningHours } from '../../../kit/opening-hours-form.js';
import { OpeningHoursEditor } from '../../../kit/ui/OpeningHoursEditor.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import {
  formValues,
  newOrganizationOf,
  organizationChanges,
  organizationFormFields,
} from './organization-form.js';
import type { OrganizationForm, StandardChoice } from './organization-form.js';
import './organizations.css';

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
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganizationForm>();
  const editor = useVersionedEditor({
    record: organization,
    form,
    fields: organizationFormFields,
    toValues: formValues,
    create: (values: OrganizationForm) => organizationsApi.create(newOrganizationOf(values)),
    changes: organizationChanges,
    update: organizationsApi.update,
    load: async (id) => {
      const fresh = await api.getOrganization(id);
      queryClient.setQueryData(queryKeys.organization(id), fresh);
      return fresh;
    },
    invalidates: [['organizations']],
    // A name already used in the division: the name is what to change.
    conflictField: 'name',
    notices: { created: 'console.orgs.created', noChanges: 'console.orgs.noChanges' },
    onSaved,
    onClose,
  });
  const { current, editing } = editor;
  const chosenType = Form.useWatch('type', form) ?? current?.type;
  const isWorkstation = chosenType === 'legal_aid_station';

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
    <RecordDrawer
      open={open}
      size={820}
      title={current ? t('console.orgs.edit', { name: current.name }) : t('console.orgs.create')}
      onClose={onClose}
      submit={{
        label: editing ? t('common.save') : t('console.orgs.create.submit'),
        onSubmit: () => form.submit(),
        submitting: editor.saving,
      }}
    >
      <Form<OrganizationForm>
        name={editing ? 'editOrganization' : 'createOrganization'}
        form={form}
        layout="vertical"
        initialValues={editor.initialValues}
        onValuesChange={(changed: Partial<OrganizationForm>) => {
          // A new status takes effect today unless the editor gives another day.
          if (changed.status !== undefined) form.setFieldValue('statusSince', '');
        }}
        onFinish={editor.submit}
      >
        <FormAlerts stale={editor.stale} problem={editor.problem} />

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
    </RecordDrawer>
  );
}
