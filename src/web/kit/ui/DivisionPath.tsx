import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { DivisionSummary } from '../../../contracts/divisions.js';
import { areaPath } from '../public-paths.js';

/** "江苏省 / 常州市 / 武进区", each part linking to its area page. */
export function DivisionPath({ path }: { path: DivisionSummary[] }) {
  return (
    <span className="division-path">
      {path.map((division, index) => (
        <Fragment key={division.code}>
          {index > 0 && <span aria-hidden="true"> / </span>}
          <Link to={areaPath(division.code)}>{division.name}</Link>
        </Fragment>
      ))}
    </span>
  );
}
