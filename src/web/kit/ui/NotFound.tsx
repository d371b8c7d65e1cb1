import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.js';
import { useDocumentTitle } from '../use-document-title.js';

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(t('common.notFound.title'), t('app.name'));
  return (
    <Result
      status="info"
      title={t('common.notFound.title')}
      subTitle={t('common.notFound.description')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
