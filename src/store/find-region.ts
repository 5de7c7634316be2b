import type { StoreEngine } from './store-engine.js';

/** store_rows.state: a row as last cleaned, a row of a file gone or changed (the rows of the files a run reads are in run_fresh). */
export const ROW_STATE = { kept: 0, gone: 2 } as const;

/** Before every start: a pair cleaned again from the beginning of time. */
const BEGINNING = -1e300;

/** The rows of the region in the new state, by file: what the rules must see again. */
export interface Region {
  /** The region's earliest T (min over its pairs: a start in epoch ms, or the beginning of time), a bound for IN_REGION. */
  floor: number;
  /** Pairs (source, user, task type) whose rows from some start on are cleaned again. */
  pairs: number;
  /** Kept rows of the new state the region holds (the fresh files' rows are all in it). */
  rows: Array<{ file: string; ordinal: number }>;
  /** Stored rows outside the region (kept as cleaned). */
  keptRows: number;
}

const PAIR = (a: string, b: string) => `${a}.source = ${b}.source AND ${a}.user_id = ${b}.user_id AND ${a}.task_type = ${b}.task_type`;
/**
 * SQL: the row `row` (a table or alias of store_rows or store_tasks) lies in the region (run_region). `floor`,
 * the region's earliest T, restates the pair's bound for every row at once, so that the database skips the
 * blocks of older rows by their start (the store's rows and tasks are written in time order, file by file).
 */
export const IN_REGION = (row: string, floor: number) =>
  `(${row}.started_at >= ${sqlNumber(floor)} AND EXISTS (SELECT 1 FROM run_region g WHERE ${PAIR('g', row)} AND ${row}.started_at >= g.t))`;

// A number as an SQL literal (a start in epoch ms, or the beginning of time); nothing else is ever inlined.
function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`expected a finite number, got ${value}`);
  return String(value);
}

// The cross-row rules (CONTRACT 2.4-2.6) join rows only within a (source, user, canonical task type) pair,
// in start order, and across pairs only through a shared id. A pair cleaned again from a time T on gives
// the tasks a full clean gives if no row before T can join a row from T on: no retry or stitch reaches T
// from before it (rule a) and no id has copies on both sides (rule b). Both rules only pull T back, so the
// loop ends; the region is the same in the old state and the new, so deleting its old tasks and rows and
// writing its new ones leaves the store as a full clean would.
/**
 * Finds the region to clean again in store_rows (the replaced files' rows marked `gone`), run_fresh (the rows
 * of the files the run reads: FRESH_ROW_COLUMNS) and run_labels (the new canonical labels): seeds are the fresh
 * and gone rows and every pair of a label whose canonical form changed; `reachMs` is the longest retry or stitch
 * window. Leaves run_region (source, user_id, task_type, t) for the writes that follow. `kept`: the stored rows
 * kept before the run.
 * @example const region = await findRegion(engine, 600_000, 871_464)
 */
