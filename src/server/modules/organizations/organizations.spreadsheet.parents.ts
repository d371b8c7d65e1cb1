import type { SpreadsheetProblems } from '../../platform/files/spreadsheet/index.js';
import type { PreparedOrganization } from './organizations.spreadsheet.js';
import type { NamedOrganization } from './organizations.spreadsheet.repository.js';

/** A row that passed its own checks, waiting for its parent. */
export interface Candidate {
  row: number;
  record: PreparedOrganization;
  parentName?: string;
  /** The sheet row of the parent, when the parent is another row of the sheet. */
  parentRow?: number;
  depth: number;
}

interface ParentOption {
  id: string;
  divisionCode: string;
  row?: number;
}

/**
 * Of several organizations with the parent's name, the one whose division contains the row's
 * most closely (the bureau of the district above a township's station); none when that is not
 * exactly one.
 */
function closestParent(options: ParentOption[], divisionCode: string): ParentOption | undefined {
  if (options.length === 1) return options[0];
  let best: ParentOption | undefined;
  let bestLength = -1;
  let tie = false;
  for (const option of options) {
    if (!divisionCode.startsWith(option.divisionCode)) continue;
    const length = option.divisionCode.length;
    if (length > bestLength) {
      best = option;
      bestLength = length;
      tie = false;
    } else if (length === bestLength) tie = true;
  }
  return tie ? undefined : best;
}

/** The rows of the sheet by their own name: parents a row may name. */
function rowsByName(candidates: Candidate[]): Map<string, Candidate[]> {
  const inSheet = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = inSheet.get(candidate.record.name) ?? [];
    list.push(candidate);
    inSheet.set(candidate.record.name, list);
  }
  return inSheet;
}

/** Sets the row's parent among the stored organizations and the sheet's rows of that name. */
function chooseParent(
  candidate: Candidate,
  problems: SpreadsheetProblems,
  stored: Map<string, NamedOrganization[]>,
  inSheet: Map<string, Candidate[]>,
): void {
  const name = candidate.parentName;
  if (!name) return;
  const storedOptions = stored.get(name) ?? [];
  // A row repeating a stored organization (same name and division) is that organization.
  const sheetRows = (inSheet.get(name) ?? []).filter(
    (other) =>
      other !== candidate &&
      !storedOptions.some((found) => found.divisionCode === other.record.divisionCode),
  );
  const options: ParentOption[] = [
    ...storedOptions.map(({ id, divisionCode }) => ({ id, divisionCode })),
    ...sheetRows.map((other) => ({
      id: other.record.id,
      divisionCode: other.record.divisionCode,
      row: other.row,
    })),
  ];
  if (options.length === 0) {
    const self = candidate.record.name === name;
    problems.add(
      candidate.row,
      'parentName',
      self ? 'spreadsheet.organization.parent_self' : 'spreadsheet.organization.parent_unknown',
      { name },
    );
    return;
  }
  const parent = closestParent(options, candidate.record.divisionCode);
  if (!parent) {
    problems.add(candidate.row, 'parentName', 'spreadsheet.organization.parent_ambiguous', {
      name,
    });
    return;
  }
  candidate.record.parentId = parent.id;
  if (parent.row !== undefined) candidate.parentRow = parent.row;
}

/** Depth along parents within the sheet (parents are inserted first); a loop is a problem. */
function setDepths(candidates: Candidate[], problems: SpreadsheetProblems): void {
  const byRow = new Map(candidates.map((candidate) => [candidate.row, candidate]));
  for (const candidate of candidates) {
    const seen = new Set<number>([candidate.row]);
    let depth = 0;
    for (let at = candidate.parentRow; at !== undefined; at = byRow.get(at)?.parentRow) {
      if (seen.has(at)) {
        problems.add(candidate.row, 'parentName', 'spreadsheet.organization.parent_cycle');
        break;
      }
      seen.add(at);
      depth += 1;
    }
    candidate.depth = depth;
  }
}

/** A row whose parent row has problems cannot be written either (until nothing changes). */
function refuseRowsUnderRefusedRows(candidates: Candidate[], problems: SpreadsheetProblems): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const candidate of candidates) {
      const parentRow = candidate.parentRow;
      if (parentRow === undefined || problems.has(candidate.row) || !problems.has(parentRow)) {
        continue;
      }
      problems.add(candidate.row, 'parentName', 'spreadsheet.organization.parent_row', {
        name: candidate.parentName ?? '',
        row: parentRow,
      });
      changed = true;
    }
  }
}

/**
 * Sets each row's parent from `stored` (the organizations in scope with the parents' names, by
 * name) and the sheet's other rows, and its depth below the sheet's rows so that parents are
 * inserted first. Unknown, ambiguous and looping parents are problems, and so is a row whose
 * parent row has problems.
 */
export function placeParents(
  candidates: Candidate[],
  problems: SpreadsheetProblems,
  stored: Map<string, NamedOrganization[]>,
): void {
  const inSheet = rowsByName(candidates);
  for (const candidate of candidates) chooseParent(candidate, problems, stored, inSheet);
  setDepths(candidates, problems);
  refuseRowsUnderRefusedRows(candidates, problems);
}
