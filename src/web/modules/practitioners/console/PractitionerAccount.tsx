import { LinkOutlined, DisconnectOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Practitioner } from '../../../../contracts/practitioners.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useAccounts } from '../../identity/api.js';
import { practitionerKeys, practitionersApi } from '../api.js';

/** Staff accounts found by name or username, for linking one to a practitioner. */
function StaffAccountSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const accounts = useAccounts({ kind: 'staff', status: 'active', q: q || undefined, limit: 20 });
  return (
    <Select<string>
      value={value}
      onChange={(next?: string) => onChange(next)}
      allowClear
      style={{ minWidth: 240 }}
      placeholder={t('console.practitioners.account.placeholder')}
      aria-label={t('console.practitioners.account.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={accounts.isFetching}
      options={(accounts.data?.items ?? []).map((account) => ({
        value: account.id,
        label: `${account.displayName} · ${account.username ?? ''}`,
      }))}
    />
  );
}

/**
 * The staff account the practitioner signs in with: named when linked; managers link one (an
 * account of their jurisdiction that no other practitioner holds) or unlink it.
 */
export function PractitionerAccount({
  practitioner,
  canManage,
  canFindAccounts,
}: {
  practitioner: Practitioner;
  canManage: boolean;
  canFindAccounts: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | undefined>();
  const settle = {
    onSuccess: () => {
      setChosen(undefined);
      return queryClient.invalidateQueries({ queryKey: practitionerKeys.all });
    },
    onError: (error: unknown) => message.error(errorMessage(error, t)),
  };
  const link = useMutation({
    mutationFn: (accountId: string) =>
      practitionersApi.linkAccount(practitioner.id, {
        accountId,
        version: practitioner.version,
      }),
    ...settle,
  });
  const unlink = useMutation({
    mutationFn: () => practitionersApi.unlinkAccount(practitioner.id, practitioner.version),
    ...settle,
  });

  if (practitioner.accountName) {
    return (
      <Space wrap>
        <span>{practitioner.accountName}</span>
        {canManage && (
          <Popconfirm
            title={t('console.practitioners.account.unlinkConfirm')}
            onConfirm={() => unlink.mutate()}
          >
            <Button size="small" icon={<DisconnectOutlined />} loading={unlink.isPending}>
              {t('console.practitioners.account.unlink')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  }
  if (!canManage || !canFindAccounts) {
    return <span className="muted">{t('console.practitioners.account.none')}</span>;
  }
  return (
    <Space wrap>
      <StaffAccountSelect value={chosen} onChange={setChosen} />
      <Button
        size="small"
        icon={<LinkOutlined />}
        disabled={!chosen}
        loading={link.isPending}
        onClick={() => chosen && link.mutate(chosen)}
      >
        {t('console.practitioners.account.link')}
      </Button>
    </Space>
  );
}
