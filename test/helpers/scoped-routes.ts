import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { permissions, type Permission } from '../../src/contracts/permissions.js';
import { spreadsheetMediaType } from '../../src/contracts/spreadsheets.js';
import { systemOrigin } from '../../src/server/platform/access/scope.js';
import type { TestContext } from './app.js';
import { signInStaff, type SignedIn } from './auth.js';
import { buildOrganization } from './factories.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A route as the app registers it, e.g. `GET /api/volunteers/:id`. */
export type RouteKey = `${HttpMethod} /api/${string}`;

export type Staff = SignedIn & { organizationId: string };

/** The district whose records the harness creates, and the district that must not reach them. */
const ownDistrict = '320412';
const otherDistrict = '320402';

/** What a route's request builder gets: the app, and a bureau of the own district to build in. */
export interface HarnessSetup {
  context: TestContext;
  /** The justice bureau of the own district; the callers with the permission work there. */
  bureauId: string;
  /** A bureau user of the own district with the everyday permissions, to create records over HTTP. */
  builder: Staff;
}

export interface ScopedRequest {
  url: string;
  payload?: string | Buffer | object;
  headers?: Record<string, string>;
  /** Text the own district's answer shows and another district's must not ('listing' only). */
  marker?: string;
}

/**
 * How a route keeps other districts out:
 * - `record`: the request names a record of the own district; another district gets 404.
 * - `listing`: a list, summary or export; another district gets the same status without `marker`.
 * - `target`: the body places a new record in the own district; another district gets `refused`.
 * - `import`: a dry run of one row placed in the own district; another district's check finds the
 *   row invalid (the same status, nothing written either way).
 * - `unscoped`: the route is not about a district (say `why`); only 401 and 403 are proved.
 */
export type Jurisdiction =
  | { kind: 'record' }
  | { kind: 'listing'; read?: (response: LightMyRequestResponse) => Promise<string> }
  | { kind: 'target'; refused: 400 }
  | { kind: 'import' }
  | { kind: 'unscoped'; why: string };

export interface ScopedRoute {
  route: RouteKey;
  permission: Permission;
  jurisdiction: Jurisdiction;
  /** The status the own district's user gets: the proof that the other checks are not vacuous. */
  succeeds: number;
  /**
   * Creates what the request needs in the own district and answers the request. Called afresh
   * for every caller, so a write that succeeds does not spoil the next try.
   */
  request(setup: HarnessSetup): Promise<ScopedRequest>;
}

/** A route list of one domain, named for the coverage table and the route walk. */
export interface ScopedRouteList {
  name: string;
  routes: ScopedRoute[];
}

/** The callers of one permission: in the own district, in the other one, and without it. */
interface Callers {
  own: Staff;
  other: Staff;
  withoutPermission: Staff;
}

function roleCode(prefix: string, permission: Permission): string {
  return `harness_${prefix}_${permission.replace('.', '_')}`;
}

async function createRole(context: TestContext, code: string, granted: Permission[]) {
  await context.services.identity.createRole(
    { code, name: code, description: 'scope harness', permissions: granted, requiresTotp: false },
    systemOrigin,
  );
  return code;
}

async function createBureau(context: TestContext, divisionCode: string, name: string) {
  const bureau = await context.services.organizations.createOrganization(
    buildOrganization({ type: 'justice_bureau', name, divisionCode }),
  );
  return bureau.id;
}

/**
 * The users and places the harness tries routes with, made once per test file: the permission
 * alone in each district (so nothing else lets the request through), and every permission but
 * that one (so a 403 is owed to exactly the permission the route declares).
 */
