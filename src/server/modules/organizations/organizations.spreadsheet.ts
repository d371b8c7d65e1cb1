/**
 * Excel import and export of organizations: the sheet's columns (Chinese headers, labels for the
 * contract's enums), the import rules on top of the contract (division known and in the
 * importer's jurisdiction, no duplicate names in a division, the supervising organization found),
 * the one-transaction bulk write with its audit row, and the export of a filtered list.
 */
import { initialStatusSince, misplacedWorkstationFields } from './organizations.rules.js';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  listOrganizationsQuerySchema,
  newOrganizationSchema,
  organizationServices,
  organizationStatuses,
  organizationTypes,
  workstationHostKinds,
} from '../../../contracts/organizations.js';
import {
  organizationServiceLabels,
  organizationStatusLabels,
  organizationTypeLabels,
  workstationHostKindLabels,
} from '../../../contracts/organizations.labels.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { AuditRecorder } from '../../platform/writes/audit-event.js';
import { todayInShanghai } from '../../platform/time.js';
import {
  choicesOf,
  defineSpreadsheet,
  type SpreadsheetExporter,
  type SpreadsheetImporter,
  type SpreadsheetList,
  type SpreadsheetProblems,
  type SpreadsheetRow,
  type SpreadsheetValues,
} from '../../platform/files/spreadsheet/index.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import type { OrganizationService } from './organizations.service.js';
import { formatOpeningHours, parseOpeningHours } from './opening-hours-text.js';
import { placeParents, type Candidate } from './organizations.spreadsheet.parents.js';
import {
  type NewOrganizationRow,
  type OrganizationSheetRecord,
} from './organizations.spreadsheet.repository.js';

/** The sheet of organizations: what the template holds, the export writes and the import reads. */
export const organizationSheet = defineSpreadsheet<OrganizationSheetRecord>()({
  sheetName: '机构',
  instructions: [
    '法律服务机构导入模板',
    '行政区划代码：镇（街道）9 位、村（社区）12 位，可在工作台“行政区划”页面查询；只能填写本辖区内的区划。',
    '上级机构：填写本辖区内已有机构的名称，或本表中另一行机构的名称。',
    '办公时间：如“周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00”，不办公的日子不写。',
    '导入时逐行校验；默认任何一行有误则全部不导入，也可选择“只导入无误的行”。',
  ],
  columns: [
    {
      key: 'name',
      header: '机构名称',
      kind: 'text',
      required: true,
      aliases: ['名称'],
      note: '2–100 个字；同一区划内不能重名',
      example: '湖塘镇公共法律服务工作站',
      width: 30,
      value: (r) => r.name,
    },
    {
      key: 'type',
      header: '机构类型',
      kind: 'choice',
      required: true,
      choices: choicesOf(organizationTypes, organizationTypeLabels['zh-CN']),
      example: '公共法律服务工作站',
      width: 22,
      value: (r) => r.type,
    },
    {
      key: 'parentName',
      header: '上级机构',
      kind: 'text',
      note: '本辖区内已有机构或本表中机构的名称，可不填',
      example: '武进区司法局',
      width: 24,
      value: (r) => r.parentName,
    },
    {
      key: 'divisionCode',
      header: '行政区划代码',
      kind: 'text',
      required: true,
      aliases: ['区划代码'],
      note: '镇（街道）9 位或村（社区）12 位数字',
      example: '320412100',
      width: 16,
      value: (r) => r.divisionCode,
    },
    {
      key: 'divisionName',
      header: '所属区划',
      kind: 'text',
      importable: false,
      width: 16,
      value: (r) => r.divisionName,
    },
    {
      key: 'address',
      header: '地址',
      kind: 'text',
      note: '最多 200 个字',
      example: '常州市武进区湖塘镇人民中路 1 号',
      width: 36,
      value: (r) => r.address,
    },
    {
      key: 'latitude',
      header: '纬度',
      kind: 'number',
      note: 'WGS-84，与经度同时填写或同时留空',
      example: '31.7012',
      width: 12,
      value: (r) => r.latitude,
    },
    {
      key: 'longitude',
      header: '经度',
      kind: 'number',
      note: 'WGS-84，与纬度同时填写或同时留空',
      example: '119.9468',
      width: 12,
      value: (r) => r.longitude,
    },
    {
      key: 'phone',
      header: '联系电话',
      kind: 'text',
      aliases: ['电话'],
      note: '如 0519-86000000 或 13800000000',
      example: '0519-86000000',
      width: 16,
      value: (r) => r.phone,
    },
    {
      key: 'openingHours',
      header: '办公时间',
      kind: 'text',
      note: '如 周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00',
      example: '周一至周五 08:30-12:00,13:30-17:30',
      width: 40,
      value: (r) => formatOpeningHours(r.openingHours),
    },
    {
      key: 'services',
      header: '服务项目',
      kind: 'choices',
      choices: choicesOf(organizationServices, organizationServiceLabels['zh-CN']),
      example: '法律咨询、人民调解',
      width: 30,
      value: (r) => r.services,
    },
    {
      key: 'stepFree',
      header: '无障碍通行',
      kind: 'boolean',
      example: '是',
      value: (r) => r.stepFree,
    },
    {
      key: 'homeVisits',
      header: '提供上门服务',
      kind: 'boolean',
      note: '为老年人、残疾人、重病患者上门服务',
      example: '否',
      value: (r) => r.homeVisits,
    },
    {
      key: 'accessibilityNotes',
      header: '无障碍说明',
      kind: 'text',
      note: '最多 500 个字',
      width: 24,
      value: (r) => r.accessibilityNotes,
    },
    {
      key: 'status',
      header: '状态',
      kind: 'choice',
      choices: choicesOf(organizationStatuses, organizationStatusLabels['zh-CN']),
      note: '不填为“正常”',
      example: '正常',
      value: (r) => r.status,
    },
    {
      key: 'statusSince',
      header: '状态起始日期',
      kind: 'date',
      example: '2024-05-01',
      width: 14,
      value: (r) => r.statusSince,
    },
    {
      key: 'establishedOn',
      header: '成立日期',
      kind: 'date',
      example: '2019-03-15',
      width: 14,
      value: (r) => r.establishedOn,
    },
    {
      key: 'hostKind',
      header: '驻点单位类型',
      kind: 'choice',
      choices: choicesOf(workstationHostKinds, workstationHostKindLabels['zh-CN']),
      note: '法律援助工作站等驻点机构填写',
      example: '信访局',
      width: 16,
      value: (r) => r.hostKind,
    },
    {
      key: 'hostName',
      header: '驻点单位名称',
      kind: 'text',
      example: '武进区信访局',
      width: 20,
      value: (r) => r.hostName,
    },
    {
      key: 'staffCount',
      header: '工作人员数',
      kind: 'integer',
      note: '0–999 的整数',
      example: '3',
      value: (r) => r.staffCount,
    },
    {
      key: 'meetsStandard',
      header: '是否达标',
      kind: 'boolean',
      note: '是否达到建设标准',
      example: '是',
      value: (r) => r.meetsStandard,
    },
    {
      key: 'description',
      header: '简介',
      kind: 'text',
      note: '最多 2000 个字',
      width: 30,
      value: (r) => r.description,
    },
    {
      key: 'directions',
      header: '到达方式',
      kind: 'text',
      note: '公交线路、地标、楼层等，最多 500 个字',
      width: 30,
      value: (r) => r.directions,
    },
  ],
});

