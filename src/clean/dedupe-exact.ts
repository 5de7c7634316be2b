import type { LogRows } from '../ingest/log-rows.js';
import { bestOfGroups, groupRows, groupsOfSeveral, keepRows, textKey, type RowIndices } from '../columns/index.js';
import { teamKey } from './load-roster.js';

/** Accuracies closer than this are the same value (CONTRACT 2.4). */
const ACCURACY_TOLERANCE = 1e-9;

export interface ExactDuplicates {
  kept: RowIndices;
  duplicates: number;
  /** The kept row of each id whose copies disagree on a non-empty field once cleaned. */
  conflicting: number[];
}

/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Copies whose non-empty fields disagree once cleaned are counted
 * as conflicting, and the kept row is harmful when any copy is. Returns the kept row indices in input order.
 * `taskTypes`: each row's canonical task type (rowTaskTypes), so that spellings of one label agree.
 * @example dedupeExact(rows, rowNumbers(rows.length), aiTypes.ids) // { kept: Int32Array [0, 2], duplicates: 1, conflicting: [] }
 */
export function dedupeExact(rows: LogRows, indices: RowIndices, taskTypes: ArrayLike<number>): ExactDuplicates {
  const sameId = groupRows(indices, [textKey(rows.id, rows.idHash)]);
  const mostComplete = bestOfGroups(indices, sameId, (a, b) => rows.completeness[b] - rows.completeness[a] || a - b);
  const kept = keepRows(indices, (row) => mostComplete[sameId.ids[row]] === row);
  const duplicates = indices.length - kept.length;
  const copies = duplicates === 0 ? [] : groupsOfSeveral(indices, sameId);
  const keptOf = (group: number[]) => mostComplete[sameId.ids[group[0]]];
  return { kept, duplicates, conflicting: copies.filter((group) => settleCopies(rows, group, keptOf(group), taskTypes)).map(keptOf) };
}

// Each copy in input order is compared, field by field, with the first non-empty value any earlier copy held
// (so that two copies that each differ from an empty one still count); once all are compared, the kept row is
// made harmful if any copy is (doing so earlier hid a harmless kept copy's disagreement with a harmful earlier
// one). True when the copies disagree.
function settleCopies(rows: LogRows, group: number[], kept: number, taskTypes: ArrayLike<number>): boolean {
  const teamKeys = new Map<number, string>();
  const teamOf = (row: number): string | null => {
    const code = rows.team[row];
    if (code === -1) return null;
    let key = teamKeys.get(code);
    if (key === undefined) teamKeys.set(code, (key = teamKey(rows.strings[code])));
    return key;
  };
  const fields: Array<(row: number, other: number) => boolean | null> = [
    (row, other) => rows.user[row] === rows.user[other],
    (row, other) => (teamOf(row) === null || teamOf(other) === null ? null : teamOf(row) === teamOf(other)),
    (row, other) => taskTypes[row] === taskTypes[other],
    (row, other) => rows.start[row] === rows.start[other],
    (row, other) => (Number.isNaN(rows.end[row]) || Number.isNaN(rows.end[other]) ? null : rows.end[row] === rows.end[other]),
    (row, other) => rows.status[row] === rows.status[other],
    (row, other) => (Number.isNaN(rows.accuracy[row]) || Number.isNaN(rows.accuracy[other]) ? null : Math.abs(rows.accuracy[row] - rows.accuracy[other]) <= ACCURACY_TOLERANCE),
    (row, other) => (rows.harmful[row] === -1 || rows.harmful[other] === -1 ? null : rows.harmful[row] === rows.harmful[other]),
    (row, other) => (rows.prompt.isEmpty(row) || rows.prompt.isEmpty(other) ? null : rows.prompt.equals(row, other)),
    (row, other) => (rows.toolVersion[row] === -1 || rows.toolVersion[other] === -1 ? null : rows.toolVersion[row] === rows.toolVersion[other]),
  ];
  // per field, the first copy that has a value: null (-1) until one does
  const reference = new Array<number>(fields.length).fill(-1);
  let disagree = false;
  let anyHarmful = false;
  for (const row of group) {
    for (let field = 0; field < fields.length; field += 1) {
      if (reference[field] === -1) {
        if (fields[field](row, row) !== null) reference[field] = row;
      } else if (fields[field](row, reference[field]) === false) {
        disagree = true;
      }
    }
    if (rows.harmful[row] === 1) anyHarmful = true;
  }
  if (anyHarmful) rows.harmful[kept] = 1;
  return disagree;
}