export async function findRegion(engine: StoreEngine, reachMs: number, kept: number): Promise<Region> {
  const double = engine.sqlType('double');
  await engine.run('DROP TABLE IF EXISTS run_region');
  await engine.run(`CREATE TEMP TABLE run_region (source ${engine.sqlType('text')}, user_id ${engine.sqlType('text')}, task_type ${engine.sqlType('text')}, t ${double})`);
  // (every statement after the search looks rows up in it by their pair)
  await engine.index('run_region', ['user_id', 'task_type', 'source']);
  // seeds: every row of a file read in this run or gone from it, from its pair's earliest such row
  let seeded = await pullBack(
    engine,
    `SELECT source, user_id, task_type, min(started_at) AS t FROM (
       SELECT source, user_id, task_type, started_at FROM store_rows WHERE state <> ${ROW_STATE.kept} UNION ALL SELECT source, user_id, task_type, started_at FROM run_fresh
     ) seeds GROUP BY source, user_id, task_type`,
  );
  // a label whose canonical form changed: the pairs of its stored rows, old and new, from the beginning. Every
  // kept row of a label carries the canonical form of the last run (store_labels): a change re-cleans all its
  // pairs. So the labels to look for are found among the labels, and rows are searched only when one changed.
  const changed = await engine.all('SELECT l.label FROM run_labels l JOIN store_labels s ON s.raw = l.label WHERE s.canonical <> l.canonical');
  if (changed.length > 0) {
    seeded += await pullBack(
      engine,
      `SELECT r.source, r.user_id, r.task_type, CAST(${BEGINNING} AS ${double}) AS t FROM store_rows r JOIN run_labels l ON l.label = r.label WHERE r.state = ${ROW_STATE.kept} AND l.canonical <> r.task_type
       UNION ALL SELECT r.source, r.user_id, l.canonical, CAST(${BEGINNING} AS ${double}) FROM store_rows r JOIN run_labels l ON l.label = r.label WHERE r.state = ${ROW_STATE.kept} AND l.canonical <> r.task_type`,
    );
  }
  // nothing read, gone or relabelled: no region, and no statement over the stored rows
  for (let moved = seeded > 0; moved; ) {
    // (a) a row before T whose retry or stitch window reaches T (a fresh row is never before its pair's T: its pair is seeded from it on)
    const reached = await pullBack(
      engine,
      `SELECT r.source, r.user_id, r.task_type, min(r.started_at) AS t FROM store_rows r JOIN run_region g ON ${PAIR('g', 'r')}
       WHERE r.source = 'ai_logs' AND r.last_at >= ${sqlNumber(Math.max(BEGINNING, (await regionBounds(engine)).floor - reachMs))} AND r.started_at < g.t AND r.last_at + ${Number(reachMs)} >= g.t
       GROUP BY r.source, r.user_id, r.task_type`,
    );
    // (b) every copy of an id the region holds, from its own pair's view (every fresh row is in the region, and
    // adds nothing as a copy: its pair is seeded from it on)
    const { floor } = await regionBounds(engine);
    const copies = await pullBack(
      engine,
      `SELECT r.source, r.user_id, r.task_type, min(r.started_at) AS t FROM store_rows r
       JOIN (SELECT x.source, x.id FROM store_rows x WHERE ${IN_REGION('x', floor)} UNION SELECT source, id FROM run_fresh) ids ON ids.source = r.source AND ids.id = r.id
       GROUP BY r.source, r.user_id, r.task_type`,
    );
    moved = reached + copies > 0;
  }
  const { pairs, floor } = await regionBounds(engine);
  const rows = pairs === 0 ? [] : await engine.all(`SELECT r.file, r.ordinal FROM store_rows r WHERE r.state = ${ROW_STATE.kept} AND ${IN_REGION('r', floor)}`);
  // every kept row is in the region or outside it
  return { floor, pairs, rows: rows.map((row) => ({ file: String(row.file), ordinal: Number(row.ordinal) })), keptRows: kept - rows.length };
}

// The region's pairs and earliest T as they stand (BEGINNING when empty: every bound then holds, and no pair matches).
async function regionBounds(engine: StoreEngine): Promise<{ pairs: number; floor: number }> {
  const [{ pairs, floor }] = await engine.all('SELECT count(*) AS pairs, min(t) AS floor FROM run_region');
  return { pairs: Number(pairs), floor: floor === null ? BEGINNING : Number(floor) };
}

// Candidates (source, user_id, task_type, t) that add a pair or move its T earlier; returns how many did.
async function pullBack(engine: StoreEngine, candidates: string): Promise<number> {
  await engine.run('DROP TABLE IF EXISTS run_moves');
  await engine.run(
    `CREATE TEMP TABLE run_moves AS SELECT c.source, c.user_id, c.task_type, min(c.t) AS t FROM (${candidates}) c
     WHERE NOT EXISTS (SELECT 1 FROM run_region g WHERE ${PAIR('g', 'c')} AND g.t <= c.t) GROUP BY c.source, c.user_id, c.task_type`,
  );
  const [{ moves }] = await engine.all('SELECT count(*) AS moves FROM run_moves');
  if (Number(moves) > 0) {
    await engine.run(`DELETE FROM run_region WHERE EXISTS (SELECT 1 FROM run_moves m WHERE ${PAIR('m', 'run_region')})`);
    await engine.run('INSERT INTO run_region SELECT source, user_id, task_type, t FROM run_moves');
  }
  await engine.run('DROP TABLE run_moves');
  return Number(moves);
}