export type OrganizationSheetValues = SpreadsheetValues<typeof organizationSheet.columns>;

/** A row ready to insert: its id is chosen here, so rows of the sheet can be each other's parent. */
export interface PreparedOrganization extends NewOrganizationRow {
  id: string;
}

/** The export takes the list route's filters, without paging. */
export const organizationExportQuerySchema = listOrganizationsQuerySchema.omit({
  limit: true,
  offset: true,
});
export type OrganizationExportQuery = z.infer<typeof organizationExportQuerySchema>;

const PHONE_CHARACTERS = /^\+?[\d\s\-()（）转,，、/;；]+$/;

/**
 * A phone number or a few: digits with the usual separators, 3 to 30 digits (12348 and 110 are
 * real numbers); an 11-digit mobile number keeps its length.
 */
export function looksLikePhone(text: string): boolean {
  const value = text.normalize('NFKC').trim();
  if (!PHONE_CHARACTERS.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 30) return false;
  if (/^1\d+$/.test(value) && value.length >= 10 && value.length !== 11) return false;
  return true;
}

function inScope(scope: DataScope, divisionCode: string): boolean {
  if (scope.level === 'all') return true;
  return scope.level === 'district' && divisionCode.startsWith(scope.divisionPrefix);
}

const nameKey = (divisionCode: string, name: string) => `${divisionCode}\u0000${name}`;

export interface OrganizationSpreadsheetDependencies {
  organizations: Pick<OrganizationService, 'findByNamesInScope' | 'spreadsheetStore'>;
  divisions: Pick<DivisionService, 'existingCodes'>;
  audit: AuditRecorder;
  /** The clock for status dates; a fixed one in tests. */
  now?: () => Date;
}

/**
 * `GET /api/organizations/import/template`, `POST /api/organizations/import` and
 * `GET /api/organizations/export` (the list's filters, the caller's jurisdiction), all for
 * holders of organizations.manage.
 */
export function organizationsSpreadsheet(
  deps: OrganizationSpreadsheetDependencies,
): SpreadsheetList<
  typeof organizationSheet.columns,
  PreparedOrganization,
  OrganizationExportQuery,
  OrganizationSheetRecord
