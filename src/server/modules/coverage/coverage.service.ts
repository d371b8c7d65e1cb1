import type { Coverage, CoverageQuery } from '../../../contracts/coverage.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import { InputError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/time.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import { computeCoverage } from './coverage.compute.js';

export interface CoverageServiceDependencies {
  divisions: Pick<DivisionService, 'requireDivisionInScope' | 'getPath' | 'listWithin'>;
  organizations: Pick<OrganizationService, 'listOrganizations'>;
  /** The clock that decides "this year"; a fixed one in tests. */
  now?: () => Date;
}

/** The largest page the organizations list serves. */
const ORGANIZATION_PAGE = 200;
const DISTRICT_CODE_LENGTH = 6;

/** A district bureau's planners look at their own district unless they choose otherwise. */
function defaultDivision(scope: DataScope | undefined): string {
  if (scope?.level === 'district' && [6, 9].includes(scope.divisionPrefix.length)) {
    return scope.divisionPrefix;
  }
  throw new InputError([{ field: 'querystring.division', message: 'coverage.division.required' }]);
}

/**
 * Coverage reads divisions and organizations through their services: the divisions service
 * checks the jurisdiction, the organizations directory supplies the district's service points.
 */
export function createCoverageService(deps: CoverageServiceDependencies) {
  const { divisions, organizations } = deps;
  const now = deps.now ?? (() => new Date());

  /** Every active organization of a district, page by page. */
  async function activeOrganizationsOf(districtCode: string): Promise<Organization[]> {
    const all: Organization[] = [];
    for (let offset = 0; ; offset += ORGANIZATION_PAGE) {
      const page = await organizations.listOrganizations({
        division: districtCode,
        status: 'active',
        limit: ORGANIZATION_PAGE,
        offset,
      });
      all.push(...page.items);
      if (page.items.length < ORGANIZATION_PAGE || all.length >= page.total) return all;
    }
  }

  return {
    /**
     * Per township and village of a district or township inside the caller's jurisdiction: the
     * nearest legal aid workstation and the other service points within reach. A division
     * outside the jurisdiction is not found, exactly like a missing one.
     */
    async getCoverage(query: CoverageQuery, origin: RequestOrigin): Promise<Coverage> {
      const scope: DataScope = origin.actor?.scope ?? { level: 'all' };
      const code = query.division ?? defaultDivision(origin.actor?.scope);
      const division = await divisions.requireDivisionInScope(code, scope);
      const districtCode = code.slice(0, DISTRICT_CODE_LENGTH);
      const [path, districtTownships, villages, districtOrganizations] = await Promise.all([
        divisions.getPath(code),
        divisions.listWithin(districtCode, 'township'),
        divisions.listWithin(code, 'village'),
        activeOrganizationsOf(districtCode),
      ]);
      return computeCoverage({
        division: { code: division.code, name: division.name, level: division.level },
        path,
        withinKm: query.withinKm,
        year: Number(todayInShanghai(now()).slice(0, 4)),
        districtTownships,
        villages,
        organizations: districtOrganizations,
      });
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;
