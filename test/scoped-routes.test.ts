import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../src/server/platform/access/route-access.js';
import { createTestContext, type TestContext } from './helpers/app.js';
import {
  createScopeHarness,
  proveScopedRoute,
  type ScopeHarness,
} from './helpers/scoped-routes.js';
import { organizationRoutes } from './helpers/scoped-routes.organizations.js';
import {
  auditRoutes,
  coverageRoutes,
  divisionRoutes,
  identityRoutes,
  outboxRoutes,
} from './helpers/scoped-routes.platform.js';
import { practitionerRoutes } from './helpers/scoped-routes.practitioners.js';
import { partnerRoutes, volunteerRoutes } from './helpers/scoped-routes.volunteers.js';

const lists = [
  organizationRoutes,
  practitionerRoutes,
  volunteerRoutes,
  partnerRoutes,
  coverageRoutes,
  divisionRoutes,
  identityRoutes,
  auditRoutes,
  outboxRoutes,
];

describe('scoped routes', () => {
  let context: TestContext;
  let harness: ScopeHarness;

  beforeAll(async () => {
    context = await createTestContext();
    harness = createScopeHarness(context);
  });
  afterAll(() => context.close());

  // A new domain's route with a permission fails here until its list names it; a listed route
  // that no longer exists, or whose permission changed, fails too.
  it('should list every route that declares a permission when the app registers its routes', () => {
    const listed = new Map<string, string>(
      lists.flatMap((list) => list.routes.map((route) => [route.route, route.permission])),
    );
    const declared = declaredRoutes(context.app)
      .filter((route) => route.method !== 'HEAD')
      .filter((route) => route.access !== 'public' && route.access !== 'signed_in')
      .map((route) => [`${route.method} ${route.url}`, route.access] as const);
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter(([key]) => !listed.has(key)).map(([key]) => key)).toEqual([]);
    expect(new Map(declared)).toEqual(listed);
  });

  for (const list of lists) {
    describe(list.name, () => {
      for (const route of list.routes) {
        it(`should keep ${route.route} to ${route.permission} and its district when tried by others`, () =>
          proveScopedRoute(harness, route));
      }
    });
  }
});
