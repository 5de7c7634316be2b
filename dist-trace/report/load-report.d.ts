import type { Config } from '../config/schema.js';
import type { CleanedData } from '../clean/types.js';
import type { MetricsDocument } from '../metrics/document.js';
import { type ReportWeek } from '../metrics/resolve-week.js';
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
    /** Progress lines (the notebooks' form of `effects.log`). */
    onProgress?(message: string): void;
}
/** The effects loading uses: the run's clock and its progress lines (see RunEffects). */
export interface LoadEffects {
    now?: () => Date;
    log?: (line: string) => void;
}
export interface LoadedData {
    config: Config;
    /** The input folder the data was cleaned from, as given (relative paths stay relative). */
    input: string;
    data: CleanedData;
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
export declare function loadReport(options: LoadReportOptions & {
    week: null;
}, effects?: LoadEffects): Promise<LoadedData>;
export declare function loadReport(options: LoadReportOptions, effects?: LoadEffects): Promise<LoadedReport>;
/**
 * The second half of loadReport, for data already loaded: the week resolved (`YYYY-Www` or `latest`)
 * and its metrics document. `uptake validate` and the notebooks' `metrics()` call it after
 * `loadReport({ week: null })`; the ask engine for the weeks a question needs.
 * @example reportOn(await loadReport({ input: 'data/sample', week: null }), 'latest').week.week // '2026-W47'
 */
export declare function reportOn(loaded: Pick<LoadedData, 'config' | 'data'>, week: string): {
    week: ReportWeek;
    metrics: MetricsDocument;
};
