import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { PartnerKind } from '../../../../contracts/values.js';
import { partnerKinds } from '../../../../contracts/values.js';
import type { Partner, PartnerUpdate } from '../../../../contracts/volunteers.js';
import { ApiError } from '../../../kit/api.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { partnerKeys, partnersApi } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';

interface PartnerForm {
  kind?: PartnerKind;
  name: string;
  linkedOrganizationId?: string | null;
  contactName?: string;
  contactPhone?: string;
}

const formFields = ['kind', 'name', 'linkedOrganizationId', 'contactName', 'contactPhone'] as const;

function formValues(partner: Partner | undefined): Partial<PartnerForm> {
  if (!partner) return { contactName: '', contactPhone: '' };
  return {
    kind: partner.kind,
    name: partner.name,
    linkedOrganizationId: partner.linkedOrganizationId,
    contactName: partner.contactName,
    contactPhone: partner.contactPhone ?? '',
  };
}

function readForm(values: PartnerForm) {
  return {
    name: values.name.trim(),
    linkedOrganizationId: values.linkedOrganizationId ?? null,
    contactName: values.contactName?.trim() ?? '',
    contactPhone: values.contactPhone?.trim() || null,
  };
}

function changes(current: Partner, values: PartnerForm): PartnerUpdate {
  const next = readForm(values);
  const update: PartnerUpdate = { version: current.version };
  if (values.kind && values.kind !== current.kind) update.kind = values.kind;
  if (next.name !== current.name) update.name = next.name;
  if (next.linkedOrganizationId !== current.linkedOrganizationId) {
    update.linkedOrganizationId = next.linkedOrganizationId;
  }
  if (next.contactName !== current.contactName) update.contactName = next.contactName;
  if (next.contactPhone !== current.contactPhone) update.contactPhone = next.contactPhone;
  return update;
}

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PartnerForm>();
  const [current, setCurrent] = useState(partner);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = partner !== undefined;

  const reload = async (id: string) => {
    const fresh = await partnersApi.get(id);
    queryClient.setQueryData(partnerKeys.detail(id), fresh);
    setCurrent(fresh);
    form.resetFields();
    form.setFieldsValue(formValues(fresh));
  };

  const save = useMutation({
    mutationFn: async (values: PartnerForm): Promise<Partner | null> => {
      if (current) {
        const update = changes(current, values);
        if (Object.keys(update).length === 1) return null;
        return partnersApi.update(current.id, update);
      }
      if (!values.kind) throw new Error('kind is required');
      return partnersApi.create({ kind: values.kind, ...readForm(values) });
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t('console.volunteers.noChanges'));
        onClose();
        return;
      }
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      void message.success(editing ? t('common.saved') : t('console.partners.created'));
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      if (current && error instanceof ApiError && error.code === 'stale_version') {
        setProblem(null);
        setStale(true);
        reload(current.id).catch((reloadError: unknown) =>
          setProblem(errorMessage(reloadError, t)),
        );
        return;
      }
      if (error instanceof ApiError && error.code === 'conflict' && error.fields.length === 0) {
        // A partner of the same name is already registered by this bureau.
        form.setFields([{ name: 'name', errors: [errorMessage(error, t)] }]);
        setProblem(null);
        return;
      }
      const { fields, message: text } = placeFormError(error, formFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  return (
    <Modal
      open
      width={640}
      title={
        current ? t('console.partners.edit', { name: current.name }) : t('console.partners.create')
      }
      onCancel={onClose}
      okText={editing ? t('common.save') : t('console.partners.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<PartnerForm>
        name={editing ? 'editPartner' : 'createPartner'}
        form={form}
        layout="vertical"
        initialValues={formValues(current)}
        onFinish={(values) => {
          setProblem(null);
          setStale(false);
          save.mutate(values);
        }}
      >
        <FormAlerts stale={stale} problem={problem} />
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
    </Modal>
  );
}
