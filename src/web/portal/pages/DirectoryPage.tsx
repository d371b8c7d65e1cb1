import { Button, Empty, Pagination, Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { OrganizationType } from '../../../contracts/organizations.js';
import { ErrorState } from '../../common/components/ErrorState.js';
import {
  isDivisionCode,
  isOrganizationType,
  organizationTypes,
} from '../../../contracts/values.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { useOrganizations } from '../../common/queries.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { DivisionFilter } from '../components/DivisionFilter.js';
import { ListSkeleton } from '../components/ListSkeleton.js';
import { OrganizationCard } from '../components/OrganizationCard.js';
import { SearchBox } from '../components/SearchBox.js';
import { directorySearchParams } from '../paths.js';
import type { DirectoryFilters } from '../paths.js';

const pageSize = 10;

/** Filters live in the address so that results can be shared, bookmarked and gone back to. */
function readFilters(params: URLSearchParams): DirectoryFilters & { page: number } {
  const type = params.get('type');
  const division = params.get('division');
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() || undefined,
    type: isOrganizationType(type) ? type : undefined,
    division: isDivisionCode(division) ? division : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export default function DirectoryPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { page, ...criteria } = filters;
  const hasFilters = Boolean(criteria.q || criteria.type || criteria.division);
  useDocumentTitle(t('portal.directory.title'), t('app.name'));

  const organizations = useOrganizations({
    ...criteria,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });

  // Any new criterion starts again from the first page.
  const update = (change: Partial<DirectoryFilters>) =>
    setParams(directorySearchParams({ ...criteria, ...change, page: 1 }));
  const goToPage = (next: number) => {
    setParams(directorySearchParams({ ...criteria, page: next }));
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="page-body">
      <h1 className="page-title">{t('portal.directory.title')}</h1>

      <section className="panel filters">
        <SearchBox
          key={criteria.q ?? ''}
          compact
          initialValue={criteria.q}
          onSearch={(q) => update({ q: q || undefined })}
        />
        <Select<OrganizationType>
          size="large"
          allowClear
          aria-label={t('org.type')}
          placeholder={t('portal.directory.allTypes')}
          value={criteria.type}
          onChange={(type?: OrganizationType) => update({ type })}
          options={organizationTypes.map((type) => ({
            value: type,
            label: t(`orgType.${type}`),
          }))}
        />
        <DivisionFilter value={criteria.division} onChange={(division) => update({ division })} />
      </section>

      {organizations.isPending ? (
        <ListSkeleton />
      ) : organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.total === 0 ? (
        <Empty
          className="panel empty-state"
          description={
            <>
              <strong>{t('portal.directory.empty')}</strong>
              <br />
              {t('portal.directory.emptyHint')}
            </>
          }
        >
          {hasFilters && (
            <Button type="primary" onClick={() => setParams(new URLSearchParams())}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Empty>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {t('portal.directory.count', { total: organizations.data.total })}
          </p>
          <ul className="org-list" aria-busy={organizations.isFetching}>
            {organizations.data.items.map((organization) => (
              <li key={organization.id}>
                <OrganizationCard organization={organization} />
              </li>
            ))}
          </ul>
          {organizations.data.total > pageSize && (
            <Pagination
              className="pager"
              align="center"
              current={page}
              pageSize={pageSize}
              total={organizations.data.total}
              showSizeChanger={false}
              onChange={goToPage}
            />
          )}
        </>
      )}
    </div>
  );
}
