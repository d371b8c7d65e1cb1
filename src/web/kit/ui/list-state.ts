import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.js';

const pageSizes = [10, 20, 50, 100];
const defaultPageSize = 20;

/** `value` when it is one of `values`, else undefined: addresses can be typed by hand. */
export function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
): T | undefined {
  return values.find((candidate) => candidate === value);
}

/**
 * A list's filters and page, kept in the address so a view can be shared, reloaded or reached
 * from a link on another page. Changing a filter returns to the first page.
 */
export function useListState<Name extends string>(names: readonly Name[]) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    names.map((name) => [name, params.get(name)?.trim() || undefined]),
  ) as Record<Name, string | undefined>;
  const pageNumber = Number(params.get('page'));
  const sizeNumber = Number(params.get('pageSize'));
  const page = Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1;
  const pageSize = pageSizes.includes(sizeNumber) ? sizeNumber : defaultPageSize;

  const write = (next: Record<Name, string | undefined>, nextPage: number, nextSize: number) => {
    const search = new URLSearchParams();
    for (const name of names) {
      const value = next[name];
      if (value) search.set(name, value);
    }
    if (nextPage > 1) search.set('page', String(nextPage));
    if (nextSize !== defaultPageSize) search.set('pageSize', String(nextSize));
    setParams(search);
  };

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: pageSizes,
    showTotal: (count) => t('common.totalItems', { total: count }),
    onChange: (nextPage, nextSize) =>
      write(filters, nextSize === pageSize ? nextPage : 1, nextSize),
  });

  return {
    filters,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    setFilters: (change: Partial<Record<Name, string | undefined>>) =>
      write({ ...filters, ...change }, 1, pageSize),
    clearFilters: () =>
      write(
        Object.fromEntries(names.map((name) => [name, undefined])) as Record<
          Name,
          string | undefined
        >,
        1,
        pageSize,
      ),
    hasFilters: names.some((name) => Boolean(filters[name])),
    pagination,
  };
}
