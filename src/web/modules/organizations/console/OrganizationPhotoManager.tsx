import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Upload } from 'antd';
import { useState } from 'react';
import type { Organization, OrganizationPhoto } from '../../../../contracts/organizations.js';
import {
  isPhotoMediaType,
  organizationPhotoLimit,
  photoCaptionMaxLength,
  photoMaxBytes,
  photoMediaTypes,
} from '../../../../contracts/photos.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { organizationPhotosApi } from '../api.js';

const maxMegabytes = photoMaxBytes / (1024 * 1024);

/** A caption saved when the field loses focus or Enter is pressed, and only if it changed. */
function CaptionInput({
  photo,
  n,
  onSave,
}: {
  photo: OrganizationPhoto;
  n: number;
  onSave: (caption: string) => void;
}) {
  const { t } = useI18n();
  const [caption, setCaption] = useState(photo.caption);
  const save = () => {
    const trimmed = caption.trim();
    if (trimmed !== photo.caption) onSave(trimmed);
  };
  return (
    <Input
      size="small"
      maxLength={photoCaptionMaxLength}
      placeholder={t('console.orgPhotos.caption')}
      aria-label={t('console.orgPhotos.captionOf', { n })}
      value={caption}
      onChange={(event) => setCaption(event.target.value)}
      onBlur={save}
      onPressEnter={save}
    />
  );
}

/**
 * The photos the public page shows, in order: upload (checked here for type, size and count, and
 * again by the server, which also reads the file's first bytes), caption, reorder and delete.
 */
export function OrganizationPhotoManager({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const photos = organization.photos;
  const full = photos.length >= organizationPhotoLimit;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['organizations'] });
  const onError = (error: unknown) => void message.error(errorMessage(error, t));

  const upload = useMutation({
    mutationFn: (file: File) => organizationPhotosApi.upload(organization.id, file, ''),
    onSuccess: async () => {
      await refresh();
      void message.success(t('console.orgPhotos.uploaded'));
    },
    onError,
  });
  const update = useMutation({
    mutationFn: ({
      photoId,
      ...change
    }: {
      photoId: string;
      caption?: string;
      position?: number;
    }) => organizationPhotosApi.update(organization.id, photoId, change),
    onSuccess: async () => {
      await refresh();
      void message.success(t('console.orgPhotos.saved'));
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (photoId: string) => organizationPhotosApi.remove(organization.id, photoId),
    onSuccess: async () => {
      await refresh();
      void message.success(t('console.orgPhotos.deleted'));
    },
    onError,
  });
  const busy = upload.isPending || update.isPending || remove.isPending;

  /** Refuses what the server would refuse, before sending megabytes for nothing. */
  const acceptable = (file: File): boolean => {
    if (!isPhotoMediaType(file.type)) {
      void message.error(t('console.orgPhotos.badType'));
      return false;
    }
    if (file.size > photoMaxBytes) {
      void message.error(t('console.orgPhotos.tooLarge', { size: maxMegabytes }));
      return false;
    }
    if (full) {
      void message.error(t('console.orgPhotos.full', { max: organizationPhotoLimit }));
      return false;
    }
    return true;
  };

  return (
    <section className="photo-manager" aria-label={t('console.orgPhotos.title')}>
      <div className="photo-manager-head">
        <h3>{t('console.orgPhotos.title')}</h3>
        <Upload
          accept={photoMediaTypes.join(',')}
          showUploadList={false}
          disabled={busy || full}
          beforeUpload={(file) => (acceptable(file) ? true : Upload.LIST_IGNORE)}
          customRequest={({ file }) => upload.mutate(file as File)}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={busy || full}>
            {t('console.orgPhotos.upload')}
          </Button>
        </Upload>
      </div>
      <p className="muted photo-manager-hint">
        {t('console.orgPhotos.hint', { size: maxMegabytes, max: organizationPhotoLimit })}
      </p>
      {photos.length === 0 ? (
        <p className="muted">{t('console.orgPhotos.empty')}</p>
      ) : (
        <ol className="photo-manager-list">
          {photos.map((photo, index) => {
            const n = index + 1;
            return (
              <li key={photo.id} className="photo-manager-item">
                <img src={photo.url} alt={photo.caption || String(n)} loading="lazy" />
                <CaptionInput
                  key={photo.caption}
                  photo={photo}
                  n={n}
                  onSave={(caption) => update.mutate({ photoId: photo.id, caption })}
                />
                <span className="photo-manager-actions">
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('console.orgPhotos.moveUp', { n })}
                    disabled={busy || index === 0}
                    onClick={() => update.mutate({ photoId: photo.id, position: index - 1 })}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('console.orgPhotos.moveDown', { n })}
                    disabled={busy || index === photos.length - 1}
                    onClick={() => update.mutate({ photoId: photo.id, position: index + 1 })}
                  />
                  <Popconfirm
                    title={t('console.orgPhotos.deleteConfirm')}
                    okText={t('console.orgPhotos.deleteOk')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove.mutate(photo.id)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('console.orgPhotos.delete', { n })}
                      disabled={busy}
                    />
                  </Popconfirm>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