export function createScopeHarness(context: TestContext) {
  const callersOf = new Map<Permission, Promise<Callers>>();
  let places: Promise<{ setup: HarnessSetup; otherBureauId: string }> | undefined;

  async function createPlaces() {
    const bureauId = await createBureau(context, ownDistrict, '武进区司法局（范围测试）');
    const otherBureauId = await createBureau(context, otherDistrict, '天宁区司法局（范围测试）');
    const builder = await signInStaff(context, {
      roles: ['bureau_staff'],
      organizationId: bureauId,
    });
    return { setup: { context, bureauId, builder }, otherBureauId };
  }

  async function createCallers(permission: Permission): Promise<Callers> {
    const { setup, otherBureauId } = await (places ??= createPlaces());
    const only = await createRole(context, roleCode('only', permission), [permission]);
    const allBut = await createRole(
      context,
      roleCode('all_but', permission),
      permissions.filter((granted) => granted !== permission),
    );
    return {
      own: await signInStaff(context, { roles: [only], organizationId: setup.bureauId }),
      other: await signInStaff(context, { roles: [only], organizationId: otherBureauId }),
      withoutPermission: await signInStaff(context, {
        roles: [allBut],
        organizationId: setup.bureauId,
      }),
    };
  }

  return {
    async setup(): Promise<HarnessSetup> {
      return (await (places ??= createPlaces())).setup;
    },
    callers(permission: Permission): Promise<Callers> {
      let callers = callersOf.get(permission);
      if (!callers) {
        callers = createCallers(permission);
        callersOf.set(permission, callers);
      }
      return callers;
    },
  };
}

export type ScopeHarness = ReturnType<typeof createScopeHarness>;

function methodOf(route: RouteKey): HttpMethod {
  return route.slice(0, route.indexOf(' ')) as HttpMethod;
}

async function send(
  setup: HarnessSetup,
  route: ScopedRoute,
  as: Staff | null,
): Promise<{ response: LightMyRequestResponse; request: ScopedRequest }> {
  const request = await route.request(setup);
  const response = await setup.context.app.inject({
    method: methodOf(route.route),
    url: request.url,
    headers: { ...(as?.headers ?? {}), ...(request.headers ?? {}) },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  return { response, request };
}

function describeAnswer(route: ScopedRoute, who: string, response: LightMyRequestResponse) {
  return `${route.route} as ${who}: ${response.statusCode} ${response.body.slice(0, 300)}`;
}

async function answerText(jurisdiction: Jurisdiction, response: LightMyRequestResponse) {
  return jurisdiction.kind === 'listing' && jurisdiction.read
    ? jurisdiction.read(response)
    : response.body;
}

/**
 * Proves one route keeps to its permission and its district: 401 signed out, 403 without the
 * permission, the district rule of its `jurisdiction` for the other district, and `succeeds` for
 * the own district (with the listing's marker in the answer).
 */
export async function proveScopedRoute(harness: ScopeHarness, route: ScopedRoute): Promise<void> {
  const setup = await harness.setup();
  const callers = await harness.callers(route.permission);

  const signedOut = await send(setup, route, null);
  expect(signedOut.response.statusCode, describeAnswer(route, 'nobody', signedOut.response)).toBe(
    401,
  );

  const denied = await send(setup, route, callers.withoutPermission);
  expect(denied.response.statusCode, describeAnswer(route, 'no permission', denied.response)).toBe(
    403,
  );

  const own = await send(setup, route, callers.own);
  expect(own.response.statusCode, describeAnswer(route, 'own district', own.response)).toBe(
    route.succeeds,
  );

  const other = await send(setup, route, callers.other);
  const otherAnswer = describeAnswer(route, 'other district', other.response);
  switch (route.jurisdiction.kind) {
    case 'record':
      expect(other.response.statusCode, otherAnswer).toBe(404);
      break;
    case 'target':
      expect(other.response.statusCode, otherAnswer).toBe(route.jurisdiction.refused);
      break;
    case 'listing':
      expect(other.response.statusCode, otherAnswer).toBe(route.succeeds);
      await expectMarkerOnlyInOwnAnswer(route, own, other);
      break;
    case 'import':
      expect(other.response.statusCode, otherAnswer).toBe(route.succeeds);
      expect(own.response.json(), `${route.route} own`).toMatchObject(oneValidRow);
      expect(other.response.json(), otherAnswer).toMatchObject(oneInvalidRow);
      break;
    case 'unscoped':
      expect(other.response.statusCode, otherAnswer).toBe(route.succeeds);
      break;
  }
}

const oneValidRow = { rows: 1, validRows: 1, invalidRows: 0, imported: 0 };
const oneInvalidRow = { rows: 1, validRows: 0, invalidRows: 1, imported: 0 };

async function expectMarkerOnlyInOwnAnswer(
  route: ScopedRoute,
  own: { response: LightMyRequestResponse; request: ScopedRequest },
  other: { response: LightMyRequestResponse; request: ScopedRequest },
) {
  const [ownMarker, otherMarker] = [own.request.marker, other.request.marker];
  if (!ownMarker || !otherMarker) throw new Error(`${route.route}: a listing needs a marker`);
  expect(await answerText(route.jurisdiction, own.response), `${route.route} own`).toContain(
    ownMarker,
  );
  expect(
    await answerText(route.jurisdiction, other.response),
    `${route.route} other`,
  ).not.toContain(otherMarker);
}

/** Every cell of an xlsx answer as text, one line per row, for a listing's marker. */
export async function workbookText(response: LightMyRequestResponse): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const lines: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => lines.push((row.values as unknown[]).map(String).join('\t'))),
  );
  return lines.join('\n');
}

