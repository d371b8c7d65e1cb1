import { randomUUID } from 'node:crypto';
import type { Organization } from '../../../contracts/organizations.js';
import type {
  NewPractitionerData,
  Practitioner,
  PractitionerFilters,
} from '../../../contracts/practitioners.js';
import {
  newPractitionerSchema,
  practitionerFiltersSchema,
} from '../../../contracts/practitioners.js';
import {
  legalSpecialties,
  licenceTypes,
  practitionerKinds,
  practitionerStatuses,
  serviceLanguages,
} from '../../../contracts/values.js';
import {
  legalSpecialtyLabels,
  serviceLanguageLabels,
} from '../../../contracts/expertise.labels.js';
import {
  licenceTypeLabels,
  practitionerKindLabels,
  practitionerStatusLabels,
} from '../../../contracts/practitioners.labels.js';
import type { DataScope } from '../../platform/access/actor.js';
import type { PersonalFields } from '../../platform/crypto/personal-fields.js';
import type { AuditRecorder } from '../../platform/writes/audit-event.js';
import { todayInShanghai } from '../../platform/time.js';
import {
  choicesOf,
  defineSpreadsheet,
  type SpreadsheetDefinition,
  type SpreadsheetExporter,
  type SpreadsheetImporter,
  type SpreadsheetList,
  type SpreadsheetProblems,
  type SpreadsheetValues,
} from '../../platform/files/spreadsheet/index.js';
import type { OrganizationService } from '../organizations/organizations.service.js';
import type { PractitionerService } from './practitioners.service.js';
import {
  licenceFactProblems,
  phoneColumnsOf,
  presentPractitioner,
  searchWithPhoneIndex,
} from './practitioners.rules.js';
import { scopeOf } from '../../platform/access/scope.js';

// ---- The sheet: Chinese headers and labels, as the bureau's staff write them ----

export const practitionerSheet = defineSpreadsheet<Practitioner>()({
  sheetName: '从业人员',
  instructions: [
    '从业人员导入：律师、基层法律服务工作者、人民调解员、法律援助工作人员、司法行政工作人员。',
    '“所在机构”填写本辖区内已登记机构的全称；找不到或有重名的行会被标出。',
    '律师执业证号为 17 位数字（以 1 开头）；证件类型为“无”时执业证号留空。',
  ],
  columns: [
    {
      key: 'name',
      header: '姓名',
      kind: 'text',
      required: true,
      example: '张明',
      value: (p) => p.name,
    },
    {
      key: 'kind',
      header: '人员类别',
      kind: 'choice',
      required: true,
      choices: choicesOf(practitionerKinds, practitionerKindLabels['zh-CN'], {
        mediator: ['调解员'],
        legal_aid_staff: ['法援工作人员'],
        bureau_staff: ['司法所工作人员', '司法局工作人员'],
      }),
      value: (p) => p.kind,
    },
    {
      key: 'organization',
      header: '所在机构',
      kind: 'text',
      required: true,
      note: '本辖区内已登记机构的全称',
      example: '江苏常武律师事务所',
      width: 30,
      value: (p) => p.organizationName,
    },
    {
      key: 'division',
      header: '所在区划',
      kind: 'text',
      importable: false,
      value: (p) => p.divisionName,
    },
    {
      key: 'licenceType',
      header: '执业证类型',
      kind: 'choice',
      note: '律师须持律师类证件；没有证件填“无”或留空',
      choices: choicesOf(licenceTypes, licenceTypeLabels['zh-CN'], {
        full_time_lawyer: ['专职律师'],
        part_time_lawyer: ['兼职律师'],
        government_lawyer: ['公职律师'],
        company_lawyer: ['公司律师'],
        legal_aid_lawyer: ['法律援助律师'],
        grassroots_legal_worker: ['基层法律服务工作者证'],
        mediator_certificate: ['调解员证'],
        none: ['无证'],
      }),
      value: (p) => p.licenceType,
    },
    {
      key: 'licenceNumber',
      header: '执业证号',
      kind: 'text',
      note: '律师执业证号为 17 位数字',
      example: '13204201510123456',
      width: 22,
      value: (p) => p.licenceNumber,
    },
    {
      key: 'practisingSince',
      header: '执业起始日期',
      kind: 'date',
      value: (p) => p.practisingSince,
    },
    {
      key: 'joinedOn',
      header: '加入本机构日期',
      kind: 'date',
      note: '留空为导入当天；作为调动记录的第一条',
    },
    {
      key: 'specialties',
      header: '业务专长',
      kind: 'choices',
      width: 30,
      choices: choicesOf(legalSpecialties, legalSpecialtyLabels['zh-CN']),
      value: (p) => p.specialties,
    },
    {
      key: 'languages',
      header: '服务语言',
      kind: 'choices',
      choices: choicesOf(serviceLanguages, serviceLanguageLabels['zh-CN'], {
        wu_dialect: ['常州话', '吴语'],
      }),
      value: (p) => p.languages,
    },
    {
      key: 'phone',
      header: '手机号码',
      kind: 'text',
      note: '11 位手机号码；导出时按权限显示',
      example: '13800000000',
      width: 16,
      value: (p) => p.phone,
    },
    {
      key: 'status',
      header: '执业状态',
      kind: 'choice',
      note: '留空为“执业中”',
      choices: choicesOf(practitionerStatuses, practitionerStatusLabels['zh-CN'], {
        practising: ['在职', '正常', '执业'],
        suspended: ['暂停'],
        left: ['离职', '已调离'],
      }),
      value: (p) => p.status,
    },
  ],
});

