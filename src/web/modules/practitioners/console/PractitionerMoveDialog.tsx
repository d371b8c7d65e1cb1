import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import { ApiError } from '../../../kit/api.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { todayInShanghai } from './practitioner-form.js';
import { practitionerKeys, practitionersApi } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';

interface MoveForm {
  toOrganizationId?: string;
  movedOn: string;
  note?: string;
}

const moveFields = ['toOrganizationId', 'movedOn', 'note'] as const;

/**
 * Moves a practitioner to another organization of the jurisdiction. The move is kept in the
 * history; the date cannot be ahead of today nor before the previous move (the server checks).
 */
export function PractitionerMoveDialog({
  practitioner,
  onClose,
}: {
  practitioner: Practitioner;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MoveForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const today = todayInShanghai();

  const move = useMutation({
    mutationFn: (values: MoveForm) =>
      practitionersApi.move(practitioner.id, {
        toOrganizationId: values.toOrganizationId as string,
        movedOn: values.movedOn,
        note: values.note?.trim() ?? '',
        version: practitioner.version,
      }),
    onSuccess: (moved) => {
      void queryClient.invalidateQueries({ queryKey: practitionerKeys.all });
      void message.success(
        t('console.practitioners.move.done', { organization: moved.organizationName }),
      );
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale_version') {
        // Someone changed the record meanwhile: the drawer reloads it (and hands this dialog the
        // new version); the user checks it and confirms again.
        void queryClient.invalidateQueries({ queryKey: practitionerKeys.all });
        setProblem(t('common.staleVersion'));
        return;
      }
      const { fields, message: text } = placeFormError(error, moveFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  return (
    <Modal
      open
      title={t('console.practitioners.move.title', { name: practitioner.name })}
      okText={t('console.practitioners.move.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MoveForm>
        name="movePractitioner"
        form={form}
        layout="vertical"
        initialValues={{ movedOn: today, note: '' }}
        onFinish={(values) => {
          setProblem(null);
          move.mutate(values);
        }}
      >
        {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
        <Form.Item label={t('console.practitioners.move.current')}>
          <Input disabled value={practitioner.organizationName} />
        </Form.Item>
        <Form.Item
          name="toOrganizationId"
          label={t('console.practitioners.move.to')}
          rules={[
            { required: true, message: t('console.practitioners.move.to.required') },
            {
              validator: (_, value: string | undefined) =>
                value === practitioner.organizationId
                  ? Promise.reject(new Error(t('console.practitioners.move.same')))
                  : Promise.resolve(),
            },
          ]}
        >
          <OrganizationSelect placeholder={t('console.practitioners.organization.placeholder')} />
        </Form.Item>
        <Form.Item
          name="movedOn"
          label={t('console.practitioners.move.on')}
          rules={[
            { required: true, message: t('console.practitioners.move.on.required') },
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
        <Form.Item name="note" label={t('console.practitioners.move.note')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