/** Sends a request as the own district's builder and answers its JSON; a refusal fails the setup. */
export async function buildOver<T>(
  setup: HarnessSetup,
  method: HttpMethod,
  url: string,
  payload?: object | Buffer,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await setup.context.app.inject({
    method,
    url,
    headers: { ...setup.builder.headers, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
  if (response.statusCode >= 300) {
    throw new Error(`setup ${method} ${url} failed: ${response.statusCode} ${response.body}`);
  }
  return response.json() as T;
}

/** Today's date where the server checks "not in the future": UTC is never ahead of Shanghai. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** One row of an import sheet, by its Chinese header. */
export type SheetRow = Record<string, string | number | Date | null>;

/** The list's import template, as the builder downloads it, with `row` filled in. */
async function filledTemplate(setup: HarnessSetup, basePath: string, row: SheetRow) {
  const response = await setup.context.app.inject({
    url: `${basePath}/import/template`,
    headers: setup.builder.headers,
  });
  if (response.statusCode !== 200) throw new Error(`no template: ${response.statusCode}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  // exceljs numbers a row's values from 1 (column A); index 0 is empty.
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What a list's spreadsheet routes need from its domain: an import row and an exported record. */
export interface SpreadsheetFixtures {
  /** A valid row that places its record in the own district. */
  importRow(setup: HarnessSetup): Promise<SheetRow>;
  /** Creates a record of the own district and answers text its export row shows. */
  exportMarker(setup: HarnessSetup): Promise<string>;
}

/** The three spreadsheet routes of a list (ADR 13); the import is tried as a dry run. */
export function spreadsheetRoutes(
  basePath: `/api/${string}`,
  access: { import: Permission; export: Permission },
  fixtures: SpreadsheetFixtures,
): ScopedRoute[] {
  return [
    {
      route: `GET ${basePath}/import/template`,
      permission: access.import,
      jurisdiction: { kind: 'unscoped', why: 'the same blank workbook for everyone' },
      succeeds: 200,
      request: async () => ({ url: `${basePath}/import/template` }),
    },
    {
      route: `POST ${basePath}/import`,
      permission: access.import,
      jurisdiction: { kind: 'import' },
      succeeds: 200,
      request: async (setup) => ({
        url: `${basePath}/import?dryRun=true`,
        payload: await filledTemplate(setup, basePath, await fixtures.importRow(setup)),
        headers: { 'content-type': spreadsheetMediaType },
      }),
    },
    {
      route: `GET ${basePath}/export`,
      permission: access.export,
      jurisdiction: { kind: 'listing', read: workbookText },
      succeeds: 200,
      request: async (setup) => ({
        url: `${basePath}/export`,
        marker: await fixtures.exportMarker(setup),
      }),
    },
  ];
}
