import { scopeOf } from '../../platform/access/scope.js';
/**
 * Excel import and export of volunteers: the sheet (Chinese headers, labels of the contract's
 * enums), the import rules on top of the contract (station and partner found by name within the
 * importer's jurisdiction, no phone twice for one managing organization), the one-transaction bulk
 * write with its audit row, and the export of a filtered list with phones masked unless the
 * caller may see them (then the unmasking is audited).
 */
import type { Organization } from '../../../contracts/organizations.js';
import {
  legalSpecialties,
  serviceLanguages,
  volunteerKinds,
  volunteerStatuses,
} from '../../../contracts/values.js';
import {
  legalSpecialtyLabels,
  serviceLanguageLabels,
} from '../../../contracts/expertise.labels.js';
import {
  volunteerKindLabels,
  volunteerStatusLabels,
} from '../../../contracts/volunteers.labels.js';
import {
  newVolunteerSchema,
  volunteerFiltersSchema,
  type Volunteer,
  type VolunteerFilters,
} from '../../../contracts/volunteers.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import type { AuditRecorder } from '../../platform/writes/audit-event.js';
import type { PartnerService } from '../partners/partners.service.js';
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
import type { OrganizationService } from '../organizations/organizations.service.js';
import { createVolunteerPlacement, stationProblem } from './volunteers.placement.js';
import { presentVolunteer } from './volunteers.presenter.js';
import type { VolunteerService } from './volunteers.service.js';
import type { volunteers } from './volunteers.tables.js';

/** The sheet of volunteers: what the template holds, the export writes and the import reads. */
export const volunteerSheet = defineSpreadsheet<Volunteer>()({
  sheetName: '志愿者',
  instructions: [
    '法律服务志愿者导入模板',
    '服务站点：填写本辖区内站点的全称，如“武进区法律援助中心湖塘镇工作站”，可在工作台“服务机构”页面查询；志愿者由该站点的上级司法局管理。',
    '招募单位：填写已在“合作单位”页面登记的名称，如“武进区文明办”，可不填。',
    '专长、服务语言可填多项，用顿号“、”分隔。',
    '同一管理单位内手机号不能重复。导入时逐行校验；默认任何一行有误则全部不导入，也可选择“只导入无误的行”。',
  ],
  columns: [
    {
      key: 'name',
      header: '姓名',
      kind: 'text',
      required: true,
      note: '2–50 个字',
      example: '周明德',
      width: 12,
      value: (v) => v.name,
    },
    {
      key: 'kind',
      header: '类别',
      kind: 'choice',
      required: true,
      aliases: ['志愿者类别'],
      choices: choicesOf(volunteerKinds, volunteerKindLabels['zh-CN']),
      example: '退休法官',
      width: 16,
      value: (v) => v.kind,
    },
    {
      key: 'phone',
      header: '手机号',
      kind: 'text',
      aliases: ['手机号码', '联系电话'],
      note: '11 位手机号码，可不填；导出时除有权查看者外均为脱敏号码',
      example: '13912345678',
      width: 16,
      value: (v) => v.phone,
    },
    {
      key: 'station',
      header: '服务站点',
      kind: 'text',
      note: '本辖区内站点的全称',
      example: '武进区法律援助中心湖塘镇工作站',
      width: 32,
      value: (v) => v.stationName,
    },
    {
      key: 'partner',
      header: '招募单位',
      kind: 'text',
      note: '已登记的合作单位名称，可不填',
      example: '武进区文明办',
      width: 22,
      value: (v) => v.partnerName,
    },
    {
      key: 'skills',
      header: '专长',
      kind: 'choices',
      choices: choicesOf(legalSpecialties, legalSpecialtyLabels['zh-CN']),
      example: '婚姻家庭、继承赡养',
      width: 26,
      value: (v) => v.skills,
    },
    {
      key: 'languages',
      header: '服务语言',
      kind: 'choices',
      choices: choicesOf(serviceLanguages, serviceLanguageLabels['zh-CN'], {
        wu_dialect: ['常州话', '吴语'],
      }),
      example: '普通话、常州话（吴语）',
      width: 22,
      value: (v) => v.languages,
    },
    {
      key: 'joinedOn',
      header: '加入日期',
      kind: 'date',
      example: '2024-03-01',
      width: 14,
      value: (v) => v.joinedOn,
    },
    {
      key: 'status',
      header: '状态',
      kind: 'choice',
      choices: choicesOf(volunteerStatuses, volunteerStatusLabels['zh-CN']),
      note: '不填为“在岗”',
      example: '在岗',
      value: (v) => v.status,
    },
    {
      key: 'notes',
      header: '备注',
      kind: 'text',
      note: '最多 1000 个字',
      width: 24,
      value: (v) => v.notes,
    },
    {
      key: 'organization',
      header: '管理单位',
      kind: 'text',
      importable: false,
      width: 18,
      value: (v) => v.organizationName,
    },
    {
      key: 'hoursTotal',
      header: '累计服务时长（小时）',
      kind: 'number',
      importable: false,
      width: 12,
      value: (v) => v.hoursTotal,
    },
    {
      key: 'lastServedOn',
      header: '最近服务日期',
      kind: 'date',
      importable: false,
      width: 14,
      value: (v) => v.lastServedOn,
    },
    {
      key: 'insuredUntil',
      header: '保险止期',
      kind: 'date',
      importable: false,
      width: 14,
      value: (v) => v.insuredUntil,
    },
  ],
});

