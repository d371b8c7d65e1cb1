import { DeleteOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import { isPhotoMediaType, photoMaxBytes } from '../../../../contracts/photos.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { practitionerKeys, practitionersApi } from '../api.js';

/**
 * The practitioner's photo (for display boards and contact cards), with upload, replace and
 * remove for managers. The file is checked here for type and size before it is sent; the server
 * checks again, by its first bytes.
 */
export function PractitionerPhoto({
  practitioner,
  canManage,
}: {
  practitioner: Practitioner;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: practitionerKeys.all });

  const upload = useMutation({
    mutationFn: (file: File) => practitionersApi.uploadPhoto(practitioner.id, file),
    onSuccess: () => {
      void refresh();
      void message.success(t('console.practitioners.photo.uploaded'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const remove = useMutation({
    mutationFn: () => practitionersApi.removePhoto(practitioner.id),
    onSuccess: () => {
      void refresh();
      void message.success(t('console.practitioners.photo.removed'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const choose = (file: File) => {
    if (!isPhotoMediaType(file.type)) void message.error(t('console.practitioners.photo.type'));
    else if (file.size > photoMaxBytes) {
      void message.error(t('console.practitioners.photo.tooLarge'));
    } else upload.mutate(file);
    // The upload goes through the API client, never antd's own request.
    return false;
  };

  return (
    <div className="practitioner-photo">
      <div className="practitioner-photo-frame">
        {practitioner.photoUrl ? (
          <img
            src={practitioner.photoUrl}
            alt={t('console.practitioners.photo.alt', { name: practitioner.name })}
          />
        ) : (
          <span
            className="practitioner-photo-empty"
            role="img"
            aria-label={t('console.practitioners.photo.none')}
          >
            <UserOutlined />
          </span>
        )}
      </div>
      {canManage && (
        <Space orientation="vertical" size={4}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            showUploadList={false}
            beforeUpload={choose}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {practitioner.photoUrl
                ? t('console.practitioners.photo.replace')
                : t('console.practitioners.photo.upload')}
            </Button>
          </Upload>
          {practitioner.photoUrl && (
            <Popconfirm
              title={t('console.practitioners.photo.removeConfirm')}
              okText={t('console.practitioners.photo.remove')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate()}
            >
              <Button danger type="text" icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('console.practitioners.photo.remove')}
              </Button>
            </Popconfirm>
          )}
          <Typography.Text type="secondary" className="practitioner-photo-hint">
            {t('console.practitioners.photo.hint')}
          </Typography.Text>
        </Space>
      )}
    </div>
  );
}
