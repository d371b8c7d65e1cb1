import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMe } from '../auth/session.js';
import { useOrganization, useOrganizations } from '../queries.js';

/**
 * The division a district-scoped user works in: their pickers offer only organizations there,
 * since the server refuses any other (users who see everything search everywhere). `known` is
 * false until that is settled, so the options do not change under the user's pointer.
 */
function useJurisdictionDivision(): { division: string | undefined; known: boolean } {
  const me = useMe();
  const homeId = me.data?.scope === 'district' ? (me.data.organizationId ?? undefined) : undefined;
  const home = useOrganization(homeId);
  if (!me.data) return { division: undefined, known: false };
  if (!homeId) return { division: undefined, known: true };
  return { division: home.data?.divisionCode, known: !home.isPending };
}

/**
 * Picks one organization of the user's jurisdiction by searching its name; the chosen one is
 * named even when it is not among the current matches (a filter read from the address).
 */
export function OrganizationSelect({
  value,
  onChange,
  placeholder,
  allowClear = false,
  id,
  width,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  width?: number;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const { division, known } = useJurisdictionDivision();
  const matches = useOrganizations(
    { q: q || undefined, division, limit: 20, offset: 0 },
    { enabled: known },
  );
  const selected = useOrganization(value);
  const options = (matches.data?.items ?? []).map((organization) => ({
    value: organization.id,
    label: organization.name,
  }));
  if (selected.data && !options.some((option) => option.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next?: string) => onChange?.(next)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('console.users.organization.placeholder')}
      aria-label={placeholder ?? t('console.users.organization')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={matches.isFetching}
      options={options}
      notFoundContent={matches.isFetching ? t('common.loading') : t('console.orgs.empty')}
      style={width ? { width } : undefined}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
    />
  );
}