export type VolunteerSheetValues = SpreadsheetValues<typeof volunteerSheet.columns>;

type PreparedVolunteer = typeof volunteers.$inferInsert;

/** The export takes the list's filters, without paging. */
export const volunteerExportQuerySchema = volunteerFiltersSchema;

/** Row fields the contract checks, by the column that holds them. */
const contractColumns = new Set([
  'name',
  'kind',
  'phone',
  'skills',
  'languages',
  'joinedOn',
  'status',
  'notes',
]);

export interface VolunteerSpreadsheetDependencies {
  volunteers: Pick<VolunteerService, 'spreadsheetStore'>;
  organizations: Pick<OrganizationService, 'getOrganization' | 'findByNamesInScope'>;
  partners: Pick<PartnerService, 'findPartnersByName'>;
  personalFields: PersonalFields;
  audit: AuditRecorder;
}

/** The name's resolution: found, not found, or more than one. */
type Lookup<T> = { found: T } | { problem: 'unknown' | 'ambiguous' };

interface Candidate {
  row: number;
  record: Omit<PreparedVolunteer, 'organizationId' | 'divisionCode'>;
  phone: string | null;
  stationName?: string;
  partnerName?: string;
}

function stationLookup(
  found: Organization[],
  scope: DataScope,
): Lookup<Organization> | { problem: string } {
  const [only] = found;
  if (!only || found.length > 1) return { problem: only ? 'ambiguous' : 'unknown' };
  const problem = stationProblem(only, scope);
  return problem ? { problem } : { found: only };
}

/**
 * `GET /api/volunteers/import/template` and `POST /api/volunteers/import` for holders of
 * volunteers.manage; `GET /api/volunteers/export` (the list's filters, the caller's jurisdiction,
 * phones masked unless the caller may unmask) for holders of volunteers.read.
 */
