import type { StoreInfo } from './store-info.js';

/**
 * `uptake store info` for a terminal.
 * @example formatStoreInfo(await storeInfo(engine, config))
 */
export function formatStoreInfo(info: StoreInfo): string {
  const megabytes = (info.sizeBytes / 1_048_576).toFixed(1);
  const files = Object.entries(info.files).map(([kind, { files, rows }]) => `  ${kind}: ${files} files, ${rows} rows`);
  return [
    `store ${info.store} (${info.engine}, ${megabytes} MB)`,
    weeksLine(info),
    `cleaned tasks: ${info.tasks}; quarantined rows: ${info.quarantined}`,
    'input files:',
    ...(files.length > 0 ? files : ['  none']),
    `contract: ${info.contract ?? 'none yet'}; last run's clock: ${info.lastRunAt ?? 'none yet'}`,
    ...(info.sameCleaningConfig === false ? ["cleaned with other cleaning, timezone or inputLimits settings than this config's: a run with it asks for `uptake store rebuild`"] : []),
    '',
  ].join('\n');
}

// A store without weeks is new, or one an earlier uptake emptied to clean every file again after an upgrade, whose
// run stopped before its first batch was kept (now such a run rebuilds the store, which stays as it was until the
// rebuild finishes: see cleanThroughStore), or one whose every kept row was quarantined.
function weeksLine(info: StoreInfo): string {
  if (info.weeks) return `weeks: ${info.weeks.count}, ${info.weeks.first} to ${info.weeks.last}`;
  if (Object.keys(info.files).length === 0) return 'weeks: none (no input file kept: a new store, or one an earlier uptake emptied to clean every file again, stopped before its first batch)';
  return 'weeks: none (every row of the kept log files was quarantined)';
}
