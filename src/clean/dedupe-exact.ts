import type { LogRows } from '../ingest/log-rows.js';
import { groupRows, keepRows, textKey } from '../columns/index.js';
import { teamKey } from './load-roster.js';

/** Accuracies closer than this are the same value (CONTRACT 2.4). */
const ACCURACY_TOLERANCE = 1e-9;

export interface ExactDuplicates {
  kept: Int32Array;
  duplicates: number;
  /** Ids whose copies disagree on a non-empty field once cleaned. */
  conflicting: number;
}

/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Copies whose non-empty fields disagree once cleaned are counted
 * as conflicting, and the kept row is harmful when any copy is. Returns the kept row indices in input order.
 * `taskTypes`: each row's canonical task type (rowTaskTypes), so that spellings of one label agree.
 * @example dedupeExact(rows, rowNumbers(rows.length), aiTypes.ids) // { kept: Int32Array [0, 2], duplicates: 1, conflicting: 0 }
 */
export function dedupeExact(rows: LogRows, indices: Int32Array, taskTypes: Int32Array): ExactDuplicates {
  // Rows with the same id share a number (hashes computed while reading), and the winner is kept per number.
  const { ids: numberOf, count } = groupRows(indices, [textKey(rows.id, rows.idHash)]);
  const winner = new Int32Array(count).fill(-1);
  for (let slot = 0; slot < indices.length; slot += 1) {
    const index = indices[slot];
    const number = numberOf[index];
    if (winner[number] === -1 || rows.completeness[index] > rows.completeness[winner[number]]) winner[number] = index;
  }
  const kept = keepRows(indices, (index) => winner[numberOf[index]] === index);
  const duplicates = indices.length - kept.length;
  return { kept, duplicates, conflicting: duplicates === 0 ? 0 : settleConflicts(rows, indices, numberOf, winner, taskTypes) };
}

// Only the ids that repeat are looked at again: each copy is compared, field by field, with the first
// non-empty value any earlier copy held (so that two copies that each differ from an empty one still
// count), and a harmful copy makes the kept row harmful.
function settleConflicts(rows: LogRows, indices: Int32Array, numberOf: Int32Array, winner: Int32Array, taskTypes: Int32Array): number {
  const copies = new Int32Array(winner.length);
  for (let slot = 0; slot < indices.length; slot += 1) copies[numberOf[indices[slot]]] += 1;
  const rowsOf = new Map<number, number[]>();
  for (let slot = 0; slot < indices.length; slot += 1) {
    const index = indices[slot];
    const number = numberOf[index];
    if (copies[number] < 2) continue;
    let group = rowsOf.get(number);
    if (!group) rowsOf.set(number, (group = []));
    group.push(index);
  }
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
  let conflicting = 0;
  for (const [number, group] of rowsOf) {
    // per field, the first copy that has a value: null (-1) until one does
    const reference = new Array<number>(fields.length).fill(-1);
    let disagree = false;
    for (const row of group) {
      for (let field = 0; field < fields.length; field += 1) {
        if (reference[field] === -1) {
          if (fields[field](row, row) !== null) reference[field] = row;
        } else if (fields[field](row, reference[field]) === false) {
          disagree = true;
        }
      }
      if (rows.harmful[row] === 1) rows.harmful[winner[number]] = 1;
    }
    if (disagree) conflicting += 1;
  }
  return conflicting;
}
