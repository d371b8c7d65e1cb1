import { useQueryClient } from '@tanstack/react-query';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import { useVersionedEditor } from '../../../kit/ui/use-versioned-editor.js';
import { Col, Form, Input, Row, Select } from 'antd';
import type { PartnerKind } from '../../../../contracts/values.js';
import { partnerKinds } from '../../../../contracts/values.js';
import type { Partner } from '../../../../contracts/partners.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { partnerKeys, partnersApi } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { formValues, newPartnerOf, partnerChanges, partnerFormFields } from './partner-form.js';
import type { PartnerForm } from './partner-form.js';

/** Adds a partner, or edits one when `partner` is given; a stale edit reloads the record. */
export function PartnerEditor({
  partner,
  onClose,
  onSaved,
}: {
  partner?: Partner;
  onClose: () => void;
  onSaved?: (partner: Partner) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PartnerForm>();
  const editor = useVersionedEditor({
    record: partner,
    form,
    fields: partnerFormFields,
    toValues: formValues,
    create: (values: PartnerForm) => partnersApi.create(newPartnerOf(values)),
    changes: partnerChanges,
    update: partnersApi.update,
    load: async (id) => {
      const fresh = await partnersApi.get(id);
      queryClient.setQueryData(partnerKeys.detail(id), fresh);
      return fresh;
    },
    invalidates: [partnerKeys.all],
    // A partner of the same name is already registered by this bureau.
    conflictField: 'name',
    notices: { created: 'console.partners.created', noChanges: 'console.partners.noChanges' },
    onSaved,
    onClose,
  });
  const { current, editing } = editor;

  return (
    <RecordDrawer
      open
      size={640}
      title={
        current ? t('console.partners.edit', { name: current.name }) : t('console.partners.create')
      }
      onClose={onClose}
      submit={{
        label: editing ? t('common.save') : t('console.partners.create.submit'),
        onSubmit: () => form.submit(),
        submitting: editor.saving,
      }}
    >
      <Form<PartnerForm>
        name={editing ? 'editPartner' : 'createPartner'}
        form={form}
        layout="vertical"
        initialValues={editor.initialValues}
        onFinish={editor.submit}
      >
        <FormAlerts stale={editor.stale} problem={editor.problem} />
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="kind"
              label={t('console.partners.kind')}
              rules={[{ required: true, message: t('console.partners.kind.required') }]}
            >
              <Select<PartnerKind>
                options={partnerKinds.map((kind) => ({
                  value: kind,
                  label: t(`partnerKind.${kind}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="name"
              label={t('console.partners.name')}
              rules={[
                { required: true, whitespace: true, message: t('console.partners.name.required') },
                { min: 2, max: 100, message: t('console.partners.name.required') },
              ]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="linkedOrganizationId" label={t('console.partners.linked')}>
          <OrganizationSelect allowClear placeholder={t('console.partners.linked.placeholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="contactName" label={t('console.partners.contactName')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="contactPhone" label={t('console.partners.contactPhone')}>
              <Input maxLength={40} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </RecordDrawer>
  );
}
