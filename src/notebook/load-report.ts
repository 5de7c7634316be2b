import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UptakeError } from '../errors.js';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseConfig, readConfig, DEFAULT_CONFIG_FILE } from '../config/read-config.js';
import type { Config } from '../config/schema.js';
import { cleanInput } from '../clean/clean-input.js';
import type { CleanedData } from '../clean/types.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import type { MetricsDocument } from '../metrics/document.js';

export interface LoadReportOptions {
  /** Folder of input CSVs. */
  input: string;
  /** `YYYY-Www` or `latest` (the last complete ISO week in the data); default `latest`. */
  week?: string;
  /** A config file; `""` or undefined: `uptake.config.json` in `baseDir` when present, else defaults. */
  config?: string;
  /** Relative `input` and `config` paths resolve against this folder; default the working directory. */
  baseDir?: string;
  onProgress?(message: string): void;
}

export interface LoadedReport {
  config: Config;
  data: CleanedData;
  metrics: MetricsDocument;
}

/**
 * Everything a report notebook needs in one call: the config, the cleaned data and the metrics document.
 * @example const { metrics } = await loadReport({ input: 'data/sample', week: '2026-W47' })
 */
export async function loadReport(options: LoadReportOptions): Promise<LoadedReport> {
  const baseDir = resolve(options.baseDir ?? process.cwd());
  const at = (path: string) => (isAbsolute(path) ? path : join(baseDir, path));
  const configFile = options.config ? at(options.config) : existsSync(join(baseDir, DEFAULT_CONFIG_FILE)) ? join(baseDir, DEFAULT_CONFIG_FILE) : undefined;
  const config = configFile ? await readConfig(configFile) : parseConfig({});
  const data = await cleanInput(at(options.input), config, { onProgress: options.onProgress });
  const metrics = computeMetrics(data, config, options.week || 'latest');
  return { config, data, metrics };
}

/**
 * The folder a notebook's relative paths mean: the nearest one at or above `start` holding a package.json.
 * @example findProjectRoot('/work/app/notebooks') // '/work/app'
 */
export function findProjectRoot(start: string = process.cwd()): string {
  let directory = resolve(start);
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) return resolve(start);
    directory = parent;
  }
}

/**
 * A metrics document written earlier (`uptake metrics --json`, or the run's `metrics.json`), so a
 * notebook shows exactly the numbers of that file instead of computing them again.
 * @example const doc = await readMetricsDocument('output/2026-W47/metrics.json', findProjectRoot())
 */
export async function readMetricsDocument(file: string, baseDir: string = process.cwd()): Promise<MetricsDocument> {
  const path = isAbsolute(file) ? file : join(baseDir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UptakeError('input', 'expected a metrics document (JSON) to read', { file: path, cause });
  }
  const parsed = JSON.parse(text) as Partial<MetricsDocument>;
  if (typeof parsed.week !== 'string' || typeof parsed.tables !== 'object' || parsed.tables === null) {
    throw new UptakeError('input', 'expected a metrics document with `week` and `tables`', { file: path });
  }
  return parsed as MetricsDocument;
}
