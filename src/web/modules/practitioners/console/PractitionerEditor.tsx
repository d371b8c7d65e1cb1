import { useQueryClient } from '@tanstack/react-query';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { useVersionedEditor } from '../../../kit/ui/use-versioned-editor.js';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import { lawyerLicenceTypes } from '../../../../contracts/practitioners.js';
import {
  legalSpecialties,
  practitionerKinds,
  practitionerStatuses,
  serviceLanguages,
  type LicenceType,
  type PractitionerKind,
} from '../../../../contracts/values.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import {
  defaultLicenceType,
  formValues,
  isMobile,
  licenceNumberMessage,
  licenceTypesFor,
  newPractitionerOf,
  practitionerChanges,
  practitionerFormFields,
  todayInShanghai,
  type PractitionerForm,
} from './practitioner-form.js';
import { practitionerKeys, practitionersApi } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';

/**
 * Adds a practitioner, or edits one when `practitioner` is given. The organization is chosen
 * once: later changes go through a move, which keeps the history. The server checks the
 * jurisdiction, the licence rules and that a licence number is not registered twice.
 */
export function PractitionerEditor({
  open,
  practitioner,
  onClose,
  onSaved,
}: {
  open: boolean;
  practitioner?: Practitioner;
  onClose: () => void;
  onSaved?: (practitioner: Practitioner) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PractitionerForm>();
  const editor = useVersionedEditor({
    record: practitioner,
    form,
    fields: practitionerFormFields,
    toValues: formValues,
    create: (values: PractitionerForm) => practitionersApi.create(newPractitionerOf(values)),
    changes: practitionerChanges,
    update: practitionersApi.update,
    load: async (id) => {
      const fresh = await practitionersApi.get(id, false);
      queryClient.setQueryData(practitionerKeys.detail(id, false), fresh);
      return fresh;
    },
    invalidates: [practitionerKeys.all],
    notices: {
      created: 'console.practitioners.created',
      noChanges: 'console.practitioners.noChanges',
    },
    onSaved,
    onClose,
  });
  const { current, editing } = editor;
  const kind = Form.useWatch('kind', form);
  const licenceType = Form.useWatch('licenceType', form) ?? 'none';
  const today = todayInShanghai();

  /** A new kind brings its usual licence, unless the chosen one still fits. */
  const onKindChange = (next: PractitionerKind) => {
    if (!licenceTypesFor(next).includes(form.getFieldValue('licenceType') as LicenceType)) {
      onLicenceTypeChange(defaultLicenceType(next));
    }
  };

  /** Without a licence there is no number: the field empties rather than report a problem. */
  const onLicenceTypeChange = (next: LicenceType) => {
    form.setFieldsValue({
      licenceType: next,
      ...(next === 'none' ? { licenceNumber: '' } : {}),
    });
  };

  const title = current
    ? t('console.practitioners.edit', { name: current.name })
    : t('console.practitioners.create');
  const lawyerLicence = (lawyerLicenceTypes as readonly string[]).includes(licenceType);

  return (
    <RecordDrawer
      open={open}
      title={title}
      onClose={onClose}
      submit={{
        label: editing ? t('common.save') : t('console.practitioners.create.submit'),
        onSubmit: () => form.submit(),
        submitting: editor.saving,
      }}
    >
      <Form<PractitionerForm>
        name={editing ? 'editPractitioner' : 'createPractitioner'}
        form={form}
        layout="vertical"
        initialValues={editor.initialValues}
        onFinish={editor.submit}
      >
        <FormAlerts stale={editor.stale} problem={editor.problem} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('console.practitioners.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  max: 50,
                  message: t('console.practitioners.name.required'),
                },
              ]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('console.practitioners.kind')}
              rules={[{ required: true, message: t('console.practitioners.kind.required') }]}
            >
              <Select<PractitionerKind>
                onChange={onKindChange}
                options={practitionerKinds.map((value) => ({
                  value,
                  label: t(`practitionerKind.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {editing ? (
              <Form.Item
                label={t('console.practitioners.organization')}
                extra={t('console.practitioners.organization.fixed')}
              >
                <Input disabled value={current?.organizationName} />
              </Form.Item>
            ) : (
              <Form.Item
                name="organizationId"
                label={t('console.practitioners.organization')}
                rules={[
                  { required: true, message: t('console.practitioners.organization.required') },
                ]}
              >
                <OrganizationSelect
                  placeholder={t('console.practitioners.organization.placeholder')}
                />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            {!editing && (
              <Form.Item
                name="joinedOn"
                label={t('console.practitioners.joinedOn')}
                rules={[
                  {
                    validator: (_, value: string | undefined) =>
                      !value || value <= today
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('console.practitioners.date.future'))),
                  },
                ]}
              >
                <Input type="date" max={today} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="licenceType" label={t('console.practitioners.licenceType')}>
              <Select<LicenceType>
                disabled={!kind}
                onChange={onLicenceTypeChange}
                options={licenceTypesFor(kind).map((value) => ({
                  value,
                  label: t(`licenceType.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="licenceNumber"
              label={t('console.practitioners.licenceNumber')}
              dependencies={['licenceType']}
              extra={
                licenceType === 'none'
                  ? t('console.practitioners.licenceNumber.noneHint')
                  : lawyerLicence
                    ? t('console.practitioners.licenceNumber.lawyerHint')
                    : undefined
              }
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const type = form.getFieldValue('licenceType') as LicenceType;
                    const key = licenceNumberMessage(type, value);
                    return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input
                maxLength={40}
                autoComplete="off"
                disabled={licenceType === 'none'}
                inputMode={lawyerLicence ? 'numeric' : undefined}
                className="mono"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="practisingSince"
              label={t('console.practitioners.practisingSince')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !value || value <= today
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('console.practitioners.date.future'))),
                },
              ]}
            >
              <Input type="date" max={today} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('console.practitioners.status')}>
              <Select
                options={practitionerStatuses.map((value) => ({
                  value,
                  label: t(`practitionerStatus.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="specialties" label={t('console.practitioners.specialties')}>
          <Select
            mode="multiple"
            allowClear
            options={legalSpecialties.map((value) => ({
              value,
              label: t(`specialty.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="languages" label={t('console.practitioners.languages')}>
          <Select
            mode="multiple"
            allowClear
            options={serviceLanguages.map((value) => ({
              value,
              label: t(`language.${value}`),
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('console.practitioners.phone')}
              extra={
                current?.phone
                  ? t('console.practitioners.phone.current', { phone: current.phone })
                  : t('console.practitioners.phone.keep')
              }
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    isMobile(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('console.practitioners.phone.invalid'))),
                },
              ]}
            >
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {current?.phone && (
              <Form.Item name="clearPhone" valuePropName="checked" label=" ">
                <Checkbox>{t('console.practitioners.phone.clear')}</Checkbox>
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="biography" label={t('console.practitioners.biography')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