type SheetColumns = typeof practitionerSheet extends SpreadsheetDefinition<infer C> ? C : never;
export type PractitionerSheetValues = SpreadsheetValues<SheetColumns>;

// ---- Import and export ----

/** A row found valid: what gets written, with the organization resolved. */
export interface PreparedPractitioner {
  data: Omit<NewPractitionerData, 'joinedOn'>;
  divisionCode: string;
  joinedOn: string;
}

export interface PractitionerSpreadsheetDependencies {
  practitioners: Pick<PractitionerService, 'spreadsheetStore'>;
  organizations: Pick<OrganizationService, 'findByNamesInScope'>;
  personalFields: PersonalFields;
  audit: AuditRecorder;
  /** The clock for "not in the future" checks; a fixed one in tests. */
  now?: () => Date;
}

/** The sheet column of a contract field (the organization is named, not given by id). */
const columnOf = (field: string) => (field === 'organizationId' ? 'organization' : field);
const unresolvedOrganization = '00000000-0000-4000-8000-000000000000';

/** What a name in the 所在机构 column means in the importer's jurisdiction. */
type OrganizationMatch =
  { organization: Organization } | { problem: string; params?: Record<string, string | number> };

/** The one open organization a name stands for, or why there is none. */
function organizationMatch(name: string, found: Organization[]): OrganizationMatch {
  const [only] = found;
  if (!only) return { problem: 'practitioner.import.organization_unknown', params: { name } };
  if (found.length > 1) {
    const places = found.map((organization) => organization.divisionName).join('、');
    return { problem: 'practitioner.import.organization_ambiguous', params: { name, places } };
  }
  if (only.status === 'closed') return { problem: 'practitioner.organization.closed' };
  return { organization: only };
}

/**
 * `GET /api/practitioners/import/template` and `POST /api/practitioners/import` for holders of
 * practitioners.manage; `GET /api/practitioners/export` (the list's filters, the caller's
 * jurisdiction, phones masked unless the caller may unmask) for holders of practitioners.read.
 */
