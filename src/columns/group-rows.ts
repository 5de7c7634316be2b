import { cachedIn } from './cached-in.js';
import { numberKeys } from './number-keys.js';
import { rowNumbers } from './keep-rows.js';

/** Strings by row: a TextColumn (compared in place) or an array. */
export type Texts = { length: number; at(row: number): string | null | undefined; equals?(row: number, other: number): boolean };

/** A column of strings to group by, with a 32-bit hash per row (computed while reading): hashes are compared first. */
export interface TextKey {
  texts: Texts;
  hashes: Int32Array;
}

/** A key to group by: a column of codes (equal codes are equal keys) or a TextKey. */
export type GroupKey = Int32Array | TextKey;

/** Per row the id of its group (-1 for rows left out), ids numbered from 0; `count` ids in all (at least 1). */
export interface Groups {
  ids: Int32Array;
  count: number;
}

/**
 * A key of strings compared by hash, then by value.
 * @example groupRows(kept, [textKey(rows.id, rows.idHash)])
 */
export function textKey(texts: Texts, hashes: Int32Array): TextKey {
  return { texts, hashes };
}

const pairsOf = new WeakMap<Int32Array, WeakMap<Int32Array, Groups>>();

// Rules group the same rows by the same codes (retries and stitching both by user and task type): codes are
// numbered over every row once and remembered; strings only over the rows asked for.
/**
 * Groups `indices` by several keys at once: rows share a group when every key is equal. Ids are dense
 * and say nothing of order (use orderWithinGroups). Rows outside `indices` may have any id.
 * @example groupRows(kept, [rows.user, taskTypes, textKey(rows.prompt, rows.promptHash)]) // { ids, count }
 */
export function groupRows(indices: Int32Array, keys: GroupKey[]): Groups {
  if (keys.length === 0) throw new Error('groupRows needs at least one key');
  const rows = keyLength(keys[0]);
  let groups: Groups | undefined;
  let next = 0;
  if (keys[0] instanceof Int32Array && keys[1] instanceof Int32Array) {
    groups = codePairs(keys[0], keys[1]);
    next = 2;
    while (keys[next] instanceof Int32Array) groups = codePairs(groups.ids, keys[next++] as Int32Array);
  } else if (keys[0] instanceof Int32Array) {
    const codes = keys[0];
    groups = keys.length === 1 ? numberKeys(indices, rows, (row) => codes[row], (row, other) => codes[row] === codes[other]) : { ids: codes, count: 0 };
    next = 1;
  }
  for (; next < keys.length; next += 1) {
    const key = keys[next];
    if (key instanceof Int32Array) throw new Error('groupRows takes keys of codes before keys of strings');
    groups = groups === undefined ? numberTexts(indices, rows, key) : numberIdsAndTexts(indices, rows, groups.ids, key);
  }
  return groups!;
}

function keyLength(key: GroupKey): number {
  return key instanceof Int32Array ? key.length : key.texts.length;
}

// (first, second) pairs of every row, once per pair of columns.
function codePairs(first: Int32Array, second: Int32Array): Groups {
  return cachedIn(cachedIn(pairsOf, second, () => new WeakMap()), first, () =>
    numberKeys(
      rowNumbers(first.length),
      first.length,
      (row) => Math.imul(first[row], 0x9e3779b1) ^ Math.imul(second[row], 0x85ebca77),
      (row, other) => first[row] === first[other] && second[row] === second[other],
    ));
}

function numberTexts(indices: Int32Array, rows: number, { texts, hashes }: TextKey): Groups {
  const equal = textEquality(texts);
  return numberKeys(indices, rows, (row) => hashes[row], (row, other) => hashes[row] === hashes[other] && equal(row, other));
}

// (group, text) in one numbering: the texts are never numbered on their own first.
function numberIdsAndTexts(indices: Int32Array, rows: number, ids: Int32Array, { texts, hashes }: TextKey): Groups {
  const equal = textEquality(texts);
  return numberKeys(
    indices,
    rows,
    (row) => Math.imul(ids[row], 0x9e3779b1) ^ hashes[row],
    (row, other) => ids[row] === ids[other] && hashes[row] === hashes[other] && equal(row, other),
  );
}

function textEquality(texts: Texts): (row: number, other: number) => boolean {
  return texts.equals ? (row, other) => texts.equals!(row, other) : (row, other) => texts.at(row) === texts.at(other);
}
