import * as aq from 'arquero';
import type { CleanedData, SourceAccounting } from '../../src/clean/types.js';
import { Quarantine } from '../../src/clean/quarantine-list.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { Config, ConfigSpec } from '../../src/config/schema.js';

/** A task as tests write it: `started_at` as an ISO string, durations in minutes. */
export interface TaskSpec {
  source?: 'ai_logs' | 'manual_logs';
  task_id?: string;
  user_id: string;
  team?: string | null;
  task_type?: string;
  started_at: string;
  duration_min?: number | null;
  status?: 'completed' | 'abandoned' | 'error';
  accuracy?: number | null;
  harmful?: boolean | null;
  tool_version?: string | null;
}

export interface RosterSpec {
  user_id: string;
  team: string;
  month: string;
  timezone?: string;
  licensed?: boolean | null;
  tasks_total?: number | null;
  ai_tasks_total?: number | null;
}

const EMPTY_ACCOUNTING: SourceAccounting = { rows_read: 0, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, tasks: 0 };

/**
 * CleanedData shaped exactly as src/clean/types.ts documents, from inline rows.
 * loadedDates defaults to the first and last UTC date holding a task; the run's clock (asOf) to 2027-01-01.
 */
export function makeCleanedData(spec: { tasks: TaskSpec[]; roster?: RosterSpec[]; loadedDates?: { first: string; last: string } | null; asOf?: string }): CleanedData {
  const rows = spec.tasks.map((task, index) => ({
    source: task.source ?? 'ai_logs',
    task_id: task.task_id ?? `t${index + 1}`,
    user_id: task.user_id,
    team: task.team === undefined ? null : task.team,
    task_type: task.task_type ?? 'drafting',
    started_at: Date.parse(task.started_at),
    duration_ms: task.duration_min === undefined || task.duration_min === null ? null : task.duration_min * 60_000,
    status: task.status ?? 'completed',
    accuracy: task.accuracy ?? null,
    harmful: task.harmful ?? null,
    fragments: 1,
    prompt: null,
    tool_version: task.tool_version ?? null,
  }));
  for (const row of rows) if (Number.isNaN(row.started_at)) throw new Error(`bad started_at in test task ${row.task_id}`);
  const dates = rows.map((row) => new Date(row.started_at).toISOString().slice(0, 10)).sort();
  const roster = (spec.roster ?? []).map((entry) => ({
    user_id: entry.user_id,
    team: entry.team,
    month: entry.month,
    timezone: entry.timezone ?? 'UTC',
    licensed: entry.licensed === undefined ? true : entry.licensed,
    tasks_total: entry.tasks_total ?? null,
    ai_tasks_total: entry.ai_tasks_total ?? null,
  }));
  const columns = ['source', 'task_id', 'user_id', 'team', 'task_type', 'started_at', 'duration_ms', 'status', 'accuracy', 'harmful', 'fragments', 'prompt', 'tool_version'];
  const rosterColumns = ['user_id', 'team', 'month', 'timezone', 'licensed', 'tasks_total', 'ai_tasks_total'];
  return {
    asOf: Date.parse(spec.asOf ?? '2027-01-01T00:00:00Z'),
    tasks: rows.length > 0 ? aq.from(rows) : aq.table(Object.fromEntries(columns.map((column) => [column, []]))),
    roster: roster.length > 0 ? aq.from(roster) : aq.table(Object.fromEntries(rosterColumns.map((column) => [column, []]))),
    loadedDates: spec.loadedDates !== undefined ? spec.loadedDates : dates.length > 0 ? { first: dates[0], last: dates[dates.length - 1] } : null,
    accounting: { ai_logs: { ...EMPTY_ACCOUNTING }, manual_logs: { ...EMPTY_ACCOUNTING }, user_monthly_summary: { ...EMPTY_ACCOUNTING } },
    quarantine: new Quarantine(),
    quarantineByReason: {},
    repairs: {},
    stitchedFragments: 0,
    durationsDropped: { unknown: 0, too_long: 0 },
    teamsFilled: 0,
    labelMapping: [],
    files: [],
    rosterConflicts: [],
  };
}

/** Defaults, with privacy suppression off unless a test turns it on. */
export function testConfig(spec: ConfigSpec = {}): Config {
  return parseConfig({ ...spec, privacy: { minGroupSize: 0, ...(spec.privacy ?? {}) } });
}

/** `count` copies of a task, with distinct ids. */
export function repeat(count: number, task: TaskSpec): TaskSpec[] {
  return Array.from({ length: count }, () => ({ ...task }));
}
