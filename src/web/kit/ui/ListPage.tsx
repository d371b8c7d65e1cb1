import { Button, Card, Input, Select, Table } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { ErrorState } from './ErrorState.js';

/** What a list page needs of its query: TanStack Query's result of a page of rows. */
export interface ListQuery<Row> {
  data: { items: Row[]; total: number } | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * A console list page: its title and actions, a bar of filters, and the table of one page of
 * rows (or the error with a retry). Drawers and dialogs of the page go in `children`.
 */
export function ListPage<Row extends object>({
  title,
  actions,
  filters,
  query,
  columns,
  emptyText,
  pagination,
  table,
  children,
}: {
  title: string;
  actions?: ReactNode;
  filters: ReactNode;
  query: ListQuery<Row>;
  columns: TableProps<Row>['columns'];
  emptyText: string;
  pagination: (total: number | undefined) => TablePaginationConfig;
  /** Further table settings: row click, row class, horizontal scroll. */
  table?: Omit<TableProps<Row>, 'columns' | 'dataSource' | 'loading' | 'pagination'>;
  children?: ReactNode;
}) {
  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{title}</h1>
        {actions}
      </div>
      <Card>
        <div className="filter-bar">{filters}</div>
      </Card>
      <Card>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Row>
            rowKey="id"
            {...table}
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            locale={{ emptyText }}
            pagination={pagination(query.data?.total)}
          />
        )}
      </Card>
      {children}
    </div>
  );
}

/** The search box of a filter bar; it shows the address's text and applies on Enter. */
export function ListSearch({
  value,
  label,
  maxLength,
  width,
  onSearch,
}: {
  value: string | undefined;
  label: string;
  maxLength: number;
  width: number;
  onSearch: (text: string | undefined) => void;
}) {
  return (
    <Input.Search
      key={value ?? ''}
      defaultValue={value}
      allowClear
      maxLength={maxLength}
      style={{ width }}
      placeholder={label}
      aria-label={label}
      onSearch={(text) => onSearch(text.trim() || undefined)}
    />
  );
}

/** A clearable choice among an enum's values, each shown by its label. */
export function EnumSelect<Value extends string>({
  values,
  value,
  labelOf,
  label,
  placeholder,
  width,
  onChange,
}: {
  values: readonly Value[];
  value: Value | undefined;
  labelOf: (value: Value) => string;
  label: string;
  placeholder: string;
  width: number;
  onChange: (value: Value | undefined) => void;
}) {
  return (
    <Select<Value>
      allowClear
      style={{ width }}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(next?: Value) => onChange(next)}
      options={values.map((option) => ({ value: option, label: labelOf(option) }))}
    />
  );
}

/** Shown while any filter is set. */
export function ClearFilters({ shown, onClear }: { shown: boolean; onClear: () => void }) {
  const { t } = useI18n();
  return shown ? (
    <Button type="link" onClick={onClear}>
      {t('common.clearFilters')}
    </Button>
  ) : null;
}
