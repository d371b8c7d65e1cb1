import { useQueryClient } from '@tanstack/react-query';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { useVersionedEditor } from '../../../kit/ui/use-versioned-editor.js';
import { Col, Form, Input, Row, Select } from 'antd';
import type { OpeningHours } from '../../../../contracts/organizations.js';
import type {
  LegalSpecialty,
  ServiceLanguage,
  VolunteerKind,
  VolunteerStatus,
} from '../../../../contracts/values.js';
import {
  legalSpecialties,
  serviceLanguages,
  volunteerKinds,
  volunteerStatuses,
} from '../../../../contracts/values.js';
import type { Volunteer } from '../../../../contracts/volunteers.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { maxPageSize } from '../../../kit/queries.js';
import { partnerKeys, usePartners } from '../../partners/api.js';
import { volunteerKeys, volunteersApi } from '../api.js';
import { validOpeningHours } from '../../../kit/opening-hours-form.js';
import { OpeningHoursEditor } from '../../../kit/ui/OpeningHoursEditor.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import {
  formValues,
  mobile,
  newVolunteerOf,
  volunteerChanges,
  volunteerFormFields,
} from './volunteer-form.js';
import type { VolunteerForm } from './volunteer-form.js';

/**
 * Registers a volunteer, or edits one when `volunteer` is given. The server decides who manages
 * the volunteer (the station's bureau) and refuses stations outside the caller's district.
 */
export function VolunteerEditor({
  open,
  volunteer,
  onClose,
  onSaved,
}: {
  open: boolean;
  volunteer?: Volunteer;
  onClose: () => void;
  onSaved?: (volunteer: Volunteer) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VolunteerForm>();
  const editor = useVersionedEditor({
    record: volunteer,
    form,
    fields: volunteerFormFields,
    toValues: formValues,
    create: (values: VolunteerForm) => volunteersApi.create(newVolunteerOf(values)),
    changes: volunteerChanges,
    update: volunteersApi.update,
    load: async (id) => {
      const fresh = await volunteersApi.get(id, false);
      queryClient.setQueryData(volunteerKeys.detail(id, false), fresh);
      return fresh;
    },
    // A partner's list shows how many volunteers it recruited.
    invalidates: [volunteerKeys.all, partnerKeys.all],
    // The only conflict of a volunteer is a phone already registered.
    conflictField: 'phone',
    notices: { created: 'console.volunteers.created', noChanges: 'console.volunteers.noChanges' },
    onSaved,
    onClose,
  });
  const { current, editing } = editor;
  const partners = usePartners({ limit: maxPageSize, offset: 0 }, open);

  const title = current
    ? t('console.volunteers.edit', { name: current.name })
    : t('console.volunteers.create');

  return (
    <RecordDrawer
      open={open}
      title={title}
      onClose={onClose}
      submit={{
        label: editing ? t('common.save') : t('console.volunteers.create.submit'),
        onSubmit: () => form.submit(),
        submitting: editor.saving,
      }}
    >
      <Form<VolunteerForm>
        name={editing ? 'editVolunteer' : 'createVolunteer'}
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
              label={t('console.volunteers.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('console.volunteers.name.required'),
                },
                { min: 2, max: 50, message: t('console.volunteers.name.required') },
              ]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('console.volunteers.kind')}
              rules={[{ required: true, message: t('console.volunteers.kind.required') }]}
            >
              <Select<VolunteerKind>
                options={volunteerKinds.map((kind) => ({
                  value: kind,
                  label: t(`volunteerKind.${kind}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('console.volunteers.phone')}
              extra={
                current?.phone
                  ? t('console.volunteers.phone.editHint', { phone: current.phone })
                  : undefined
              }
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const phone = value?.replace(/[\s-]/g, '') ?? '';
                    return phone === '' || mobile.test(phone)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('console.volunteers.phone.invalid')));
                  },
                },
              ]}
            >
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('console.volunteers.status')}>
              <Select<VolunteerStatus>
                options={volunteerStatuses.map((status) => ({
                  value: status,
                  label: t(`volunteerStatus.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="stationId" label={t('console.volunteers.station')}>
              <OrganizationSelect
                allowClear
                placeholder={t('console.volunteers.station.placeholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="partnerId" label={t('console.volunteers.partner')}>
              <Select<string>
                allowClear
                placeholder={t('console.volunteers.partner.placeholder')}
                loading={partners.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(partners.data?.items ?? []).map((partner) => ({
                  value: partner.id,
                  label: partner.name,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="skills" label={t('console.volunteers.skills')}>
              <Select<LegalSpecialty[]>
                mode="multiple"
                allowClear
                optionFilterProp="label"
                options={legalSpecialties.map((skill) => ({
                  value: skill,
                  label: t(`specialty.${skill}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="languages" label={t('console.volunteers.languages')}>
              <Select<ServiceLanguage[]>
                mode="multiple"
                allowClear
                optionFilterProp="label"
                options={serviceLanguages.map((language) => ({
                  value: language,
                  label: t(`language.${language}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="joinedOn" label={t('console.volunteers.joinedOn')}>
          <Input type="date" style={{ maxWidth: 220 }} />
        </Form.Item>
        <Form.Item
          name="availability"
          label={t('console.volunteers.availability')}
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
        <Form.Item name="notes" label={t('console.volunteers.notes')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
