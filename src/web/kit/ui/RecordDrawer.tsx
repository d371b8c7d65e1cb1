import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export interface DrawerSubmit {
  label: string;
  onSubmit: () => void;
  submitting: boolean;
}

/**
 * The console's one drawer for a record: its details (with actions in `extra`), or an edit form
 * when `submit` is given, with Cancel and the submit button at the foot. Closing it unmounts its
 * content, so an edit form forgets unsaved values and a detail view reads afresh next time.
 */
export function RecordDrawer({
  open,
  title,
  onClose,
  size = 720,
  extra,
  submit,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  size?: number;
  extra?: ReactNode;
  submit?: DrawerSubmit;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open={open}
      size={size}
      title={title}
      onClose={onClose}
      extra={extra}
      destroyOnHidden
      footer={
        submit && (
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={submit.submitting} onClick={submit.onSubmit}>
              {submit.label}
            </Button>
          </Space>
        )
      }
    >
      {children}
    </Drawer>
  );
}
