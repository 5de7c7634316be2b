import type { ColumnTable } from 'arquero';
import type { MetricsDocument } from '../metrics/document.js';
/**
 * Where the cleaned data comes from. Today: the input folder, read and cleaned in the kernel (once,
 * again when a file changes). A store, when there is one, is a further way in, with the same calls.
 */
export interface DataSource {
    /** Folder of input CSVs; default the config's `input` (data/sample). */
    input?: string;
    /** Config file; default `uptake.config.json` in the project folder when present. */
    config?: string;
    /** Relative paths resolve against this folder; default the project folder (the one holding package.json). */
    baseDir?: string;
}
export interface TaskFilter extends DataSource {
    /** `YYYY-Www`, `latest`, or several; weeks in the report time zone. Default: every week. */
    week?: string | string[];
    /** One team or several, matched case-insensitively and trimmed like everywhere else. */
    team?: string | string[];
    /** One task type or several (canonical labels), matched case-insensitively. */
    taskType?: string | string[];
}
/**
 * The team `given` names, in its known spelling: trimmed and matched case-insensitively, like every
 * team parameter; an unknown team is a usage error listing the known ones.
 * @example matchTeam("  sales ops", ["Legal", "Sales Ops"]) // 'Sales Ops'
 */
export declare function matchTeam(given: string, known: Iterable<string | null>): string;
/**
 * The cleaned tasks as an arquero table, one row per task: `started_at` a Date, `week` (ISO week in
 * the report time zone), `duration_ms`, `accuracy` numbers or null, `harmful` boolean or null, and the
 * files' pass-through columns. Filter by week, team and task type.
 * @example const tasks = await uptake.tasks({ week: "2026-W47", team: "sales ops" });
 */
export declare function tasks(filter?: TaskFilter): Promise<ColumnTable>;
/**
 * Every quarantined input row as an arquero table: file, line, reason, detail and the row's text.
 * @example (await uptake.quarantine()).groupby("reason").count()
 */
export declare function quarantine(source?: DataSource & {
    reason?: string;
}): Promise<ColumnTable>;
/**
 * The roster (user_monthly_summary) as an arquero table: user_id, team, month, timezone, licensed,
 * tasks_total, ai_tasks_total; filter by team (case-insensitively) and month (`YYYY-MM`).
 * @example await uptake.roster({ team: "Legal", month: "2026-11" })
 */
export declare function roster(filter?: DataSource & {
    team?: string | string[];
    month?: string;
}): Promise<ColumnTable>;
export interface MetricsTables {
    /** The report week and its dates. */
    week: string;
    weekStart: string;
    weekEnd: string;
    /** One arquero table per KPI table of the metrics document (see the README's metric definitions). */
    tables: Record<keyof MetricsDocument['tables'], ColumnTable>;
    /** The document itself, for the report's helpers (narrative, charts). */
    document: MetricsDocument;
}
/**
 * The week's KPI tables as arquero tables; with `team`, the rows of that team and the all-teams row (`*`).
 * @example (await uptake.metrics({ week: "2026-W47" })).tables.adoption_by_team
 */
export declare function metrics(filter?: DataSource & {
    week?: string;
    team?: string;
}): Promise<MetricsTables>;