export function volunteersSpreadsheet(
  deps: VolunteerSpreadsheetDependencies,
): SpreadsheetList<typeof volunteerSheet.columns, PreparedVolunteer, VolunteerFilters, Volunteer> {
  const store = deps.volunteers.spreadsheetStore;
  const placement = createVolunteerPlacement(deps.organizations);

  /** Each station name's organization in scope, or why it cannot be the station. */
  async function resolveStations(names: string[], scope: DataScope) {
    const named = await deps.organizations.findByNamesInScope(names, scope);
    return new Map(names.map((name) => [name, stationLookup(named.get(name) ?? [], scope)]));
  }

  async function resolvePartners(names: string[], scope: DataScope) {
    const resolved = new Map<string, Lookup<string>>();
    for (const name of names) {
      const found = await deps.partners.findPartnersByName(name, scope);
      resolved.set(
        name,
        found.length === 1
          ? { found: (found[0] as { id: string }).id }
          : { problem: found.length === 0 ? 'unknown' : 'ambiguous' },
      );
    }
    return resolved;
  }

  /** The contract's checks of each row; the survivors become candidates. */
  function checkRows(rows: SpreadsheetRow<VolunteerSheetValues>[], problems: SpreadsheetProblems) {
    const candidates: Candidate[] = [];
    for (const { row, values } of rows) {
      const { station, partner, ...fields } = values;
      const parsed = newVolunteerSchema.safeParse({ ...fields, phone: fields.phone ?? null });
      if (!parsed.success) {
        problems.addIssues(row, parsed.error.issues, (field) =>
          contractColumns.has(field) ? field : null,
        );
        continue;
      }
      const volunteer = parsed.data;
      const sealed = deps.personalFields.seal('phone', volunteer.phone);
      candidates.push({
        row,
        phone: volunteer.phone,
        record: {
          kind: volunteer.kind,
          name: volunteer.name,
          recruitedByPartnerId: null,
          stationId: null,
          phoneCipher: sealed.cipher,
          phoneIndex: sealed.index,
          skills: volunteer.skills,
          languages: volunteer.languages,
          availability: {},
          joinedOn: volunteer.joinedOn,
          status: volunteer.status,
          notes: volunteer.notes,
        },
        ...(station ? { stationName: station } : {}),
        ...(partner ? { partnerName: partner } : {}),
      });
    }
    return candidates;
  }

  /** Station and partner by name, then the managing organization the station implies. */
  async function place(
    candidates: Candidate[],
    problems: SpreadsheetProblems,
    origin: RequestOrigin,
  ): Promise<Array<{ row: number; record: PreparedVolunteer }>> {
    const scope = scopeOf(origin);
    const distinct = (names: Array<string | undefined>) => [
      ...new Set(names.filter((name): name is string => Boolean(name))),
    ];
    const stations = await resolveStations(distinct(candidates.map((c) => c.stationName)), scope);
    const partners = await resolvePartners(distinct(candidates.map((c) => c.partnerName)), scope);
    const managers = new Map<string, Organization | undefined>();
    const placed: Array<{ row: number; record: PreparedVolunteer }> = [];
    for (const candidate of candidates) {
      const { row, stationName, partnerName } = candidate;
      const station = stationName ? stations.get(stationName) : undefined;
      if (station && 'problem' in station) {
        const key =
          station.problem === 'unknown'
            ? 'spreadsheet.volunteer.station_unknown'
            : station.problem === 'ambiguous'
              ? 'spreadsheet.volunteer.station_ambiguous'
              : station.problem;
        problems.add(row, 'station', key, { name: stationName ?? '' });
      }
      const partner = partnerName ? partners.get(partnerName) : undefined;
      if (partner && 'problem' in partner) {
        problems.add(row, 'partner', `spreadsheet.volunteer.partner_${partner.problem}`, {
          name: partnerName ?? '',
        });
      }
      if (problems.has(row)) continue;
      const stationOrganization = station && 'found' in station ? station.found : null;
      const managerKey = stationOrganization?.id ?? '';
      if (!managers.has(managerKey)) {
        managers.set(managerKey, await placement.defaultManager(stationOrganization, origin));
      }
      const manager = managers.get(managerKey);
      if (!manager) {
        problems.add(row, 'station', 'volunteer.managing_organization.required');
        continue;
      }
      placed.push({
        row,
        record: {
          ...candidate.record,
          stationId: stationOrganization?.id ?? null,
          recruitedByPartnerId: partner && 'found' in partner ? partner.found : null,
          organizationId: manager.id,
          divisionCode: manager.divisionCode,
        },
      });
    }
    return placed;
  }

  /** One phone per managing organization: against the database, then against earlier rows. */
  async function checkPhones(
    placed: Array<{ row: number; record: PreparedVolunteer }>,
    problems: SpreadsheetProblems,
  ) {
    const withPhone = placed.filter((entry) => entry.record.phoneIndex);
    const registered = await store.registeredPhones(
      [...new Set(withPhone.map((entry) => entry.record.organizationId))],
      [...new Set(withPhone.map((entry) => entry.record.phoneIndex as string))],
    );
    const firstRow = new Map<string, number>();
    for (const { row, record } of withPhone) {
      const key = `${record.organizationId}:${record.phoneIndex}`;
      const earlier = firstRow.get(key);
      if (registered.has(key)) problems.add(row, 'phone', 'volunteer.phone_taken');
      else if (earlier !== undefined) {
        problems.add(row, 'phone', 'spreadsheet.volunteer.phone_in_file', { row: earlier });
      } else firstRow.set(key, row);
    }
  }

  const importer: SpreadsheetImporter<VolunteerSheetValues, PreparedVolunteer> = {
    async prepare(rows, problems, context) {
      const candidates = checkRows(rows, problems);
      const placed = await place(candidates, problems, context.origin);
      await checkPhones(placed, problems);
      return placed.filter((entry) => !problems.has(entry.row));
    },

    async write(records, context, summary) {
      await store.insertAudited(records, {
        origin: context.origin,
        action: 'volunteer.import',
        objectType: 'volunteer',
        outcome: 'success',
        detail: {
          mode: context.mode,
          rows: summary.rows,
          imported: records.length,
          invalidRows: summary.invalidRows,
          sha256: context.file.sha256,
          bytes: context.file.bytes,
        },
      });
      return records.length;
    },
  };

  const exporter: SpreadsheetExporter<VolunteerFilters, Volunteer> = {
    query: volunteerExportQuerySchema,
    async rows(filters, { origin, limit }) {
      const scope = scopeOf(origin);
      const phoneIndex = deps.personalFields.phoneIndexOfQuery(filters.q);
      const rows = await store.listAllVolunteers(filters, scope, phoneIndex, limit);
      const unmasked = deps.personalFields.mayUnmask(origin);
      if (unmasked && rows.some((row) => row.phoneCipher)) {
        await deps.personalFields.recordUnmaskedExport({
          origin,
          objectType: 'volunteer',
          fields: ['phone'],
          rows: rows.length,
        });
      }
      return rows.map((row) => presentVolunteer(row, deps.personalFields, unmasked));
    },
  };

  return {
    basePath: '/api/volunteers',
    tags: ['volunteers'],
    access: { import: 'volunteers.manage', export: 'volunteers.read' },
    definition: volunteerSheet,
    auditEntity: 'volunteer',
    audit: (event) => deps.audit.record(event),
    fileName: '志愿者',
    asciiName: 'volunteers',
    importer,
    exporter,
  };
}
