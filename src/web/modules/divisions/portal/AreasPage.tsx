import { AppstoreOutlined, RightOutlined, StarOutlined } from '@ant-design/icons';
import { Breadcrumb, Empty, Pagination, Skeleton, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Division, DivisionDetail } from '../../../../contracts/divisions.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { NotFound } from '../../../kit/ui/NotFound.js';
import { useSettings } from '../../../kit/settings.js';
import { isDivisionCode } from '../../../../contracts/values.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDivision, useDivisions, useOrganizationCount } from '../../../kit/queries.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { areaPath, directoryPath } from '../../../kit/public-paths.js';

const pageSize = 100;

function AreaBreadcrumb({ division }: { division: DivisionDetail | undefined }) {
  const { t } = useI18n();
  const ancestors = division?.path.slice(0, -1) ?? [];
  return (
    <Breadcrumb
      className="area-breadcrumb"
      items={[
        { key: 'root', title: <Link to={areaPath()}>{t('portal.areas.root')}</Link> },
        ...ancestors.map((ancestor) => ({
          key: ancestor.code,
          title: <Link to={areaPath(ancestor.code)}>{ancestor.name}</Link>,
        })),
      ]}
    />
  );
}

function AreaOrganizationsLink({ division }: { division: DivisionDetail }) {
  const { t } = useI18n();
  const count = useOrganizationCount({ division: division.code });
  return (
    <Link to={directoryPath({ division: division.code })} className="link-card link-card-primary">
      <span className="link-card-icon" aria-hidden="true">
        <AppstoreOutlined />
      </span>
      <span className="link-card-text">
        <strong>{t('portal.areas.organizations')}</strong>
        {count.data !== undefined && (
          <small>{t('portal.areas.organizationsCount', { total: count.data })}</small>
        )}
      </span>
      <RightOutlined className="link-card-chevron" />
    </Link>
  );
}

function HomeDistrictLink() {
  const { homeDivisionCode } = useSettings();
  const home = useDivision(homeDivisionCode);
  if (!home.data) return null;
  return (
    <Link to={areaPath(home.data.code)} className="link-card">
      <span className="link-card-icon" aria-hidden="true">
        <StarOutlined />
      </span>
      <span className="link-card-text">
        <strong>{home.data.name}</strong>
        <small>{home.data.path.map((division) => division.name).join(' / ')}</small>
      </span>
      <RightOutlined className="link-card-chevron" />
    </Link>
  );
}

function ChildAreas({ parent }: { parent: string | undefined }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const children = useDivisions({ parent, limit: pageSize, offset: (page - 1) * pageSize });

  if (children.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (children.isError)
    return <ErrorState error={children.error} onRetry={() => void children.refetch()} />;
  if (children.data.total === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.areas.noChildren')} />
    );

  return (
    <>
      <ul className="area-list">
        {children.data.items.map((child: Division) => (
          <li key={child.code}>
            <Link to={areaPath(child.code)} className="area-link">
              <span>{child.name}</span>
              <Tag variant="filled">{t(`divisionKind.${child.kind}`)}</Tag>
              <RightOutlined className="link-card-chevron" />
            </Link>
          </li>
        ))}
      </ul>
      {children.data.total > pageSize && (
        <Pagination
          className="pager"
          align="center"
          current={page}
          pageSize={pageSize}
          total={children.data.total}
          showSizeChanger={false}
          onChange={(next) => setParams({ page: String(next) })}
        />
      )}
    </>
  );
}

export default function AreasPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const validCode = code === undefined || isDivisionCode(code);
  const division = useDivision(validCode ? code : undefined);
  useDocumentTitle(
    validCode ? (division.data?.name ?? t('portal.areas.title')) : t('common.notFound.title'),
    t('app.name'),
  );

  if (!validCode) return <NotFound />;
  if (code && division.isError)
    return (
      <div className="page-body">
        <ErrorState error={division.error} onRetry={() => void division.refetch()} />
      </div>
    );

  return (
    <div className="page-body">
      <AreaBreadcrumb division={division.data} />
      <div className="area-heading">
        <h1 className="page-title">
          {code ? (division.data?.name ?? t('common.loading')) : t('portal.areas.title')}
        </h1>
        {division.data && <Tag color="blue">{t(`divisionKind.${division.data.kind}`)}</Tag>}
      </div>

      {division.data ? (
        <AreaOrganizationsLink division={division.data} />
      ) : (
        !code && <HomeDistrictLink />
      )}

      {(!code || division.data) && (
        <section className="panel">
          <h2 className="panel-title">
            {code ? t('portal.areas.children') : t('portal.areas.root')}
          </h2>
          <ChildAreas parent={code} />
        </section>
      )}
    </div>
  );
}
