import type { Config } from '../config/schema.js';
import type { MetricsDocument } from '../metrics/document.js';
import { type ReportWeek } from '../metrics/resolve-week.js';
import type { CleanedData } from './clean-slice.js';
import type { WeekSettling } from './settle-by-week.js';
import type { StoreEngine } from './store-engine.js';
/**
 * The store's tasks that start in [from, to) (every task without a range), settled with the run's roster, in a
 * scratch run's order (`data`), and for a range what settling did to each ISO week of it (`weeks`: a week without
 * tasks is not listed; empty without a range).
 */
export type SettledTasks = (range?: {
    from: number;
    to: number;
}) => Promise<{
    data: CleanedData;
    weeks: Map<string, WeekSettling>;
}>;
/** Every time zone's offset is a multiple of 15 minutes: a quarter hour lies in one week of any zone. */
export declare const QUARTER_HOUR_MS = 900000;
/**
 * The settings a week's facts depend on besides its tasks (see weekFacts), and the facts' version: another value
 * recomputes every week's facts (see refreshWeekFacts), never a rebuild of the cleaned data.
 * @example factsHash(parseConfig({}))
 */
export declare function factsHash(config: Config): string;
/** What of the roster a week's settled tasks depend on: each month's entries (teams are filled per user and month) and the teams' spelling. */
export interface RosterState {
    months: Record<string, string>;
    spelling: string;
}
/**
 * The roster's state as the store compares it between runs.
 * @example rosterState(data.roster.objects(), roster.teamSpelling)
 */
export declare function rosterState(entries: Array<Record<string, unknown>>, spelling: Map<string, string>): RosterState;
/**
 * The weeks whose facts a run must compute again: every week when the facts' settings or the teams' spelling
 * changed (or the store has no facts yet), else the weeks whose tasks the run replaced and the weeks of every
 * roster month that changed.
 * @example await weeksToRefresh(engine, config, { quarters, before, after, beforeHash })
 */
export declare function weeksToRefresh(engine: StoreEngine, config: Config, change: {
    quarters: Set<number>;
    before: RosterState | null;
    after: RosterState;
    factsHashBefore: string | undefined;
}): Promise<Set<string>>;
/**
 * Computes and keeps the facts of the given weeks from their settled tasks, one week in memory at a time; with
 * `pairNewest` (a report follows: its window is usually the newest two weeks, and it then finds them settled)
 * the newest two together when they are consecutive. A week without tasks loses its facts.
 * @example await refreshWeekFacts(engine, config, new Set(['2026-W47']), settled, log, true)
 */
export declare function refreshWeekFacts(engine: StoreEngine, config: Config, weeks: Set<string>, settled: SettledTasks, progress: (message: string) => void, pairNewest: boolean): Promise<void>;
/**
 * The report of one week from the store: every week's kept facts, the report window's settled tasks and the
 * manual baselines by SQL. `base` is the cleaned data without tasks (accounting, quarantine, roster, ...); the
 * data returned holds the window's tasks only. `statementsDone` hears when the report has run its last
 * statement and only computes (by default the engine may then checkpoint: see checkpointSoon).
 * @example const { week, metrics } = await reportFromStore(engine, config, base, 'latest', settled, log)
 */
export declare function reportFromStore(engine: StoreEngine, config: Config, base: CleanedData, requested: string, settled: SettledTasks, progress?: (message: string) => void, statementsDone?: () => void): Promise<{
    data: CleanedData;
    week: ReportWeek;
    metrics: MetricsDocument;
}>;
/** The keys of the weeks' facts among the store's blobs (the blobs a run keeps besides its files' parsed rows). */
export declare function factsKeys(engine: StoreEngine): Promise<string[]>;