export function practitionersSpreadsheet(
  deps: PractitionerSpreadsheetDependencies,
): SpreadsheetList<SheetColumns, PreparedPractitioner, PractitionerFilters, Practitioner> {
  const { personalFields, audit, organizations } = deps;
  const store = deps.practitioners.spreadsheetStore;
  const now = deps.now ?? (() => new Date());

  /** What each name means among the jurisdiction's organizations (several divisions may share one). */
  async function matchOrganizations(
    names: Set<string>,
    scope: DataScope,
  ): Promise<Map<string, OrganizationMatch>> {
    const named = await organizations.findByNamesInScope([...names], scope);
    return new Map(
      [...names].map((name) => [name, organizationMatch(name, named.get(name) ?? [])]),
    );
  }

  /** Checks one row with the contract and the licence rules; null when it has problems. */
  function prepareRow(
    row: number,
    values: PractitionerSheetValues,
    organization: Organization | undefined,
    problems: SpreadsheetProblems,
    today: string,
  ): PreparedPractitioner | null {
    const parsed = newPractitionerSchema.safeParse({
      kind: values.kind,
      name: values.name,
      // An unresolved organization is already reported; a stand-in lets the other cells be checked.
      organizationId: organization?.id ?? unresolvedOrganization,
      licenceType: values.licenceType,
      licenceNumber: values.licenceNumber ?? null,
      practisingSince: values.practisingSince ?? null,
      specialties: values.specialties,
      languages: values.languages,
      phone: values.phone ?? null,
      status: values.status,
      joinedOn: values.joinedOn,
    });
    if (!parsed.success) {
      // A blank or unreadable cell was already reported by the reader: report only the cells read.
      const read = new Set(Object.keys(values));
      const issues = parsed.error.issues.filter((issue) =>
        read.has(columnOf(String(issue.path[0]))),
      );
      problems.addIssues(row, issues, columnOf);
      return null;
    }
    const { joinedOn, ...data } = parsed.data;
    for (const problem of licenceFactProblems(data, today)) {
      problems.add(row, problem.field, problem.message, problem.params);
    }
    if (joinedOn && joinedOn > today) problems.add(row, 'joinedOn', 'practitioner.date.future');
    if (problems.has(row) || !organization) return null;
    return { data, divisionCode: organization.divisionCode, joinedOn: joinedOn ?? today };
  }

  /** Licence numbers must be new: not registered already, and not twice in the file. */
  async function checkLicenceNumbers(
    prepared: Array<{ row: number; record: PreparedPractitioner }>,
    problems: SpreadsheetProblems,
  ) {
    const numbers = prepared.flatMap(({ record }) => record.data.licenceNumber ?? []);
    const taken = await store.findTakenLicenceNumbers(numbers);
    const firstRow = new Map<string, number>();
    for (const { row, record } of prepared) {
      const number = record.data.licenceNumber;
      if (!number) continue;
      const earlier = firstRow.get(number);
      if (taken.has(number))
        problems.add(row, 'licenceNumber', 'practitioner.licence_number.taken');
      else if (earlier !== undefined) {
        problems.add(row, 'licenceNumber', 'practitioner.import.licence_repeated', {
          row: earlier,
        });
      } else firstRow.set(number, row);
    }
  }

  const importer: SpreadsheetImporter<PractitionerSheetValues, PreparedPractitioner> = {
    async prepare(rows, problems, context) {
      const scope = scopeOf(context.origin);
      const names = new Set(rows.flatMap(({ values }) => values.organization ?? []));
      const matches = await matchOrganizations(names, scope);
      const today = todayInShanghai(now());
      const prepared: Array<{ row: number; record: PreparedPractitioner }> = [];
      for (const { row, values } of rows) {
        const match = values.organization ? matches.get(values.organization) : undefined;
        if (match && 'problem' in match)
          problems.add(row, 'organization', match.problem, match.params);
        const organization = match && 'organization' in match ? match.organization : undefined;
        const record = prepareRow(row, values, organization, problems, today);
        if (record) prepared.push({ row, record });
      }
      await checkLicenceNumbers(prepared, problems);
      return prepared;
    },

    async write(records, context, summary) {
      const recordedBy = context.origin.actor?.accountId ?? null;
      const rows = records.map(({ data, divisionCode }) => {
        const { phone, ...facts } = data;
        return {
          id: randomUUID(),
          ...facts,
          divisionCode,
          ...phoneColumnsOf(personalFields, phone),
        };
      });
      const moves = rows.map((row, index) => ({
        practitionerId: row.id,
        fromOrganizationId: null,
        toOrganizationId: row.organizationId,
        movedOn: records[index]!.joinedOn,
        recordedBy,
      }));
      const event = {
        origin: context.origin,
        action: 'practitioner.import' as const,
        objectType: 'practitioner',
        outcome: 'success' as const,
        detail: {
          mode: context.mode,
          rows: summary.rows,
          invalidRows: summary.invalidRows,
          imported: rows.length,
          sha256: context.file.sha256,
        },
      };
      await store.insertAudited(rows, moves, event);
      return rows.length;
    },
  };

  const exporter: SpreadsheetExporter<PractitionerFilters, Practitioner> = {
    query: practitionerFiltersSchema,
    /** Phones are exported in full only to holders of personal_data.unmask, and that is audited. */
    async rows(filters, { origin, limit }) {
      const records = await store.listAll(
        searchWithPhoneIndex(personalFields, filters),
        scopeOf(origin),
        limit,
      );
      const unmask = personalFields.mayUnmask(origin);
      if (unmask && records.some((record) => record.phoneCipher)) {
        await personalFields.recordUnmaskedExport({
          origin,
          objectType: 'practitioner',
          fields: ['phone'],
          rows: records.length,
        });
      }
      return records.map((record) => presentPractitioner(record, personalFields, unmask));
    },
  };

  return {
    basePath: '/api/practitioners',
    tags: ['practitioners'],
    access: { import: 'practitioners.manage', export: 'practitioners.read' },
    definition: practitionerSheet,
    auditEntity: 'practitioner',
    audit: (event) => audit.record(event),
    fileName: '从业人员',
    asciiName: 'practitioners',
    importer,
    exporter,
  };
}
