import { Alert } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * The two notices an edit form may need above its fields: someone else saved the record first
 * (the form now shows their version), or the server refused the whole form.
 */
export function FormAlerts({
  stale = false,
  problem,
}: {
  stale?: boolean;
  problem: string | null;
}) {
  const { t } = useI18n();
  return (
    <>
      {stale && (
        <Alert className="form-alert" type="warning" showIcon title={t('common.staleVersion')} />
      )}
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
    </>
  );
}