> {
  const store = deps.organizations.spreadsheetStore;
  const now = deps.now ?? (() => new Date());

  /** Contract, hours, phone and coordinates of each row; the survivors become candidates. */
  function checkRows(
    rows: SpreadsheetRow<OrganizationSheetValues>[],
    problems: SpreadsheetProblems,
  ): Candidate[] {
    const candidates: Candidate[] = [];
    const today = todayInShanghai(now());
    for (const { row, values } of rows) {
      const { parentName, openingHours: hoursText, ...fields } = values;
      let openingHours = {};
      if (hoursText !== undefined) {
        const hours = parseOpeningHours(hoursText);
        if (hours.ok) openingHours = hours.hours;
        else problems.add(row, 'openingHours', hours.message, hours.params);
      }
      if (fields.phone !== undefined && !looksLikePhone(fields.phone)) {
        problems.add(row, 'phone', 'spreadsheet.phone.format');
      }
      const hasLatitude = fields.latitude !== undefined || problems.hasCell(row, 'latitude');
      const hasLongitude = fields.longitude !== undefined || problems.hasCell(row, 'longitude');
      if (hasLatitude !== hasLongitude) {
        problems.add(row, hasLatitude ? 'longitude' : 'latitude', 'organization.coordinates.pair');
      }
      const parsed = newOrganizationSchema.safeParse({ ...fields, openingHours });
      if (!parsed.success) {
        problems.addIssues(row, parsed.error.issues);
        continue;
      }
      const organization = parsed.data;
      const misplaced = misplacedWorkstationFields(organization.type, organization);
      for (const field of misplaced) problems.add(row, field, 'organization.workstation_only');
      if (misplaced.length > 0) continue;
      const statusSince = initialStatusSince(organization, today);
      candidates.push({
        row,
        record: { ...organization, statusSince, id: randomUUID() },
        ...(parentName ? { parentName } : {}),
        depth: 0,
      });
    }
    return candidates;
  }

  async function checkDivisions(
    candidates: Candidate[],
    problems: SpreadsheetProblems,
    scope: DataScope,
  ): Promise<Candidate[]> {
    const codes = [...new Set(candidates.map((candidate) => candidate.record.divisionCode))];
    const known = await deps.divisions.existingCodes(codes);
    return candidates.filter(({ row, record }) => {
      if (!known.has(record.divisionCode)) {
        problems.add(row, 'divisionCode', 'spreadsheet.division.unknown', {
          code: record.divisionCode,
        });
        return false;
      }
      if (!inScope(scope, record.divisionCode)) {
        problems.add(row, 'divisionCode', 'division.out_of_scope');
        return false;
      }
      return true;
    });
  }

  /** Same name in the same division: against the database, then against earlier rows. */
  async function checkDuplicates(candidates: Candidate[], problems: SpreadsheetProblems) {
    const codes = [...new Set(candidates.map((candidate) => candidate.record.divisionCode))];
    const existing = new Set(
      (await store.namesInDivisions(codes)).map((found) => nameKey(found.divisionCode, found.name)),
    );
    const firstRow = new Map<string, number>();
    for (const { row, record } of candidates) {
      const key = nameKey(record.divisionCode, record.name);
      const earlier = firstRow.get(key);
      if (existing.has(key)) problems.add(row, 'name', 'spreadsheet.organization.exists');
      else if (earlier !== undefined) {
        problems.add(row, 'name', 'spreadsheet.duplicate_in_file', { row: earlier });
      } else firstRow.set(key, row);
    }
  }

  /** Finds each parent among the organizations in scope and the sheet's rows; orders by depth. */
  async function resolveParents(
    candidates: Candidate[],
    problems: SpreadsheetProblems,
    scope: DataScope,
  ) {
    const names = [...new Set(candidates.flatMap((candidate) => candidate.parentName ?? []))];
    if (names.length === 0) return;
    placeParents(candidates, problems, await deps.organizations.findByNamesInScope(names, scope));
  }

  const importer: SpreadsheetImporter<OrganizationSheetValues, PreparedOrganization> = {
    async prepare(rows, problems, context) {
      const scope: DataScope = context.origin.actor?.scope ?? { level: 'all' };
      const checked = checkRows(rows, problems);
      const placed = await checkDivisions(checked, problems, scope);
      await checkDuplicates(placed, problems);
      await resolveParents(placed, problems, scope);
      return placed
        .filter((candidate) => !problems.has(candidate.row))
        .sort((a, b) => a.depth - b.depth || a.row - b.row)
        .map(({ row, record }) => ({ row, record }));
    },

    async write(records, context, summary) {
      const event = {
        origin: context.origin,
        action: 'organization.import' as const,
        objectType: 'organization',
        outcome: 'success' as const,
        detail: {
          mode: context.mode,
          rows: summary.rows,
          imported: records.length,
          invalidRows: summary.invalidRows,
          sha256: context.file.sha256,
          bytes: context.file.bytes,
        },
      };
      await store.insertAudited(records, event);
      return records.length;
    },
  };

  const exporter: SpreadsheetExporter<OrganizationExportQuery, OrganizationSheetRecord> = {
    query: organizationExportQuerySchema,
    rows: (filters, { origin, limit }: { origin: RequestOrigin; limit: number }) =>
      store.listForSheet(filters, origin.actor?.scope ?? { level: 'all' }, limit),
  };

  return {
    basePath: '/api/organizations',
    tags: ['organizations'],
    access: { import: 'organizations.manage', export: 'organizations.manage' },
    definition: organizationSheet,
    auditEntity: 'organization',
    audit: (event) => deps.audit.record(event),
    fileName: '机构',
    asciiName: 'organizations',
    importer,
    exporter,
  };
}
