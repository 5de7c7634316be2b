// What a store was cleaned under (the cleaning settings, the roster's time zones, the reader, the run's clock), and
// why a run must read every stored file again or rebuild the store first.
import type { Config } from '../config/schema.js';
import { labelRulesAsApplied, readerFingerprint, type RosterZones } from './clean-slice.js';
import { readMeta } from './open-store.js';
import { rebuildCommand, type StoreEngine } from './store-engine.js';
import { UptakeError } from '../errors.js';
import { jsonHash } from './store-report.js';

/**
 * The settings whose change changes cleaned rows: the cleaning rules, the report time zone (teams are
 * filled per month in it) and the input limits. A store cleaned under others must be rebuilt.
 * @example configHash(parseConfig({}))
 */
export function configHash(config: Config): string {
  return jsonHash({ cleaning: { ...config.cleaning, ...labelRulesAsApplied(config.cleaning) }, timezone: config.timezone, inputLimits: config.inputLimits });
}

/**
 * Whether a store's settings hash is this config's: configHash, or (a store kept before the label rules were
 * compared as applied) the hash of the settings as written.
 * @example sameCleaningSettings(meta.config_hash, config)
 */
export function sameCleaningSettings(storedHash: string, config: Config): boolean {
  return storedHash === configHash(config) || storedHash === jsonHash({ cleaning: config.cleaning, timezone: config.timezone, inputLimits: config.inputLimits });
}

/**
 * Naive times are read in the roster's zone of their month: another zone table means other instants. (A store
 * from before zonesByMonth kept only this hash of the whole table.)
 * @example zonesHash(rosterZones) // '9f86d0…'
 */
export function zonesHash(zones: RosterZones): string {
  const entries = [...zones].map(([user, months]) => [user, [...months].sort(([a], [b]) => (a < b ? -1 : 1))] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  return jsonHash(entries);
}

/**
 * The roster's zones per month (each month's users and zones, hashed): a month whose entry changed (a new
 * roster month, a zone corrected) changes the instants of that month's naive times only.
 * @example zonesByMonth(new Map([['u1', new Map([['2026-11', 'Europe/Paris']])]])) // { '2026-11': '5d1c…' }
 */
export function zonesByMonth(zones: RosterZones): Record<string, string> {
  const byMonth = new Map<string, Array<[string, string]>>();
  for (const [user, months] of zones) {
    for (const [month, zone] of months) {
      let list = byMonth.get(month);
      if (!list) byMonth.set(month, (list = []));
      list.push([user, zone]);
    }
  }
  return Object.fromEntries([...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, list]) => [month, jsonHash(list.sort(([a], [b]) => (a < b ? -1 : 1)))]));
}

/**
 * The months whose zones differ between two zonesByMonth (added, removed or changed).
 * @example zoneMonthsChanged({ '2026-10': 'a', '2026-11': 'b' }, { '2026-11': 'c' }) // Set { '2026-10', '2026-11' }
 */
export function zoneMonthsChanged(before: Record<string, string>, after: Record<string, string>): Set<string> {
  return new Set([...Object.keys(before), ...Object.keys(after)].filter((month) => before[month] !== after[month]));
}

/** Why a run reads every stored file again, when the store alone tells (see cleanWithStore's summary.rereadAll). */
export const REREAD = {
  reader: 'this build of uptake reads files differently from the one that filled the store',
  zones: 'the roster\'s time zones changed (naive times are read in them)',
  clock: 'the run\'s clock is earlier than the last run\'s (plausible starts depend on it)',
};

/**
 * Why a run with this config at this clock (epoch ms) would read every stored file again, or null: this build
 * reads files otherwise than the one that filled the store (see readerFingerprint: after an upgrade), or the
 * clock is earlier than the last run's. With a large input, cleanThroughStore then rebuilds the store first (in
 * batches, the store as it was until the rebuild finishes) instead of one run holding the whole history. A store
 * cleaned under other settings is UptakeError('config') first, as for every run (see cleanedUnder).
 * @example const why = await whyEveryFileAgain(engine, config, Date.now()); if (why) progress(why)
 */
export async function whyEveryFileAgain(engine: StoreEngine, config: Config, asOf: number): Promise<string | null> {
  const meta = await readMeta(engine);
  cleanedUnder(engine, meta, config);
  if (meta.reader !== undefined && meta.reader !== (await readerFingerprint())) return REREAD.reader;
  if (meta.as_of !== undefined && asOf < Number(meta.as_of)) return REREAD.clock;
  return null;
}

/**
 * A store cleaned under other cleaning, timezone or inputLimits settings is rebuilt, never run on (nor emptied by a run).
 * @example cleanedUnder(engine, await readMeta(engine), config)
 */
export function cleanedUnder(engine: StoreEngine, meta: Record<string, string>, config: Config): void {
  if (meta.config_hash !== undefined && !sameCleaningSettings(meta.config_hash, config)) throw otherCleaningError(engine.location);
}

/**
 * The error for a store cleaned under other cleaning, timezone or inputLimits settings than the config's
 * (UptakeError('config'), naming `uptake store rebuild`): a run stops on it; `uptake store info` ends with it.
 * @example throw otherCleaningError(engine.location)
 */
export function otherCleaningError(location: string): UptakeError {
  return new UptakeError(
    'config',
    `${location}: expected a store cleaned with this config's cleaning, timezone and inputLimits settings, got one cleaned with other settings; run ${rebuildCommand(location)} to recompute it from every input file`,
  );
}
