import { Skeleton } from 'antd';

export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className="list-skeleton" aria-busy="true">
      {Array.from({ length: rows }, (_, index) => (
        <div className="org-card" key={index}>
          <Skeleton active title paragraph={{ rows: 2 }} />
        </div>
      ))}
    </div>
  );
}
