import { isoWeekOf } from '../util/iso-week.js';
import { readMeta } from './open-store.js';
import type { StoreEngine } from './store-engine.js';

/** What `uptake store info` reports. */
export interface StoreInfo {
  store: string;
  engine: StoreEngine['kind'];
  /** ISO weeks holding a cleaned task (report time zone), first and last, and how many. */
  weeks: { first: string; last: string; count: number } | null;
  tasks: number;
  quarantined: number;
  /** Input files in the ledger, by kind, and the rows they held. */
  files: Record<string, { files: number; rows: number }>;
  sizeBytes: number;
  contract: string | null;
  lastRunAt: string | null;
}

/** Every time zone's offset is a multiple of 15 minutes: a quarter hour lies in one week of any zone. */
const QUARTER_HOUR_MS = 900_000;

/**
 * Counts what the store holds, with SQL in the store (no task is loaded into memory).
 * @example await storeInfo(engine, 'UTC') // { weeks: { first: '2026-W40', last: '2026-W47', count: 8 }, tasks: 5400, ... }
 */
export async function storeInfo(engine: StoreEngine, timezone: string): Promise<StoreInfo> {
  const meta = await readMeta(engine);
  const [counts] = await engine.all('SELECT count(*) AS tasks, min(started_at) AS first, max(started_at) AS last FROM store_tasks');
  // the store groups the tasks by quarter hour (a few thousand a year); each quarter hour's week is looked up here
  const quarters = await engine.all(`SELECT DISTINCT CAST(floor(started_at / ${QUARTER_HOUR_MS}.0) AS BIGINT) AS quarter FROM store_tasks`);
  const weeks = new Set(quarters.map(({ quarter }) => isoWeekOf(Number(quarter) * QUARTER_HOUR_MS, timezone)));
  const [quarantine] = await engine.all('SELECT count(*) AS rows FROM store_quarantine');
  const files: StoreInfo['files'] = {};
  for (const row of await engine.all('SELECT kind, count(*) AS files, sum(rows) AS rows FROM store_files GROUP BY kind ORDER BY kind')) {
    files[String(row.kind)] = { files: Number(row.files), rows: Number(row.rows) };
  }
  const tasks = Number(counts.tasks);
  const sorted = [...weeks].sort();
  return {
    store: engine.location,
    engine: engine.kind,
    weeks: tasks === 0 ? null : { first: sorted[0], last: sorted[sorted.length - 1], count: sorted.length },
    tasks,
    quarantined: Number(quarantine.rows),
    files,
    sizeBytes: await engine.sizeBytes(),
    contract: meta.contract ?? null,
    lastRunAt: meta.as_of ? new Date(Number(meta.as_of)).toISOString() : null,
  };
}
