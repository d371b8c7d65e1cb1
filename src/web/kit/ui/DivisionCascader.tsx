import { useQueries } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import type { Division } from '../../../contracts/divisions.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { allChildrenQuery, useAllChildren, useDivision } from '../queries.js';

interface DivisionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  loading?: boolean;
  children?: DivisionOption[];
}

/**
 * Chooses any division from the provinces down to the villages. Children load when a level is
 * opened; the chosen division's ancestors load up front so the menu opens where it stands.
 */
export function DivisionCascader({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<string[]>([]);
  const selected = useDivision(value);
  const path = selected.data?.path ?? [];
  const expanded = [...new Set([...path.slice(0, -1).map((division) => division.code), ...opened])];

  const provinces = useAllChildren(null);
  const childLists = useQueries({ queries: expanded.map((code) => allChildrenQuery(code)) });
  const childrenOf = new Map(expanded.map((code, index) => [code, childLists[index]]));

  const toOptions = (divisions: Division[]): DivisionOption[] =>
    divisions.map((division) => {
      const children = childrenOf.get(division.code);
      return {
        value: division.code,
        label: division.name,
        isLeaf: division.level === 'village',
        loading: children?.isPending,
        children: children?.data ? toOptions(children.data) : undefined,
      };
    });

  return (
    <Cascader<DivisionOption>
      className="division-cascader"
      style={{ minWidth: 280 }}
      aria-label={t('console.org.division')}
      id={id}
      placeholder={placeholder ?? t('console.orgs.allDivisions')}
      changeOnSelect
      allowClear
      loading={provinces.isPending}
      options={toOptions(provinces.data ?? [])}
      loadData={(chosen) => {
        const last = chosen.at(-1);
        if (last) setOpened((codes) => [...codes, last.value]);
      }}
      value={path.length > 0 ? path.map((division) => division.code) : value ? [value] : undefined}
      displayRender={(labels) =>
        path.length > 0 ? path.map((division) => division.name).join(' / ') : labels.join(' / ')
      }
      onChange={(codes) => onChange?.(codes?.at(-1))}
    />
  );
}
