import type { Config } from '../config/schema.js';
import { sameCleaningSettings } from './store-settings.js';
import { readMeta } from './open-store.js';
import type { StoreEngine } from './store-engine.js';

/** What `uptake store info` reports. */
export interface StoreInfo {
  store: string;
  engine: StoreEngine['kind'];
  /** ISO weeks (report time zone) the stored rows start in, first and last, and how many. */
  weeks: { first: string; last: string; count: number } | null;
  /** Cleaned tasks of the last run (AI after stitching, manual after de-duplication). */
  tasks: number;
  quarantined: number;
  /** Input files in the ledger, by kind, and the rows they held. */
  files: Record<string, { files: number; rows: number }>;
  sizeBytes: number;
  contract: string | null;
  lastRunAt: string | null;
  /**
   * Whether the store was cleaned with the config's cleaning, timezone and inputLimits settings (false: a run with
   * that config asks for `uptake store rebuild`); null before any run, or without a config file to compare with.
   */
  sameCleaningConfig: boolean | null;
}

/**
 * Counts what the store holds from its ledger and settings (no stored row is loaded into memory), and whether it
 * was cleaned under the cleaning settings of `config` (a config file's; null: none to compare with).
 * @example await storeInfo(engine, config) // { weeks: { first: '2026-W40', last: '2026-W47', count: 8 }, tasks: 5400, ... }
 */
export async function storeInfo(engine: StoreEngine, config: Config | null): Promise<StoreInfo> {
  const meta = await readMeta(engine);
  const weeks = new Set<string>();
  for (const row of await engine.all('SELECT weeks FROM store_files WHERE weeks IS NOT NULL')) for (const week of String(row.weeks).split(',')) if (week) weeks.add(week);
  const [quarantine] = await engine.all('SELECT count(*) AS rows FROM store_quarantine');
  const files: StoreInfo['files'] = {};
  for (const row of await engine.all('SELECT kind, count(*) AS files, sum(rows) AS rows FROM store_files GROUP BY kind ORDER BY kind')) {
    files[String(row.kind)] = { files: Number(row.files), rows: Number(row.rows) };
  }
  const tasks = Number(meta.tasks ?? 0);
  const sorted = [...weeks].sort();
  return {
    store: engine.location,
    engine: engine.kind,
    weeks: sorted.length === 0 ? null : { first: sorted[0], last: sorted[sorted.length - 1], count: sorted.length },
    tasks,
    quarantined: Number(quarantine.rows),
    files,
    sizeBytes: await engine.sizeBytes(),
    contract: meta.contract ?? null,
    lastRunAt: meta.as_of ? new Date(Number(meta.as_of)).toISOString() : null,
    sameCleaningConfig: meta.config_hash === undefined || config === null ? null : sameCleaningSettings(meta.config_hash, config),
  };
}
