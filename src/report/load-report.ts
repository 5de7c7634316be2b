import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseConfig, readConfig, DEFAULT_CONFIG_FILE } from '../config/read-config.js';
import type { Config } from '../config/schema.js';
import { cleanInput } from '../clean/clean-input.js';
import type { CleanedData } from '../clean/types.js';
import { cleanThroughStore } from '../store/clean-through-store.js';
import { assertInputsUnchanged, settledInputFiles, type SettledFile } from '../ingest/settle-inputs.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import type { MetricsDocument } from '../metrics/document.js';
import { resolveWeek, type ReportWeek } from '../metrics/resolve-week.js';
import { expectValue } from '../util/expect-value.js';

/**
 * Where a report's cleaned data comes from: an input folder, read and cleaned now, or through a store of
 * cleaned data (`--store`: a DuckDB file or a postgres:// URL) that reads only the folder's new or changed
 * files and returns the same data (CONTRACT section 5).
 */
export interface ReportSource {
  input: string;
  store?: string;
}

export interface LoadReportOptions {
  /** Where the cleaned data comes from; `input` is the shorthand for `{ input }`. */
  source?: ReportSource;
  /** Folder of input CSVs (the notebooks' form of `source: { input }`); default the config's `input`. */
  input?: string;
  /** The store of cleaned data (the shorthand for `source: { input, store }`); none: every file is cleaned. */
  store?: string;
  /**
   * The config, parsed, or a config file to read; `""` or undefined: `uptake.config.json` in `baseDir`
   * when present, else the defaults.
   */
  config?: Config | string;
  /** `YYYY-Www` or `latest` (the last complete ISO week in the data); default `latest`; null: clean only. */
  week?: string | null;
  /**
   * The notebook parameter `week` came from: a week the data lacks is blamed on it (``notebook parameter `week` ``),
   * not on `--week`, which a notebook's user never set. Default: `--week`.
   */
  weekParameter?: string;
  /** Relative `input` and `config` paths resolve against this folder; default: as given (the working directory). */
  baseDir?: string;
  /**
   * Through a store, a report reads every week's kept facts and only its window's tasks, and the data it returns
   * holds those tasks only; `allTasks` loads every stored task instead (ask and serve answer about any week).
   */
  allTasks?: boolean;
  /**
   * Only the metrics are wanted (`uptake metrics`): through a store, the tasks are loaded without the text no KPI
   * reads (task ids, prompts, tool versions, pass-through values), so the data returned lacks it.
   */
  metricsOnly?: boolean;
  /** Through a store: the data holds the tasks of the week before the report week too (see StoreRequest.weekBefore). */
  weekBefore?: boolean;
  /** Progress lines (the notebooks' form of `effects.log`). */
  onProgress?(message: string): void;
}

/** The effects loading uses: the run's clock, its progress lines and its abort (see RunEffects). */
export interface LoadEffects {
  now?: () => Date;
  log?: (line: string) => void;
  /** Stops a wait for input files that are still being written. */
  signal?: AbortSignal;
}

export interface LoadedData {
  config: Config;
  /** The input folder the data was cleaned from, as given (relative paths stay relative). */
  input: string;
  data: CleanedData;
  /** The input files read, as they were (size, mtime) before and after the reading. */
  files: SettledFile[];
}

export interface LoadedReport extends LoadedData {
  /** The report week, resolved once: everything after this point gets it, never `latest`. */
  week: ReportWeek;
  metrics: MetricsDocument;
}

/**
 * The one composition of uptake: input (through the store, when given) and config in, cleaned data, the
 * report week and its metrics out. The pipeline, every CLI command and the notebooks call it.
 * @example const { week, metrics } = await loadReport({ input: 'data/sample', week: '2026-W47' })
 */
export async function loadReport(options: LoadReportOptions & { week: null }, effects?: LoadEffects): Promise<LoadedData>;
export async function loadReport(options: LoadReportOptions, effects?: LoadEffects): Promise<LoadedReport>;
export async function loadReport(options: LoadReportOptions, effects: LoadEffects = {}): Promise<LoadedData | LoadedReport> {
  const at = (path: string) => (options.baseDir && !isAbsolute(path) ? join(resolve(options.baseDir), path) : path);
  // 1. Config: given, read from its file, or the defaults
  const config = typeof options.config === 'object' ? options.config : await configFrom(options.config, options.baseDir, at);
  // 2. Cleaned data: every cleaning rule over the input folder (through the store: only what changed)
  const source = options.source ?? { input: expectValue(options.input, 'the input', 'name a folder') ?? config.input, store: options.store };
  const log = effects.log ?? options.onProgress;
  const input = at(source.input);
  const cleaning = { onProgress: log, now: effects.now?.().getTime(), signal: effects.signal };
  // 2a. Input files still being written are waited for (inputSettle), and one that changes while it is read
  // stops the load (2c): a report is never made of half a file
  const files = await settledInputFiles(input, { ...config.inputSettle, log, signal: effects.signal });
  // 2b and 3. The report week, resolved once, and every KPI for it: through a store, from its kept weekly facts and the
  // report window's tasks (the data then holds those tasks only), else from every cleaned task
  if (source.store !== undefined && !options.allTasks && options.week !== null) {
    const run = await cleanThroughStore(source.store, input, config, cleaning, { week: options.week ?? 'latest', weekSetting: weekSetting(options.weekParameter), metricsOnly: options.metricsOnly, weekBefore: options.weekBefore });
    await assertInputsUnchanged(input, files);
    return { config, input, data: run.data, files, ...run.report! };
  }
  const data = source.store !== undefined ? (await cleanThroughStore(source.store, input, config, cleaning)).data : await cleanInput(input, config, cleaning);
  // 2c. The files are as they were before they were read
  await assertInputsUnchanged(input, files);
  const loaded: LoadedData = { config, input, data, files };
  if (options.week === null) return loaded;
  return { ...loaded, ...reportOn(loaded, options.week ?? 'latest', weekSetting(options.weekParameter)) };
}

/**
 * The second half of loadReport, for data already loaded: the week resolved (`YYYY-Www` or `latest`)
 * and its metrics document. `uptake validate` and the notebooks' `metrics()` call it after
 * `loadReport({ week: null })`; the ask engine for the weeks a question needs. A bad week is blamed on
 * `setting` (see weekSetting).
 * @example reportOn(await loadReport({ input: 'data/sample', week: null }), 'latest').week.week // '2026-W47'
 */
export function reportOn(loaded: Pick<LoadedData, 'config' | 'data'>, week: string, setting?: string): { week: ReportWeek; metrics: MetricsDocument } {
  const reportWeek = resolveWeek(loaded.data, loaded.config, week, setting);
  return { week: reportWeek, metrics: computeMetrics(loaded.data, loaded.config, reportWeek) };
}

/**
 * Where a week was set, as an error about it names it: `--week`, or the notebook parameter it came from.
 * @example weekSetting('compareWith') // 'notebook parameter `compareWith`'
 */
export function weekSetting(weekParameter?: string): string {
  return weekParameter === undefined ? '--week' : `notebook parameter \`${weekParameter}\``;
}

async function configFrom(file: string | undefined, baseDir: string | undefined, at: (path: string) => string): Promise<Config> {
  if (file) return readConfig(at(file));
  const defaultFile = join(resolve(baseDir ?? '.'), DEFAULT_CONFIG_FILE);
  return existsSync(defaultFile) ? readConfig(defaultFile) : parseConfig({});
}
