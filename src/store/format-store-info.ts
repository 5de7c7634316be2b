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
    info.weeks ? `weeks: ${info.weeks.count}, ${info.weeks.first} to ${info.weeks.last}` : 'weeks: none (no run has used this store yet)',
    `cleaned tasks: ${info.tasks}; quarantined rows: ${info.quarantined}`,
    'input files:',
    ...(files.length > 0 ? files : ['  none']),
    `contract: ${info.contract ?? 'none yet'}; last run's clock: ${info.lastRunAt ?? 'none yet'}`,
    ...(info.sameCleaningConfig === false ? ["cleaned with other cleaning, timezone or inputLimits settings than this config's: a run with it asks for `uptake store rebuild`"] : []),
    '',
  ].join('\n');
}
