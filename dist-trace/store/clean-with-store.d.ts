import type { Config } from '../config/schema.js';
import { type CleanedData } from './clean-slice.js';
import type { StoreEngine } from './store-engine.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { ReportWeek } from '../metrics/resolve-week.js';
export interface StoreRunEffects {
    onProgress?(message: string): void;
    /** The run's clock (epoch ms), as for cleanInput. */
    now?: number;
    workers?: number;
}
/** What a run asks of the store besides cleaning: a report week (`YYYY-Www` or `latest`) computed from the kept facts. */
export interface StoreRequest {
    week?: string;
    /**
     * Only the metrics are wanted (`uptake metrics`): stored tasks are loaded without the columns no KPI reads
     * (task ids, prompts, tool versions and pass-through values: empty) and metrics.groupBy does not name, so the
     * data returned lacks them.
     */
    metricsOnly?: boolean;
    /** false: the run's tasks are not wanted (a rebuild's batches): its data comes back without them, with the names of the log files it read. */
    tasks?: boolean;
}
/**
 * A run through the store: its data (with a report week: the report window's tasks only; else every task), what
 * the store did, and with a week its resolved report week and metrics (from the kept facts, see store-report.ts).
 */
export interface StoreRun {
    data: CleanedData;
    summary: StoreRunSummary;
    /** With `tasks: false`: the log files read (new, changed, or read again), by name. */
    readNames?: string[];
    report?: {
        week: ReportWeek;
        metrics: MetricsDocument;
    };
}
/** What the store did for a run: files read anew, files kept (not read), files gone from the input. */
export interface StoreRunSummary {
    read: number;
    skipped: number;
    removed: number;
    /** Why every log file was read again, when it was (e.g. the roster's zones changed). */
    rereadAll?: string;
}
/**
 * The settings whose change changes cleaned rows: the cleaning rules, the report time zone (teams are
 * filled per month in it) and the input limits. A store cleaned under others must be rebuilt.
 * @example configHash(parseConfig({}))
 */
export declare function configHash(config: Config): string;
/**
 * Cleans the input through the store (CONTRACT section 5): a log file whose bytes the store has seen is not
 * read again, and only the rows the cross-row rules must see again (the region: see findRegion) are cleaned
 * again, with every rule of CONTRACT section 2; every other task is kept as the store holds it. The result
 * equals cleanInput's on the same files and config, byte for byte.
 * @example const { data, summary } = await cleanWithStore(engine, 'data/sample', config)
 */
export declare function cleanWithStore(engine: StoreEngine, inputDir: string, config: Config, effects?: StoreRunEffects, request?: StoreRequest): Promise<StoreRun>;
