import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { coverageApi, coverageQueryKey } from '../api.js';

export interface CentreTarget {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

interface CentreForm {
  latitude: number;
  longitude: number;
}

/** Records where a village or township is; coverage is then measured from there. */
export function CentreDialog({ target, onClose }: { target: CentreTarget; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CentreForm>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const save = async (values: CentreForm) => {
    setSaving(true);
    setFormError(null);
    try {
      await coverageApi.setCentre(target.code, values);
      void message.success(t('coverage.setCentre.saved'));
      await queryClient.invalidateQueries({ queryKey: coverageQueryKey() });
      await queryClient.invalidateQueries({ queryKey: ['divisions'] });
      onClose();
    } catch (error) {
      const placed = placeFormError(error, ['latitude', 'longitude'] as const, t);
      form.setFields(placed.fields);
      setFormError(placed.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('coverage.setCentre.title', { name: target.name })}
      okText={t('coverage.setCentre.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="muted">{t('coverage.setCentre.hint')}</p>
      {formError && <Alert type="error" showIcon title={formError} className="form-alert" />}
      <Form<CentreForm>
        form={form}
        layout="vertical"
        initialValues={{
          latitude: target.latitude ?? undefined,
          longitude: target.longitude ?? undefined,
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="latitude"
          label={t('coverage.setCentre.latitude')}
          rules={[{ required: true, type: 'number', min: -90, max: 90 }]}
        >
          <InputNumber<number> style={{ width: '100%' }} step={0.0001} />
        </Form.Item>
        <Form.Item
          name="longitude"
          label={t('coverage.setCentre.longitude')}
          rules={[{ required: true, type: 'number', min: -180, max: 180 }]}
        >
          <InputNumber<number> style={{ width: '100%' }} step={0.0001} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
