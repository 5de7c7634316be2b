import type { Config } from '../config/schema.js';
import type { CleanedData } from '../clean/types.js';
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
export declare function loadReport(options: LoadReportOptions): Promise<LoadedReport>;
/**
 * The folder a notebook's relative paths mean: the nearest one at or above `start` holding a package.json.
 * @example findProjectRoot('/work/app/notebooks') // '/work/app'
 */
export declare function findProjectRoot(start?: string): string;
/**
 * A metrics document written earlier (`uptake metrics --json`, or the run's `metrics.json`), so a
 * notebook shows exactly the numbers of that file instead of computing them again.
 * @example const doc = await readMetricsDocument('output/2026-W47/metrics.json', findProjectRoot())
 */
export declare function readMetricsDocument(file: string, baseDir?: string): Promise<MetricsDocument>;
