import { sourceTasks, teamName } from '../metrics/column-catalog.js';
import type { AlertRow } from '../metrics/document.js';
import type { Row } from '../metrics/kpi.js';
import { registry } from '../metrics/registry.js';
import { shiftWeek, weekRange } from '../util/iso-week.js';
import { formatChange, formatValue, type ValueUnit } from './format-values.js';
import type { AskMetric, AskMetricId } from './metric-catalog.js';
import { rosterMonths, type MetricsSource } from './metrics-source.js';
import type { Comparison, Dimension, Interpretation } from './parse-question.js';
import { isPair } from './time-expressions.js';
import { lastMonthOfWeek, monthOfWeek, weekBounds, weeksOfMonth } from '../util/iso-week.js';
import { shiftMonth } from '../util/iso-week.js';
import { compareText } from '../util/compare-text.js';
import { topWithTies } from './top-with-ties.js';

/** Names in a sentence: "Finance, Legal and HR". */
const LIST_WORDS = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** A cell of an answer's evidence table (raw values; rates as fractions). */
export type AskCell = string | number | boolean | null;

/** The table behind an answer; `units` says how each column prints. */
export interface AskTable {
  columns: string[];
  units: ValueUnit[];
  rows: AskCell[][];
}

/** What an answer is made of before the engine adds the question and the weeks read. */
export interface AnswerBody {
  interpretation: string;
  answer: string;
  table: AskTable;
  /** False when the question cannot be answered from these tables (the engine then suggests questions). */
  answered: boolean;
  /** The weeks the answer covers, when they are not just the documents read. */
  weeks?: string[];
}

type Scope = 'all' | Dimension;

interface PeriodRow {
  name: string;
  /** The team of a per-user row. */
  team?: string | null;
  period: string;
  suppressed: boolean;
  values: Record<string, number | null>;
}

interface Combined {
  value: number | null;
  parts: Record<string, number | null>;
}

interface NumericSpec {
  grain: 'week' | 'month' | 'none';
  scopes: Scope[];
  partColumns: Array<[string, ValueUnit]>;
  rows(source: MetricsSource, scope: Scope, period: string): PeriodRow[];
  combine(rows: PeriodRow[]): Combined;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const sum = (rows: PeriodRow[], column: string) => rows.reduce((total, row) => total + (row.values[column] ?? 0), 0);
const pooled = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

function periodRows(table: Row[], key: string, scope: Scope, period: string, columns: string[]): PeriodRow[] {
  return table
    .filter((row) => (scope === 'all' ? row[key] === '*' : row[key] !== '*'))
    .map((row) => ({
      name: String(row[key]),
      period,
      suppressed: row.suppressed === true,
      values: Object.fromEntries(columns.map((column) => [column, num(row[column])])),
    }));
}

const ADOPTION_COLUMNS = ['ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'previous_adoption_rate', 'user_adoption_rate', 'ai_users',
  'licensed_users', 'abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status', 'user_weighted_adoption_rate', 'users'];
const TREND_COLUMNS = new Set(['ai_tasks', 'manual_tasks', 'adoption_rate', 'abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status',
  'user_weighted_adoption_rate', 'users']);

// Adoption-table rows of one week; other weeks' team rows come from the report's trend when it has the column.
function adoptionRows(column: string) {
  return (source: MetricsSource, scope: Scope, week: string): PeriodRow[] => {
    if (scope === 'task_type') return periodRows(source.document(week).tables.adoption_by_task_type, 'task_type', scope, week, ADOPTION_COLUMNS);
    if (week !== source.reportWeek && TREND_COLUMNS.has(column)) {
      const trend = source.document(source.reportWeek).tables.adoption_trend;
      return periodRows(trend.filter((row) => row.week === week), 'team', scope, week, ADOPTION_COLUMNS);
    }
    return periodRows(source.document(week).tables.adoption_by_team, 'team', scope, week, ADOPTION_COLUMNS);
  };
}

const mean = (column: string) => (rows: PeriodRow[]): Combined => {
  const values = rows.map((row) => row.values[column]).filter((value): value is number => value !== null);
  return { value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length, parts: rows.length === 1 ? { users: rows[0].values.users ?? null } : {} };
};

const SPECS: Partial<Record<AskMetricId, NumericSpec>> = {
  adoption_rate: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['ai_tasks', 'count'], ['manual_tasks', 'count']],
    rows: adoptionRows('adoption_rate'),
    combine: (rows) => {
      const ai = sum(rows, 'ai_tasks');
      const manual = sum(rows, 'manual_tasks');
      return { value: pooled(ai, ai + manual), parts: { ai_tasks: ai, manual_tasks: manual } };
    },
  },
  delta_pts: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['previous_adoption_rate', 'rate'], ['adoption_rate', 'rate']],
    rows: adoptionRows('delta_pts'),
    combine: (rows) => {
      const last = rows[rows.length - 1];
      return { value: last.values.delta_pts, parts: { previous_adoption_rate: last.values.previous_adoption_rate, adoption_rate: last.values.adoption_rate } };
    },
  },
  user_adoption_rate: {
    grain: 'week', scopes: ['all', 'team'], partColumns: [['ai_users', 'count'], ['licensed_users', 'count']],
    rows: adoptionRows('user_adoption_rate'),
    combine: (rows) => {
      const { value } = mean('user_adoption_rate')(rows);
      return { value, parts: rows.length === 1 ? { ai_users: rows[0].values.ai_users, licensed_users: rows[0].values.licensed_users } : { ai_users: null, licensed_users: null } };
    },
  },
  user_weighted_adoption_rate: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['users', 'count']],
    rows: adoptionRows('user_weighted_adoption_rate'), combine: mean('user_weighted_adoption_rate'),
  },
  // Pooled like adoption: abandoned / all stitched AI tasks of the weeks, its parts shown beside it
  abandonment_rate: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['abandoned_tasks', 'count'], ['ai_tasks_any_status', 'count']],
    rows: adoptionRows('abandonment_rate'),
    combine: (rows) => {
      const abandoned = sum(rows, 'abandoned_tasks');
      const any = sum(rows, 'ai_tasks_any_status');
      return { value: pooled(abandoned, any), parts: { abandoned_tasks: abandoned, ai_tasks_any_status: any } };
    },
  },
  // "how many tasks were abandoned": the abandonment rate's numerator
  abandoned_tasks: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['ai_tasks_any_status', 'count']],
    rows: adoptionRows('abandoned_tasks'),
    combine: (rows) => ({ value: sum(rows, 'abandoned_tasks'), parts: { ai_tasks_any_status: sum(rows, 'ai_tasks_any_status') } }),
  },
  // "how many tasks did Finance do": AI tasks plus manual tasks (the adoption rate's denominator), both shown beside it
  tasks: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['ai_tasks', 'count'], ['manual_tasks', 'count']],
    rows: (source, scope, week) => adoptionRows('ai_tasks')(source, scope, week).map((row) => {
      const { ai_tasks: ai, manual_tasks: manual } = row.values;
      return { ...row, values: { ...row.values, tasks: ai === null || manual === null ? null : ai + manual } };
    }),
    combine: (rows) => {
      const ai = sum(rows, 'ai_tasks');
      const manual = sum(rows, 'manual_tasks');
      return { value: ai + manual, parts: { ai_tasks: ai, manual_tasks: manual } };
    },
  },
  ai_tasks: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [],
    rows: adoptionRows('ai_tasks'), combine: (rows) => ({ value: sum(rows, 'ai_tasks'), parts: {} }),
  },
  manual_tasks: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [],
    rows: adoptionRows('manual_tasks'), combine: (rows) => ({ value: sum(rows, 'manual_tasks'), parts: {} }),
  },
  hours_saved: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['timed_ai_tasks', 'count']],
    rows: (source, scope, week) => {
      const document = scope === 'task_type' ? source.taskTypeDocument(source.reportWeek) : source.document(source.reportWeek);
      return periodRows(document.tables.time_saved.filter((row) => row.week === week), 'team', scope, week, ['hours_saved', 'cumulative_hours_saved', 'timed_ai_tasks']);
    },
    combine: (rows) => ({ value: sum(rows, 'hours_saved'), parts: { timed_ai_tasks: sum(rows, 'timed_ai_tasks') } }),
  },
  cumulative_hours_saved: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['hours_saved', 'hours']],
    rows: (source, scope, week) => SPECS.hours_saved!.rows(source, scope, week),
    combine: (rows) => ({ value: rows[rows.length - 1].values.cumulative_hours_saved, parts: { hours_saved: sum(rows, 'hours_saved') } }),
  },
  harm_rate: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['harmful', 'count'], ['ai_tasks', 'count']],
    rows: (source, scope, week) => {
      const document = scope === 'task_type' ? source.taskTypeDocument(week) : source.document(week);
      return periodRows(document.tables.harm, 'team', scope, week, ['harmful', 'ai_tasks']);
    },
    combine: (rows) => {
      const harmful = sum(rows, 'harmful');
      const tasks = sum(rows, 'ai_tasks');
      return { value: pooled(harmful, tasks), parts: { harmful, ai_tasks: tasks } };
    },
  },
  asi: {
    grain: 'month', scopes: ['all', 'team', 'task_type'], partColumns: [['above_target', 'count'], ['evaluated', 'count']],
    rows: (source, scope, month) => {
      const document = scope === 'task_type' ? source.taskTypeDocument(source.reportWeek) : source.document(source.reportWeek);
      return periodRows(document.tables.accuracy_stability.filter((row) => row.month === month), 'team', scope, month, ['above_target', 'evaluated']);
    },
    combine: (rows) => {
      const above = sum(rows, 'above_target');
      const evaluated = sum(rows, 'evaluated');
      return { value: pooled(above, evaluated), parts: { above_target: above, evaluated } };
    },
  },
  harmful_tasks: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['ai_tasks', 'count']],
    rows: (source, scope, week) => SPECS.harm_rate!.rows(source, scope, week),
    combine: (rows) => ({ value: sum(rows, 'harmful'), parts: { ai_tasks: sum(rows, 'ai_tasks') } }),
  },
  coverage: {
    grain: 'month', scopes: ['all', 'team', 'user'], partColumns: [['logged_ai_tasks', 'count'], ['reported_ai_tasks', 'count']],
    rows: (source, scope, month) => coverageRows(source, scope, month),
    combine: (rows) => {
      const logged = sum(rows, 'logged_ai_tasks');
      const reported = sum(rows, 'reported_ai_tasks');
      return { value: pooled(logged, reported), parts: { logged_ai_tasks: logged, reported_ai_tasks: reported } };
    },
  },
  ai_users: {
    grain: 'week', scopes: ['all', 'team'], partColumns: [['licensed_users', 'count']],
    rows: adoptionRows('ai_users'),
    // Distinct users do not add up over weeks: several weeks give the weekly mean
    combine: (rows) => ({ value: mean('ai_users')(rows).value, parts: { licensed_users: mean('licensed_users')(rows).value } }),
  },
  licensed_users: {
    grain: 'week', scopes: ['all', 'team'], partColumns: [],
    rows: adoptionRows('licensed_users'), combine: (rows) => ({ value: mean('licensed_users')(rows).value, parts: {} }),
  },
  manual_share: {
    grain: 'week', scopes: ['all', 'team', 'task_type'], partColumns: [['manual_tasks', 'count'], ['ai_tasks', 'count']],
    rows: adoptionRows('manual_tasks'),
    combine: (rows) => {
      const ai = sum(rows, 'ai_tasks');
      const manual = sum(rows, 'manual_tasks');
      return { value: pooled(manual, ai + manual), parts: { manual_tasks: manual, ai_tasks: ai } };
    },
  },
  ...peopleSpecs(),
  baseline_min: {
    grain: 'none', scopes: ['task_type'], partColumns: [['manual_tasks_with_duration', 'count']],
    rows: (source, scope) =>
      source.document(source.reportWeek).tables.baselines.map((row) => ({
        name: String(row.task_type),
        period: source.reportWeek,
        suppressed: false,
        values: { baseline_min: num(row.baseline_min), manual_tasks_with_duration: num(row.manual_tasks_with_duration) },
      })).filter(() => scope === 'task_type'),
    combine: (rows) => ({ value: rows[0].values.baseline_min, parts: { manual_tasks_with_duration: rows[0].values.manual_tasks_with_duration } }),
  },
};

// The people tables (activation, retention, usage tiers, idle seats): one team row per period, read as
// written; several periods give the mean of their values (people do not add up over weeks).
function peopleSpecs(): Partial<Record<AskMetricId, NumericSpec>> {
  const weekly = (table: string, column: string, parts: Array<[string, ValueUnit]>, select: (row: Row, week: string) => boolean = () => true): NumericSpec => ({
    grain: 'week', scopes: ['all', 'team'], partColumns: parts,
    rows: (source, scope, week) => {
      const rows = ((source.document(week).tables[table] ?? []) as Row[]).filter((row) => select(row, week));
      return periodRows(rows, 'team', scope, week, [column, ...parts.map(([part]) => part)]);
    },
    combine: (rows) => ({
      value: mean(column)(rows).value,
      parts: Object.fromEntries(parts.map(([part]) => [part, rows.length === 1 ? rows[0].values[part] : mean(part)(rows).value])),
    }),
  });
  const monthly = (column: string, parts: Array<[string, ValueUnit]>): NumericSpec => ({
    grain: 'month', scopes: ['all', 'team'], partColumns: parts,
    rows: (source, scope, month) => {
      const rows = ((source.document(source.reportWeek).tables.retention ?? []) as Row[]).filter((row) => row.month === month);
      return periodRows(rows, 'team', scope, month, [column, ...parts.map(([part]) => part)]);
    },
    combine: (rows) => ({ value: mean(column)(rows).value, parts: rows.length === 1 ? Object.fromEntries(parts.map(([part]) => [part, rows[0].values[part]])) : {} }),
  });
  const thisWeek = (row: Row, week: string) => row.grain === 'week' && row.period === week;
  return {
    // with its denominator, the licensed users without an AI task before the week (not all licensed users)
    activation: weekly('activation', 'activation_rate', [['new_ai_users', 'count'], ['not_yet_active_users', 'count']], thisWeek),
    // A person's first AI task falls in one week only: new users add up over the weeks
    new_ai_users: {
      ...weekly('activation', 'new_ai_users', [['licensed_users', 'count']], thisWeek),
      combine: (rows) => ({ value: sum(rows, 'new_ai_users'), parts: { licensed_users: rows[rows.length - 1].values.licensed_users ?? null } }),
    },
    median_days_to_first_ai_task: weekly('activation', 'median_days_to_first_ai_task', [['new_ai_users', 'count']], thisWeek),
    retention: monthly('retained_m1', [['cohort_users', 'count'], ['retained_m2', 'rate']]),
    active_retention: monthly('active_retention', [['active_users', 'count']]),
    usage_tiers: weekly('usage_tiers', 'heavy', [['moderate', 'count'], ['light', 'count'], ['none', 'count'], ['people', 'count']], (row, week) => row.week === week),
    heavy_share: weekly('usage_tiers', 'heavy_share', [['heavy', 'count'], ['people', 'count']], (row, week) => row.week === week),
    non_users: weekly('usage_tiers', 'none', [['people', 'count']], (row, week) => row.week === week),
    idle_seats: weekly('idle_seats', 'idle_seats', [['licensed_users', 'count'], ['idle_share', 'rate']]),
    idle_share: weekly('idle_seats', 'idle_share', [['idle_seats', 'count'], ['licensed_users', 'count']]),
    idle_cost: weekly('idle_seats', 'idle_cost', [['idle_seats', 'count']]),
    lapsed_users: weekly('idle_seats', 'lapsed_users', []),
  };
}

// A registry KPI the catalogue has no rule for: its value per team, read from the table its entry writes
// (several periods: the mean of their values).
function registrySpec(metric: AskMetric): NumericSpec | undefined {
  const kpi = registry.find((entry) => entry.id === metric.kpi);
  if (!kpi) return undefined;
  const [table, columns] = Object.entries(kpi.columns).find(([, names]) => names.includes(kpi.id)) ?? Object.entries(kpi.columns)[0] ?? [];
  if (!table || !columns) return undefined;
  const column = columns.includes(kpi.id) ? kpi.id : columns[columns.length - 1];
  return {
    grain: kpi.grain, scopes: ['all', 'team'], partColumns: [],
    rows: (source, scope, period) => {
      const document = kpi.grain === 'week' ? source.document(period) : source.document(source.reportWeek);
      const rows = ((document.tables as unknown as Record<string, Row[]>)[table] ?? [])
        .filter((row) => (kpi.grain === 'month' ? row.month === period : row.week === undefined || row.week === period));
      return periodRows(rows, 'team', scope, period, [column]);
    },
    combine: (rows) => ({ value: mean(column)(rows).value, parts: {} }),
  };
}

const specOf = (metric: AskMetric): NumericSpec | undefined => SPECS[metric.id] ?? registrySpec(metric);

// "which teams had no alerts", "no data gaps", "no power users": each team's (task type's) number of the week's alerts
// (of the severities asked, every one when none is named), gaps or power users about it, a count that can be 0, over the
// groups of the week's adoption table (suppressed ones kept suppressed); the groups with none are then listed as those
// with no AI tasks are.
type ListedPerGroup = 'alerts' | 'gaps' | 'power_users';
function countPerGroupSpec(listed: ListedPerGroup, severities: string[]): NumericSpec {
  return {
    grain: 'week', scopes: listed === 'alerts' ? ['team', 'task_type'] : ['team'], partColumns: [],
    rows: (source, scope, week) => {
      const { tables } = source.document(week);
      const key = scope === 'task_type' ? 'task_type' : 'team';
      const about: Row[] = listed === 'alerts' ? tables.alerts.filter((alert) => severities.length === 0 || severities.includes(alert.severity))
        : listed === 'gaps' ? tables.gaps : tables.power_users;
      const counts = new Map<string, number>();
      for (const row of about) {
        const name = row[key];
        if (typeof name === 'string' && name !== '*') counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      const groups = scope === 'task_type' ? tables.adoption_by_task_type : tables.adoption_by_team;
      return (groups as Row[]).filter((row) => row[key] !== '*').map((row): PeriodRow => {
        const name = String(row[key]);
        const suppressed = row.suppressed === true;
        return { name, period: week, suppressed, values: suppressed ? {} : { [listed]: counts.get(name) ?? 0 } };
      });
    },
    combine: (rows) => ({ value: sum(rows, listed), parts: {} }),
  };
}

// Coverage per user, or pooled per team (a team of fewer than privacy.minGroupSize users is suppressed) or overall.
function coverageRows(source: MetricsSource, scope: Scope, month: string): PeriodRow[] {
  const rows = source.document(source.reportWeek).tables.logging_coverage.filter((row) => row.month === month);
  const values = (row: Row) => ({ logged_ai_tasks: num(row.logged_ai_tasks), reported_ai_tasks: num(row.reported_ai_tasks), coverage: num(row.coverage) });
  if (scope === 'user') return rows.map((row) => ({ name: String(row.user_id), team: (row.team as string | null) ?? null, period: month, suppressed: false, values: values(row) }));
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = scope === 'all' ? '*' : row.team === null || row.team === undefined ? null : String(row.team);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const minimum = source.config.privacy.minGroupSize;
  return [...groups].map(([name, members]): PeriodRow => {
    const logged = members.reduce((total, row) => total + (num(row.logged_ai_tasks) ?? 0), 0);
    const reported = members.reduce((total, row) => total + (num(row.reported_ai_tasks) ?? 0), 0);
    const suppressed = name !== '*' && minimum > 0 && new Set(members.map((row) => row.user_id)).size < minimum;
    return { name, period: month, suppressed, values: suppressed ? {} : { logged_ai_tasks: logged, reported_ai_tasks: reported, coverage: pooled(logged, reported) } };
  });
}

/** The periods a question covers, among those holding data. */
function periodsOf(source: MetricsSource, interpretation: Interpretation, grain: NumericSpec['grain']): { periods: string[]; asked: string } {
  const time = interpretation.time;
  if (grain === 'none') return { periods: [source.reportWeek], asked: source.reportWeek };
  if (grain === 'week') {
    const wanted =
      time.kind === 'default' ? [source.reportWeek]
        : time.kind === 'week' ? [time.week]
          : time.kind === 'month' ? weeksOfMonth(time.month)
            : isPair(time) ? [time.fromWeek, time.toWeek]
              : time.fromWeek <= time.toWeek ? weekRange(time.fromWeek, time.toWeek) : [];
    const asked = time.kind === 'default' ? source.reportWeek : time.phrase;
    return { periods: wanted.filter((week) => source.weeks.includes(week)), asked };
  }
  const months = availableMonths(source, interpretation);
  const defaultMonth = interpretation.metric.id === 'coverage' || interpretation.metric.id === 'blind_spots' ? months[months.length - 1]
    : RETENTION_METRICS.has(interpretation.metric.id) ? latestRetentionMonth(source, interpretation.metric.id) ?? source.reportMonth
      : source.reportMonth;
  const wanted =
    time.kind === 'default' ? [defaultMonth]
      : time.kind === 'week' ? [lastMonthOfWeek(time.week)]
        : time.kind === 'month' ? [time.month]
          : months.filter((month) => (isPair(time) ? month === time.fromMonth || month === time.toMonth : month >= time.fromMonth && month <= time.toMonth));
  const asked = time.kind === 'default' ? defaultMonth ?? source.reportMonth : time.kind === 'week' ? lastMonthOfWeek(time.week) : time.phrase;
  return { periods: wanted.filter((month) => month !== undefined && months.includes(month)), asked };
}

const RETENTION_METRICS = new Set<string>(['retention', 'active_retention']);
// Counts of people per week: over several weeks their combined value is the weekly mean.
// Counts of tasks and the hours they saved: 0 in a week a group had no task in.
const TASK_SUMS = new Set<string>(['tasks', 'ai_tasks', 'manual_tasks', 'hours_saved', 'harmful_tasks', 'abandoned_tasks']);
const AVERAGED_COUNTS = new Set<string>(['ai_users', 'licensed_users', 'usage_tiers', 'non_users', 'idle_seats', 'lapsed_users', 'idle_cost']);
// Rates of people per week (distinct users do not add up over weeks): over several weeks, the mean of the weekly rates.
const AVERAGED_RATES = new Set<string>(['user_adoption_rate', 'user_weighted_adoption_rate']);
/** How a value over several weeks was combined, in words: pooled ("taken together") or the weekly mean. */
const combinedAs = (metricId: string) => (AVERAGED_COUNTS.has(metricId) || AVERAGED_RATES.has(metricId) ? 'the mean of the weekly values' : 'taken together');

// "Are new users sticking with it?": the latest month whose share is known (a month later must be fully loaded).
function latestRetentionMonth(source: MetricsSource, metric: string): string | undefined {
  const column = metric === 'retention' ? 'retained_m1' : 'active_retention';
  const months = ((source.report.tables.retention ?? []) as Row[]).filter((row) => row.team === '*' && typeof row[column] === 'number').map((row) => String(row.month));
  return months.sort()[months.length - 1];
}

function availableMonths(source: MetricsSource, interpretation: Interpretation): string[] {
  if (RETENTION_METRICS.has(interpretation.metric.id)) return [...new Set(((source.report.tables.retention ?? []) as Row[]).map((row) => String(row.month)))].sort();
  const table = interpretation.metric.id === 'asi' ? source.report.tables.accuracy_stability : source.report.tables.logging_coverage;
  return [...new Set(table.map((row) => row.month))].sort();
}

function periodPhrase(periods: string[], grain: NumericSpec['grain'], time: Interpretation['time']): string {
  if (grain === 'none') return `(report ${periods[0]})`;
  if (periods.length === 1) return `in ${periods[0]}`;
  const span = isPair(time) ? `in ${periods[0]} and ${periods[periods.length - 1]}` : `from ${periods[0]} to ${periods[periods.length - 1]}`;
  return time.kind === 'month' ? `in ${time.month} (weeks ${periods[0]} to ${periods[periods.length - 1]})` : span;
}

const DIMENSION_NAMES: Record<Dimension, [string, string, string]> = {
  team: ['team', 'teams', 'team'],
  task_type: ['task type', 'task types', 'task_type'],
  user: ['user', 'users', 'user_id'],
};

function suppressedNote(count: number, minimum: number, dimension: Dimension): string {
  if (count === 0) return '';
  const [one, many] = DIMENSION_NAMES[dimension];
  return ` ${count} ${count === 1 ? one : many} suppressed (fewer than ${minimum} users) ${count === 1 ? 'is' : 'are'} not shown.`;
}

function comparisonHolds(value: number, comparison: Comparison): boolean {
  const { op, value: limit } = comparison;
  return op === '>' ? value > limit : op === '>=' ? value >= limit : op === '<' ? value < limit : value <= limit;
}

/** A comparison in the metric's own unit: "80 %" of a rate is 0.8, a bare 0.8 too; a fall of "more than 10 points" is < -10. */
function normalizeComparison(comparison: Comparison, metric: AskMetric, movement: Interpretation['movement'], changeInPoints: boolean, overall: number | null = null): Comparison {
  if (comparison.unit === 'overall') {
    // "under-perform" is below everyone's value when higher is better, above it otherwise
    const worse = comparison.op === '<';
    const op = worse === metric.higherIsBetter ? '<' : '>';
    const average = metric.unit === 'hours' || metric.unit === 'count' ? 'the average team' : 'the all-teams value';
    return { ...comparison, op, value: overall ?? Number.NaN, text: `${op === '<' ? 'below' : 'above'} ${average}` };
  }
  let value = comparison.value;
  if (metric.unit === 'rate' && !changeInPoints && (comparison.unit === 'rate' || (comparison.unit === 'number' && value > 1))) value /= 100;
  if (movement === 'down') {
    const flipped: Record<Comparison['op'], Comparison['op']> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=' };
    return { ...comparison, op: flipped[comparison.op], value: -value };
  }
  return { ...comparison, value };
}

const verbFor = (movement: Interpretation['movement']) => (movement === 'down' ? 'fell by' : movement === 'up' ? 'rose by' : 'changed by');

/**
 * Answers a parsed question from the metric documents: one sentence and the rows behind it.
 * Suppressed groups are never named in lists; a group asked for by name is reported as suppressed.
 * @example answerQuestion(parseQuestion('top 3 teams by adoption', vocabulary)!, source).answer
 */
export function answerQuestion(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  switch (interpretation.metric.id) {
    case 'blind_spots':
      return answerBlindSpots(interpretation, source);
    case 'gaps':
      return interpretation.having === 'none' ? answerNumeric(interpretation, source, countPerGroupSpec('gaps', [])) : answerGaps(interpretation, source);
    case 'alerts':
      // ("which teams had no alerts": the groups with none, as those with no AI tasks are listed)
      return interpretation.having === 'none' ? answerNumeric(interpretation, source, countPerGroupSpec('alerts', interpretation.severities)) : answerAlerts(interpretation, source);
    case 'power_users':
      // ("which teams have power users", "… no power users": the teams holding some, or none)
      return interpretation.having ? answerNumeric(interpretation, source, countPerGroupSpec('power_users', [])) : answerPowerUsers(interpretation, source);
    case 'summary':
      return answerSummaryOf(interpretation, source);
    default:
      return interpretation.versus && specOf(interpretation.metric)?.grain !== 'none' ? answerVersus(interpretation, source) : answerNumeric(interpretation, source);
  }
}

// "Internal Audit's AI tasks are suppressed", "its adoption rate is": the catalogue says which labels name several
// things (a "change in …" is one)
const isOrAre = (metric: AskMetric, label = metric.label) => (metric.plural && label === metric.label ? 'are' : 'is');

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

// " (Finance and HR tie for third, so 4 are shown)": a top N whose last place is shared by more than fit (none when
// `names` is empty).
function tieNote(names: string, place: number, shown: number): string {
  if (names === '') return '';
  return ` (${names} tie for ${ORDINALS[place - 1] ?? `place ${place}`}, so ${shown} are shown)`;
}

function unanswerable(interpretation: string, answer: string): AnswerBody {
  return { interpretation, answer, answered: false, table: { columns: [], units: [], rows: [] } };
}

// How a question was read, in words: "adoption rate by team, 2026-W47, lowest first".
function describe(interpretation: Interpretation, scope: Scope, periods: string[], extra: string[] = []): string {
  const named = [...interpretation.teams, ...interpretation.taskTypes];
  const what = scope === 'all' ? `${interpretation.metric.label} for all teams`
    : named.length > 0 && scope !== 'user' ? `${interpretation.metric.label} for ${named.join(', ')}`
      : `${interpretation.metric.label} by ${DIMENSION_NAMES[scope][0]}${named.length > 0 ? ` in ${named.join(', ')}` : ''}`;
  const when = periods.length === 0 ? 'no period with data' : periods.length === 1 ? periods[0] : `${periods[0]} ${isPair(interpretation.time) ? 'and' : 'to'} ${periods[periods.length - 1]}`;
  // ("top teams": no measure named, so the headline's, said)
  const assumed = interpretation.measureAssumed ? [`no measure named, so ${interpretation.metric.label} (ask "top teams by hours saved" for another)`] : [];
  return [what, when, ...extra, ...assumed].join(', ');
}

// A filter in words: "only those below 40.0 %", "only those that fell more than 10.0 pts".
function ruleWords(rule: Comparison, unit: ValueUnit, overall = false): string {
  const words = { '>': 'above', '>=': 'at or above', '<': 'below', '<=': 'at or below' }[rule.op];
  return overall ? `only those ${rule.text}` : `only those ${words} ${formatValue(rule.value, unit)}`;
}

// The periods of one group ranked by the metric (the best or worst first), or those past a threshold (highest first):
// every such period in the table, suppressed or empty ones left out (and said).
function rankPeriods(interpretation: Interpretation, source: MetricsSource, spec: NumericSpec, periods: string[], named: { dimension: Dimension; name: string } | null, covered: { weeks?: string[] }): AnswerBody {
  const { metric, ranking, comparison } = interpretation;
  const scope: Scope = named ? named.dimension : 'all';
  const name = named ? named.name : '*';
  const minimum = source.config.privacy.minGroupSize;
  // "which month had the most hours saved" over a weekly table: the weeks of each month (by their Thursday) taken together
  const byMonth = interpretation.rankedPeriod === 'month' && spec.grain === 'week';
  // (a week is the month's that holds its Thursday, as "in October" reads: monthOfWeek)
  const monthOf = monthOfWeek;
  const periodColumn = spec.grain === 'month' || byMonth ? 'month' : 'week';
  const buckets = byMonth
    ? [...new Set(periods.map(monthOf))].map((month) => ({ period: month, weeks: periods.filter((week) => monthOf(week) === month) }))
    : periods.map((period) => ({ period, weeks: [period] }));
  // (a team with no task in any of the periods is in no table: its roster decides whether it may be named)
  const hiddenQuiet = scope === 'team' && periods.every((week) => !spec.rows(source, scope, week).some((entry) => entry.name === name)) && source.quietTeamSuppressed(name, periods);
  const points = buckets.map(({ period, weeks }) => {
    const rows = weeks.map((week) => spec.rows(source, scope, week).find((entry) => entry.name === name)).filter((row): row is PeriodRow => row !== undefined);
    const suppressed = hiddenQuiet || rows.some((row) => row.suppressed);
    const combined = rows.length > 0 && !suppressed ? spec.combine(rows) : { value: null, parts: {} };
    const label = byMonth ? `${period} (${weeks.length === 1 ? `week ${weeks[0]}` : `weeks ${weeks[0]} to ${weeks[weeks.length - 1]}`})` : period;
    return { period: label, suppressed, value: combined.value, parts: combined.parts };
  });
  const rule = comparison ? normalizeComparison(comparison, metric, interpretation.movement, metric.id === 'delta_pts') : null;
  const measured = points.filter((point) => point.value !== null && (rule === null || comparisonHolds(point.value, rule)));
  const order = ranking?.order ?? 'desc';
  // (a tie keeps the earlier period first)
  measured.sort((a, b) => (order === 'desc' ? b.value! - a.value! : a.value! - b.value!) || compareText(a.period, b.period));
  const subject = name === '*' ? 'all teams' : name;
  const span = byMonth
    ? (buckets.length === 1 ? buckets[0].period : `${buckets[0].period} to ${buckets[buckets.length - 1].period}`)
    : periods.length === 1 ? periods[0] : `${periods[0]} to ${periods[periods.length - 1]}`;
  // ("which week had the most tasks": a count is most or fewest, as in a ranking of teams)
  const counted = interpretation.metric.unit === 'count' && !['idle_cost', 'median_days_to_first_ai_task'].includes(interpretation.metric.id);
  const adjective = counted ? (order === 'desc' ? 'most' : 'fewest') : order === 'desc' ? 'highest' : 'lowest';
  const unit: ValueUnit = metric.unit === 'list' ? 'count' : metric.unit;
  const describedAs = describe(interpretation, scope, periods, [...(rule ? [ruleWords(rule, unit)] : []), `${periodColumn}s ranked, ${adjective} first`]);
  const hidden = points.filter((point) => point.suppressed).length;
  const note = hidden > 0 ? ` ${hidden} ${periodColumn}${hidden === 1 ? '' : 's'} suppressed (fewer than ${minimum} users) ${hidden === 1 ? 'is' : 'are'} not ranked.` : '';
  const of = `of the ${buckets.length} ${periodColumn}s ${span}`;
  if (hiddenQuiet) {
    return { interpretation: describedAs, answer: `${name}'s ${metric.label} ${span === periods[0] ? `in ${span}` : `from ${span}`} ${isOrAre(metric)} suppressed (fewer than ${minimum} users).`, answered: true, table: { columns: [], units: [], rows: [] }, ...covered };
  }
  if (rule) {
    const past = ruleWords(rule, unit).replace('only those ', '');
    const shown = ranking ? measured.slice(0, Math.max(1, ranking.limit)) : measured;
    const answer = measured.length === 0
      ? `No ${periodColumn} ${of} had ${metric.label} for ${subject} ${past}.${note}`
      : `${measured.length} ${periodColumn}${measured.length === 1 ? '' : 's'} ${of} had ${metric.label} for ${subject} ${past}: ${shown.map((point) => `${point.period} (${formatValue(point.value, unit)})`).join(', ')}.${note}`;
    return { interpretation: describedAs, answer, answered: true, table: periodTable(spec, metric, periodColumn, shown), ...covered };
  }
  if (measured.length === 0) {
    return { interpretation: describedAs, answer: `There is no ${metric.label} for ${subject} in ${span} to rank.${note}`, answered: true, table: { columns: [], units: [], rows: [] }, ...covered };
  }
  // (a tie at the cut keeps every period holding it, said: "W45 and W46 tie for first")
  const limit = Math.max(1, ranking!.limit);
  const { shown: top, tiedAtCut } = topWithTies(measured, limit, (point) => point.value);
  const tie = tieNote(tiedAtCut.length > 3 ? `${tiedAtCut.length} ${periodColumn}s` : LIST_WORDS.format(tiedAtCut.map((point) => point.period)), top.indexOf(tiedAtCut[0]) + 1, top.length);
  const answer = top.length === 1
    ? `${top[0].period} had the ${adjective} ${metric.label} for ${subject} ${of}: ${formatValue(top[0].value, metric.unit)}.${note}`
    : limit === 1
      ? `${LIST_WORDS.format(top.map((point) => point.period))} tied for the ${adjective} ${metric.label} for ${subject} ${of}: ${formatValue(top[0].value, metric.unit)} each.${note}`
      : `The ${limit} ${periodColumn}s with the ${adjective} ${metric.label} for ${subject} ${of}: ${top.map((point) => `${point.period} (${formatValue(point.value, metric.unit)})`).join(', ')}${tie}.${note}`;
  return {
    interpretation: describedAs,
    answer,
    answered: true,
    table: periodTable(spec, metric, periodColumn, top),
    ...covered,
  };
}

function periodTable(spec: NumericSpec, metric: AskMetric, periodColumn: string, points: Array<{ period: string; value: number | null; parts: Record<string, number | null> }>): AskTable {
  return {
    columns: [periodColumn, metric.id, ...spec.partColumns.map(([column]) => column)],
    units: ['text', metric.unit, ...spec.partColumns.map(([, unit]) => unit)],
    rows: points.map((point) => [point.period, point.value, ...spec.partColumns.map(([column]) => point.parts[column] ?? null)]),
  };
}

function answerNumeric(interpretation: Interpretation, source: MetricsSource, spec: NumericSpec = specOf(interpretation.metric)!): AnswerBody {
  const { metric, movement, comparison, ranking } = interpretation;
  const minimum = source.config.privacy.minGroupSize;
  const named = interpretation.taskTypes.length > 0 && (interpretation.dimension === 'task_type' || interpretation.teams.length === 0)
    ? { dimension: 'task_type' as Dimension, names: interpretation.taskTypes }
    : interpretation.teams.length > 0 ? { dimension: 'team' as Dimension, names: interpretation.teams } : null;
  const listing = interpretation.dimension !== null && !(named && named.dimension === interpretation.dimension && !comparison && !ranking);
  const crossed = (interpretation.teams.length > 0 && interpretation.taskTypes.length > 0) ||
    (listing && named !== null && named.dimension !== interpretation.dimension && interpretation.dimension !== 'user');
  if (crossed) {
    return unanswerable(`${metric.label} for a team and a task type together`, `The tables do not break teams down by task type (or task types by team); ask about the team or the task type on its own.`);
  }
  // "is our harm rate under 1%": a yes/no about everyone, not a list of teams
  const aboutAll = interpretation.yesNo && comparison !== null && comparison.unit !== 'overall' && !ranking && !named && !listing;
  let dimension: Scope = listing ? interpretation.dimension! : named ? named.dimension : (comparison || ranking) && !aboutAll ? (spec.scopes.includes('team') ? 'team' : spec.scopes[1] ?? 'all') : 'all';
  // (the baselines are per task type: "the manual baseline" lists them; one asked by team or for a team is refused below)
  if (metric.id === 'baseline_min' && dimension === 'all') dimension = 'task_type';
  if (!spec.scopes.includes(dimension)) {
    const available = spec.scopes.map((scope) => (scope === 'all' ? 'overall' : `by ${DIMENSION_NAMES[scope][0]}`)).join(', ');
    return unanswerable(`${metric.label} by ${dimension === 'all' ? 'all teams' : DIMENSION_NAMES[dimension as Dimension][0]}`, `The tables have no ${metric.label} by ${DIMENSION_NAMES[dimension as Dimension][0]}; it is available ${available}.`);
  }
  const { periods, asked } = periodsOf(source, interpretation, spec.grain);
  // two weeks side by side need both: one without data is named, not left out
  const time = interpretation.time;
  const missing = isPair(time) && spec.grain === 'week' ? [time.fromWeek, time.toWeek].filter((week) => !periods.includes(week)) : [];
  if (periods.length === 0 || missing.length > 0) {
    const span = spec.grain === 'month' ? availableMonths(source, interpretation) : source.weeks;
    return {
      interpretation: describe(interpretation, dimension, missing.length > 0 && isPair(time) ? [time.fromWeek, time.toWeek] : periods),
      answer: `There is no ${metric.label} for ${missing.length > 0 ? missing.join(' and ') : asked}: the data holds ${span.length === 0 ? 'no such period' : `${span[0]} to ${span[span.length - 1]}`}.`,
      answered: true,
      table: { columns: [], units: [], rows: [] },
    };
  }
  const where = periodPhrase(periods, spec.grain, interpretation.time);
  const covered = spec.grain === 'week' ? { weeks: periods } : {};
  // "which week had the highest adoption": the periods ranked for everyone (or the one named group), not its teams
  if (interpretation.rankedPeriod && (ranking || (comparison && comparison.unit !== 'overall')) && !listing && (named?.names.length ?? 0) <= 1 && periods.length > 0) {
    return rankPeriods(interpretation, source, spec, periods, named ? { dimension: named.dimension, name: named.names[0] } : null, covered);
  }
  // "which users in Finance …": per-user rows of the named teams only
  const inTeams = (row: PeriodRow) => dimension !== 'user' || interpretation.teams.length === 0 || interpretation.teams.includes(row.team ?? '');
  const perPeriod = periods.map((period) => spec.rows(source, dimension, period).filter(inTeams));
  const names = [...new Set(perPeriod.flat().map((row) => row.name))].sort(compareText);
  const dimensionColumn = dimension === 'all' ? 'team' : DIMENSION_NAMES[dimension][2];
  const subject = (name: string) => (name === '*' ? 'all teams' : name);
  // a team or task type with no task (AI of any status, or manual) in any week of the period: it is in no table then
  // (and the weeks of the period in which it had none: said in words, not shown as a bare "—")
  const quietWeeks = (name: string) => (name === '*' || spec.grain !== 'week' || (dimension !== 'team' && dimension !== 'task_type') ? []
    : periods.filter((week) => !SPECS.adoption_rate!.rows(source, dimension, week).some((row) => row.name === name)));
  const idle = (name: string) => quietWeeks(name).length === periods.length && periods.length > 0;
  // (a team with no task in the period is in no table, so none suppressed it: its roster decides, as in the lists)
  const hiddenIdle = (name: string) => dimension === 'team' && idle(name) && source.quietTeamSuppressed(name, periods);
  const quietNote = (name: string) => {
    const quiet = quietWeeks(name);
    return quiet.length === 0 ? '' : ` ${capitalize(subject(name))} had no tasks (AI or manual) in ${LIST_WORDS.format(quiet)}.`;
  };

  // "average tasks per week": the weeks' total divided by the number of weeks in range (a week without any counts as 0),
  // for everyone or one group; the weekly counts are the table
  if (interpretation.weeklyAverage && spec.grain === 'week') {
    const what = `${metric.label} a week on average`;
    if (listing || comparison || ranking || (named?.names.length ?? 0) > 1) {
      return unanswerable(`${what}, by ${listing ? DIMENSION_NAMES[dimension as Dimension][0] : 'group'}`, `I can give the ${what} for all teams or for one team or task type, not for several at once or ranked; ask "average ${metric.label} per week" or add one team.`);
    }
    const name = named ? named.names[0] : '*';
    const weekly = perPeriod.map((rows, index) => ({ period: periods[index], row: rows.find((row) => row.name === name) }));
    if (weekly.some((point) => point.row?.suppressed) || hiddenIdle(name)) {
      return { interpretation: describe(interpretation, dimension, periods, ['the mean of the weekly totals']), answer: `${capitalize(subject(name))}'s ${metric.label} ${where} ${isOrAre(metric)} suppressed (fewer than ${minimum} users).`, answered: true, table: { columns: [], units: [], rows: [] }, ...covered };
    }
    const counts = weekly.map((point) => (point.row ? spec.combine([point.row]) : { value: 0, parts: {} }));
    const total = counts.reduce((sum, count) => sum + (count.value ?? 0), 0);
    const weeks = periods.length;
    return {
      interpretation: describe(interpretation, dimension, periods, ['the mean of the weekly totals']),
      answer: `${capitalize(metric.label)} for ${subject(name)} ${where}: ${formatValue(total / weeks, metric.unit)} a week on average (the total of ${formatValue(total, metric.unit)} over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}, a week without any counted as 0).`,
      answered: true,
      table: {
        columns: ['week', metric.id, ...spec.partColumns.map(([column]) => column)],
        units: ['text', metric.unit, ...spec.partColumns.map(([, unit]) => unit)],
        rows: weekly.map((point, index) => [point.period, counts[index].value ?? 0, ...spec.partColumns.map(([column]) => counts[index].parts[column] ?? null)]),
      },
      ...covered,
    };
  }

  // Change across periods: "how did adoption change since W40", "which teams fell more than 5 points since October"
  const change = movement !== null && periods.length > 1 && metric.id !== 'cumulative_hours_saved';
  const changeUnit: ValueUnit = metric.unit === 'rate' ? 'pts' : metric.unit;
  const scale = metric.unit === 'rate' ? 100 : 1;
  const firstLast = (name: string) => {
    const first = perPeriod[0].find((row) => row.name === name);
    const last = perPeriod[perPeriod.length - 1].find((row) => row.name === name);
    if (!first || !last || first.suppressed || last.suppressed) return { suppressed: Boolean(first?.suppressed || last?.suppressed), from: null, to: null };
    return { suppressed: false, from: spec.combine([first]).value, to: spec.combine([last]).value };
  };

  // A range asked about one group ("adoption since W44", "Procurement over the last 4 weeks"): its weekly series too
  const rangeSeries = !change && interpretation.time.kind === 'range' && periods.length > 1 && metric.id !== 'cumulative_hours_saved' && spec.grain !== 'none';
  if ((change || rangeSeries) && !listing && !comparison && !ranking && (named?.names.length ?? 0) <= 1) {
    const name = named ? named.names[0] : '*';
    const series = perPeriod.map((rows, index) => ({ period: periods[index], row: rows.find((row) => row.name === name) }));
    if (series.some((point) => point.row?.suppressed) || hiddenIdle(name)) {
      return { interpretation: describe(interpretation, dimension, periods, ['as a series']), answer: `${capitalize(subject(name))}'s ${metric.label} ${where} ${isOrAre(metric)} suppressed (fewer than ${minimum} users).`, answered: true, table: { columns: [], units: [], rows: [] } };
    }
    if (idle(name)) {
      return { interpretation: describe(interpretation, dimension, periods), answer: `${capitalize(subject(name))} had no tasks (AI or manual) ${where}, so it has no ${metric.label}.`, answered: true, table: { columns: [], units: [], rows: [] }, ...covered };
    }
    // (a count of tasks, or the hours they saved, is 0 in a week with no task; a rate has no value then)
    const quiet = new Set(quietWeeks(name));
    const zeroWhenQuiet = TASK_SUMS.has(metric.id);
    const values = series.map((point) => (point.row ? spec.combine([point.row])
      : zeroWhenQuiet && quiet.has(point.period) ? { value: 0, parts: Object.fromEntries(spec.partColumns.map(([column]) => [column, 0])) } : { value: null, parts: {} }));
    const periodColumn = spec.grain === 'month' ? 'month' : 'week';
    const table: AskTable = {
      columns: [periodColumn, metric.id, ...spec.partColumns.map(([column]) => column)],
      units: ['text', metric.unit, ...spec.partColumns.map(([, unit]) => unit)],
      rows: series.map((point, index) => [point.period, values[index].value, ...spec.partColumns.map(([column]) => values[index].parts[column] ?? null)]),
    };
    // (weeks the group had no task in are said after the sentence; the series runs from its first to its last week with
    // tasks, and two weeks compared side by side keep their own ends)
    const ends = isPair(interpretation.time) || zeroWhenQuiet ? [0, periods.length - 1] : (() => {
      const held = periods.flatMap((period, index) => (quiet.has(period) ? [] : [index]));
      return held.length === 0 ? [0, periods.length - 1] : [held[0], held[held.length - 1]];
    })();
    const [first, last] = ends;
    const from = values[first].value;
    const to = values[last].value;
    const quietAtEnd = !zeroWhenQuiet && (quiet.has(periods[first]) || quiet.has(periods[last]));
    let sentence: string;
    // (hours over a range add up; two weeks side by side are compared)
    if (metric.unit === 'hours' && !isPair(interpretation.time)) {
      const total = values.reduce((acc, point) => acc + (point.value ?? 0), 0);
      const perPeriod = first === last
        ? `${formatValue(from, 'hours')} of it in ${periods[first]}`
        : `per ${periodColumn} it went from ${formatValue(from, 'hours')} (${periods[first]}) to ${formatValue(to, 'hours')} (${periods[last]})`;
      sentence = `${subject(name) === 'all teams' ? 'All teams' : subject(name)} saved ${formatValue(total, 'hours')} ${where}; ${perPeriod}.`;
    } else {
      const difference = from === null || to === null ? null : (to - from) * scale;
      const moved = quietAtEnd
        ? `${wasOrWere(metric)} ${formatValue(quiet.has(periods[first]) ? to : from, metric.unit)} in ${periods[quiet.has(periods[first]) ? last : first]}, so there is no change to give.`
        : first === last
          ? `${wasOrWere(metric)} ${formatValue(from, metric.unit)} in ${periods[first]}, its only ${periodColumn} with tasks.`
          : `went from ${formatValue(from, metric.unit)} in ${periods[first]} to ${formatValue(to, metric.unit)} in ${periods[last]}` +
            (difference === null ? '.' : ` (${formatChange(difference, changeUnit)}).`);
      const rows = perPeriod.flat().filter((row) => row.name === name);
      const verdict = change && interpretation.yesNo && difference !== null && !quietAtEnd && first !== last && (movement === 'up' || movement === 'down')
        ? `${(movement === 'up') === difference > 0 ? 'Yes' : 'No'}: `
        : '';
      sentence = change
        ? `${verdict}${verdict ? metric.label : capitalize(metric.label)} for ${subject(name)} ${moved}`
        : `${capitalize(metric.label)} for ${subject(name)} ${where} ${wasOrWere(metric)} ${formatValue(rows.length > 0 ? spec.combine(rows).value : null, metric.unit)} ${combinedAs(metric.id) === 'taken together' ? 'taken together' : 'a week on average'}; per ${periodColumn} it ${moved}`;
    }
    const shifted = first !== 0 || last !== periods.length - 1 ? ' with tasks' : '';
    const how = change ? `the change from the first to the last ${periodColumn}${shifted}` : `${combinedAs(metric.id)}, and per ${periodColumn}`;
    return { interpretation: describe(interpretation, dimension, periods, [how]), answer: sentence + quietNote(name), answered: true, table, ...covered };
  }

  // "hours saved per week by team": each group's value in each period, one column per period (a threshold or a ranking
  // of a per-week value is not read: over several weeks it would be the total's, or the change's)
  if (interpretation.eachPeriod && listing && periods.length > 1 && spec.grain !== 'none') {
    return eachPeriodTable(interpretation, spec, dimension as Dimension, periods, perPeriod, names, where, minimum, covered, quietWeeks);
  }

  // One value per group over the periods (or its change from the first to the last period)
  interface Entry { name: string; suppressed: boolean; value: number | null; parts: Record<string, number | null> }
  const entryOf = (name: string): Entry => {
    if (change) {
      const { suppressed, from, to } = firstLast(name);
      if (hiddenIdle(name)) return { name, suppressed: true, value: null, parts: {} };
      return { name, suppressed, value: from === null || to === null ? null : (to - from) * scale, parts: { [periods[0]]: from, [periods[periods.length - 1]]: to } };
    }
    const rows = perPeriod.flat().filter((row) => row.name === name);
    if (rows.length === 0) return { name, suppressed: hiddenIdle(name), value: null, parts: {} };
    if (rows.some((row) => row.suppressed)) return { name, suppressed: true, value: null, parts: {} };
    const combined = spec.combine(rows);
    return { name, suppressed: false, ...combined };
  };
  const entries: Entry[] = (named && !listing ? named.names : dimension === 'all' ? ['*'] : names).map(entryOf);
  const valueUnit: ValueUnit = change ? changeUnit : metric.unit;
  const valueColumn = change ? `change_${changeUnit}` : metric.id;
  const partColumns: Array<[string, ValueUnit]> = change ? [[periods[0], metric.unit], [periods[periods.length - 1], metric.unit]] : spec.partColumns;
  const tableOf = (shown: Entry[]): AskTable => ({
    columns: [dimensionColumn, valueColumn, ...partColumns.map(([column]) => column)],
    units: ['text', valueUnit, ...partColumns.map(([, unit]) => unit)],
    rows: shown.map((entry) => [entry.name, entry.value, ...partColumns.map(([column]) => entry.parts[column] ?? null)]),
  });
  const visible = entries.filter((entry) => !entry.suppressed);
  // The all-teams value over the same periods, for "under-perform" / "above average"
  let overall: number | null = null;
  if (comparison?.unit === 'overall') {
    if (change) {
      const first = perPeriod[0].length > 0 ? spec.rows(source, 'all', periods[0]) : [];
      const last = spec.rows(source, 'all', periods[periods.length - 1]);
      const from = first.length > 0 ? spec.combine(first).value : null;
      const to = last.length > 0 ? spec.combine(last).value : null;
      overall = from === null || to === null ? null : (to - from) * scale;
    } else if (metric.unit === 'hours' || metric.unit === 'count') {
      // Hours and counts add up over teams: "the average" is the mean team's, not the all-teams total; over every group
      // shown in a list, not only the one named ("is Legal below average on hours saved" was Legal against itself)
      const groups = named && !listing ? names.map(entryOf).filter((entry) => !entry.suppressed) : visible;
      const values = groups.map((entry) => entry.value).filter((value): value is number => value !== null);
      overall = values.length > 0 ? values.reduce((total, value) => total + value, 0) / values.length : null;
    } else {
      const rows = periods.flatMap((period) => spec.rows(source, 'all', period));
      overall = rows.length > 0 ? spec.combine(rows).value : null;
    }
    if (overall === null) return unanswerable(describe(interpretation, dimension, periods), `There is no all-teams ${metric.label} ${where} to compare with.`);
  }
  const hidden = entries.length - visible.length;
  const shownValue = (entry: Entry) => `${subject(entry.name)} (${formatValue(entry.value, valueUnit)})`;
  const namesOf = (entries: Entry[]) => LIST_WORDS.format(entries.map((entry) => subject(entry.name)));
  // the highest (or lowest) value, with every group holding it: "Finance and Procurement (17 each)", "5 teams (0 each)"
  const sharedBy = (among: Entry[], extreme: Entry, many: string) => {
    const holders = among.filter((entry) => entry.value === extreme.value);
    if (holders.length === 1) return shownValue(extreme);
    return `${holders.length > 3 ? `${holders.length} ${many}` : namesOf(holders)} (${formatValue(extreme.value, valueUnit)} each)`;
  };
  const label = change ? `change in ${metric.label}` : metric.label;
  const extra: string[] = [];

  // "which teams did not use AI", "which task types had no harmful tasks": the groups whose count is 0 in the period,
  // with those that had no task at all (in no table then); "how many teams had harmful tasks": those above 0.
  // Suppressed groups are not named.
  if (interpretation.having && listing && (dimension === 'team' || dimension === 'task_type')) {
    const [one, many] = DIMENSION_NAMES[dimension];
    // (a team with no task is one of the period's only when the roster lists it in a month the period touches: a team
    // of an earlier month's roster, gone since, is no team that "did not use AI" this week; one of fewer people than
    // the privacy minimum is counted among the suppressed, never named, as a team with tasks would be)
    const onRoster = dimension === 'team' ? source.rosterTeams(rosterMonths(periods)) : null;
    const quietGroups = (dimension === 'team' ? source.teams : source.taskTypes).filter((name) => !names.includes(name) && idle(name) && (onRoster === null || onRoster.has(name)));
    const idleNames = quietGroups.filter((name) => !hiddenIdle(name));
    const hiddenAll = hidden + quietGroups.length - idleNames.length;
    const none = interpretation.having === 'none';
    // (none of a count is 0; of hours saved, 0 or less: a team whose AI tasks took longer than the manual baseline saved none)
    const chosen: Entry[] = none
      ? [...visible.filter((entry) => (entry.value ?? 0) <= 0), ...idleNames.map((name) => ({ name, suppressed: false, value: 0, parts: {} }))].sort((a, b) => compareText(a.name, b.name))
      : visible.filter((entry) => entry.value !== null && entry.value > 0).sort((a, b) => b.value! - a.value! || compareText(a.name, b.name));
    const total = visible.length + idleNames.length;
    const groups = `${total} ${total === 1 ? one : many}`;
    // (a team uses AI; a task type has AI tasks)
    // ("critical alerts": the severities asked for, named)
    const counted = metric.id === 'alerts' && interpretation.severities.length > 0 ? `${interpretation.severities.join(' or ')} alerts` : metric.label;
    const [has, hasNone] = metric.id === 'ai_tasks' && dimension === 'team' ? ['used AI', 'did not use AI']
      : metric.id === 'hours_saved' ? ['saved hours', 'saved no hours'] : [`had ${counted}`, `had no ${counted}`];
    const shown = none
      ? chosen.map((entry) => (idleNames.includes(entry.name) ? `${entry.name} (no tasks at all)` : entry.value !== null && entry.value < 0 ? shownValue(entry) : entry.name))
      : chosen.map((entry) => `${entry.name} (${formatValue(entry.value, metric.unit)})`);
    const holding = none ? total - chosen.length : chosen.length;
    const sentence = holding === total
      ? `Every ${one} ${has} ${where} (${groups}).`
      : holding === 0
        ? `No ${one} ${has} ${where} (${groups}).`
        : none
          ? `${chosen.length} of ${groups} ${hasNone} ${where}: ${LIST_WORDS.format(shown)}.`
          : `${chosen.length} of ${groups} ${has} ${where}: ${shown.join(', ')}.`;
    // ("did any team not use AI": Yes or No first)
    // ("did every team use AI": Yes when none is without, else No and those without named)
    const verdict = none && interpretation.existence === 'any' ? `${chosen.length > 0 ? 'Yes' : 'No'}: `
      : none && interpretation.existence === 'every' ? `${chosen.length === 0 ? 'Yes' : 'No'}: ` : '';
    return {
      interpretation: describe(interpretation, dimension, periods, [...(periods.length > 1 ? ['taken together'] : []), none ? `only those with none (${metric.unit === 'hours' ? `0 ${metric.label} or less` : `0 ${counted}`})` : metric.unit === 'hours' ? 'only those above 0 h' : 'only those with at least 1']),
      answer: (verdict ? `${verdict}${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence) + suppressedNote(hiddenAll, minimum, dimension),
      answered: true,
      table: tableOf(chosen),
      ...covered,
    };
  }

  if (listing || ((comparison || ranking) && !named && !aboutAll)) {
    const listDimension = dimension === 'all' ? 'team' : dimension;
    // people's rates and counts over several weeks are weekly means: said, as a pooled value is not
    if (!change && spec.grain === 'week' && periods.length > 1 && combinedAs(metric.id) !== 'taken together') extra.unshift(combinedAs(metric.id));
    const [one, many] = DIMENSION_NAMES[listDimension];
    let chosen = visible.filter((entry) => entry.value !== null);
    let sentence: string;
    let anyFound: boolean | null = null;
    // "which teams dipped last week": a movement without a threshold keeps the ones that moved that way
    const implied = !comparison && movement && movement !== 'any' && (change || metric.id === 'delta_pts') && !ranking;
    if (comparison || implied) {
      const rule = comparison
        ? normalizeComparison(comparison, metric, movement, change || metric.id === 'delta_pts', overall)
        : { op: movement === 'down' ? '<' : '>', value: 0, unit: 'pts', text: '' } as Comparison;
      extra.push(ruleWords(rule, valueUnit, comparison?.unit === 'overall'));
      chosen = chosen.filter((entry) => comparisonHolds(entry.value!, rule)).sort((a, b) => (rule.op.startsWith('<') ? a.value! - b.value! : b.value! - a.value!));
      anyFound = chosen.length > 0;
      const what = movement && (change || metric.id === 'delta_pts')
        ? comparison ? `${verbFor(movement)} ${comparison.text}`.replace(/\bby by\b/, 'by') : movement === 'down' ? 'dipped' : 'grew'
        : comparison!.unit === 'overall'
          ? `had ${metric.label} ${normalizeComparison(comparison!, metric, movement, false, overall).text} (${formatValue(overall, valueUnit)})`
          // ("saved at least 5 hours": the metric's words take "hours", so the threshold's text has no unit)
          : metric.unit === 'hours' ? `saved ${comparison!.text}${comparison!.unit === 'hours' ? '' : ' hours'}`
            : metric.id === 'ai_users' ? `had ${comparison!.text}${comparison!.unit === 'count' ? '' : ' users'} with an AI task`
              // ("more than 15 abandoned AI tasks": the count's words follow the threshold)
              : metric.unit === 'count' && /tasks/.test(metric.label) ? `had ${comparison!.text.replace(/ (tasks?|sessions?)$/, '')} ${metric.label}` : `had ${metric.label} ${comparison!.text}`;
      sentence = chosen.length === 0
        ? `No ${one} ${what} ${where}.`
        : `${chosen.length} ${chosen.length === 1 ? one : many} ${what} ${where}: ${chosen.map(shownValue).join(', ')}.`;
      if (ranking) chosen = chosen.slice(0, ranking.limit);
    } else if (ranking) {
      const ranked = chosen.sort((a, b) => (ranking.order === 'desc' ? b.value! - a.value! : a.value! - b.value!) || compareText(a.name, b.name));
      // a tie for first place names every group holding it: one of them called "the highest" would mislead
      const tied = ranking.limit === 1 ? ranked.filter((entry) => entry.value === ranked[0].value) : [];
      // ("top 3" with the third place tied: every team holding it, said)
      const { shown, tiedAtCut } = topWithTies(ranked, ranking.limit, (entry) => entry.value);
      chosen = tied.length > 1 ? tied : shown;
      extra.push(`${ranking.order === 'desc' ? 'highest' : 'lowest'} first${ranking.limit > 1 ? `, top ${ranking.limit}` : ''}`);
      // ("the most abandoned AI tasks", "the most idle seats": a count is most or fewest)
      const tasksCounted = metric.unit === 'count' && !change && !['idle_cost', 'median_days_to_first_ai_task'].includes(metric.id);
      const adjective = tasksCounted ? (ranking.order === 'desc' ? 'most' : 'fewest') : ranking.order === 'desc' ? 'highest' : 'lowest';
      sentence = chosen.length === 0
        ? `No ${one} has ${article(label)} ${label} ${where}.`
        : tied.length > 1
          ? `${capitalize(namesOf(tied))} tied for the ${adjective} ${label} ${where}: ${formatValue(tied[0].value, valueUnit)} each.`
          : ranking.limit === 1
          ? `${subject(chosen[0].name)} had the ${adjective} ${label} ${where}: ${formatValue(chosen[0].value, valueUnit)}.`
          : `The ${ranking.limit} ${many} with the ${adjective} ${label} ${where}: ${chosen.map(shownValue).join(', ')}${tieNote(tiedAtCut.length > 3 ? `${tiedAtCut.length} ${many}` : namesOf(tiedAtCut), chosen.indexOf(tiedAtCut[0]) + 1, chosen.length)}.`;
    } else {
      chosen = chosen.sort((a, b) => b.value! - a.value! || compareText(a.name, b.name));
      if (interpretation.countOnly) {
        sentence = `${chosen.length} ${chosen.length === 1 ? one : many} had ${article(label)} ${label} ${where}.`;
      } else {
        sentence = chosen.length === 0
          ? `No ${one} has ${article(label)} ${label} ${where}.`
          : `${capitalize(label)} by ${one} ${where}: highest ${sharedBy(chosen, chosen[0], many)}, lowest ${sharedBy(chosen, chosen[chosen.length - 1], many)} (${chosen.length} ${chosen.length === 1 ? one : many}).`;
      }
    }
    if (interpretation.countOnly && (comparison || implied)) sentence = sentence.replace(/:.*$/, '.');
    // "did any team …": Yes or No first
    if (interpretation.existence && anyFound !== null) sentence = `${anyFound ? 'Yes' : 'No'}: ${sentence}`;
    return { interpretation: describe(interpretation, listDimension, periods, extra), answer: sentence + suppressedNote(hidden, minimum, listDimension), answered: true, table: tableOf(chosen), ...covered };
  }

  // Named groups, or everyone. People counted week by week do not add up: several weeks give the weekly mean, said so
  const weeklyMean = !change && spec.grain === 'week' && periods.length > 1 && (AVERAGED_COUNTS.has(metric.id) || AVERAGED_RATES.has(metric.id));
  const phrases = entries.map((entry) => {
    if (entry.suppressed) return `${subject(entry.name)}'s ${label} ${where} ${isOrAre(metric, label)} suppressed (fewer than ${minimum} users)`;
    // (an idle seat's cost is the config's licences.monthlyCost: without it the cost is unknown, not absent)
    if (entry.value === null && metric.id === 'idle_cost') return `The ${label} for ${subject(entry.name)} ${where} is not known: it needs licences.monthlyCost in the config`;
    // (a group with no task at all in the period is listed in no table: said, so a blank is not taken for a missing number)
    if (entry.value === null && idle(entry.name)) return `${capitalize(subject(entry.name))} had no tasks (AI or manual) ${where}, so it has no ${label}`;
    if (entry.value === null) return `${capitalize(subject(entry.name))} has no ${label} ${where}`;
    if (metric.id === 'hours_saved' && !change) return `${teamName(entry.name)} saved ${formatValue(entry.value, 'hours').replace(/ h$/, ' hours')} ${where}`;
    if (metric.id === 'tasks' && !change) {
      return `${teamName(entry.name)} completed ${formatValue(entry.value, 'count')} tasks ${where}: ${formatValue(entry.parts.ai_tasks, 'count')} with AI and ${formatValue(entry.parts.manual_tasks, 'count')} manually`;
    }
    if ((metric.id === 'ai_tasks' || metric.id === 'manual_tasks') && !change) {
      return `${teamName(entry.name)} completed ${formatValue(entry.value, 'count')} ${metric.id === 'ai_tasks' ? 'AI' : 'manual'} tasks ${where}`;
    }
    if (metric.id === 'baseline_min') {
      return `The manual baseline for ${entry.name} is ${formatValue(entry.value, 'minutes')} (median of ${formatValue(entry.parts.manual_tasks_with_duration, 'count')} manual tasks with a duration, up to ${source.reportWeek})`;
    }
    if (metric.id === 'delta_pts') {
      return `${capitalize(metric.label.replace('change in ', ''))} for ${subject(entry.name)} changed by ${formatValue(entry.value, 'pts')} ${where} (${formatValue(entry.parts.previous_adoption_rate, 'rate')} -> ${formatValue(entry.parts.adoption_rate, 'rate')})`;
    }
    if (change) return `${capitalize(metric.label)} for ${subject(entry.name)} ${verbFor(movement)} ${formatValue(entry.value, valueUnit)} ${where}`;
    if (metric.id === 'ai_users') {
      const licensed = entry.parts.licensed_users;
      const team = entry.name === '*' ? '' : `${entry.name} `;
      const users = `${weeklyMean ? 'On average ' : ''}${formatValue(entry.value, 'count')} ${team}${weeklyMean ? 'users a week' : entry.value === 1 ? 'user' : 'users'} had an AI task ${where}${
        licensed === null || licensed === undefined ? '' : ` (of ${formatValue(licensed, 'count')} licensed)`
      }`;
      return interpretation.existence === 'any' ? `${entry.value > 0 ? 'Yes' : 'No'}: ${users}` : users;
    }
    if (metric.id === 'harmful_tasks' && !change) {
      return `${teamName(entry.name)} had ${formatValue(entry.value, 'count')} harmful AI ${entry.value === 1 ? 'task' : 'tasks'} ${where} (${formatValue(entry.parts.ai_tasks ? entry.value / entry.parts.ai_tasks : null, 'rate')} of ${formatValue(entry.parts.ai_tasks, 'count')} AI tasks)`;
    }
    if (metric.id === 'abandoned_tasks' && !change) {
      const any = entry.parts.ai_tasks_any_status;
      return `${teamName(entry.name)} had ${formatValue(entry.value, 'count')} abandoned AI ${entry.value === 1 ? 'task' : 'tasks'} ${where} (${formatValue(any ? entry.value / any : null, 'rate')} of ${formatValue(any, 'count')} AI tasks of any status)`;
    }
    // ("which users did not use AI": the report counts them and names no one)
    if (metric.id === 'non_users' && interpretation.peopleListed && !change) {
      const licensed = entry.parts.licensed_users ?? entry.parts.people;
      return `The report names no one without an AI task, it only counts them: ${weeklyMean ? 'on average ' : ''}${formatValue(entry.value, 'count')} licensed ${entry.value === 1 && !weeklyMean ? 'person' : 'people'}${weeklyMean ? ' a week' : ''}${entry.name === '*' ? '' : ` in ${entry.name}`} had no AI task ${where}${licensed === null || licensed === undefined ? '' : ` (of ${formatValue(licensed, 'count')})`}${entry.name === '*' ? `; ask "${metric.label} by team" for each team` : ''}`;
    }
    if (metric.id === 'licensed_users') return `${teamName(entry.name)} had ${formatValue(entry.value, 'count')} licensed users ${where}`;
    if (metric.id === 'user_adoption_rate' && interpretation.existence === 'every') {
      return `${entry.value >= 1 ? 'Yes' : 'No'}: user adoption rate for ${subject(entry.name)} ${where} was ${formatValue(entry.value, 'rate')}${weeklyMean ? ' a week on average' : ''} (licensed users with at least one AI task${weeklyMean ? ' in the week' : ''})`;
    }
    if (weeklyMean) return `${capitalize(metric.label)} for ${subject(entry.name)} ${where} ${wasOrWere(metric)} ${formatValue(entry.value, metric.unit)} a week on average`;
    return `${capitalize(metric.label)} for ${subject(entry.name)} ${where} ${wasOrWere(metric)} ${formatValue(entry.value, metric.unit)}`;
  });
  const checks: string[] = [];
  if (comparison && entries.length === 1 && entries[0].value !== null) {
    const rule = normalizeComparison(comparison, metric, movement, change || metric.id === 'delta_pts', overall);
    checks.push(`is it ${ruleWords(rule, valueUnit, comparison.unit === 'overall').replace('only those ', '')}?`);
    // One verdict only: the threshold's replaces an existence "Yes:" the phrase may already carry
    const bare = phrases[0].replace(/^(Yes|No): /, '');
    // (a sentence that starts with the group's name keeps its spelling: "No: Legal saved …", not "legal saved")
    const keepsName = entries[0].name !== '*' && bare.startsWith(teamName(entries[0].name));
    phrases[0] = `${comparisonHolds(entries[0].value, rule) ? 'Yes' : 'No'}: ${keepsName ? bare.charAt(0) : bare.charAt(0).toLowerCase()}${bare.slice(1)}`;
    if (comparison.unit === 'overall') phrases[0] += ` (${metric.unit === 'hours' || metric.unit === 'count' ? 'the average team' : 'all teams'}: ${formatValue(overall, valueUnit)})`;
  }
  // "has Procurement's adoption dropped?", "did anyone in Legal abandon tasks?": Yes or No first
  const single = entries.length === 1 && !comparison ? entries[0] : null;
  if (single && single.value !== null && !single.suppressed && interpretation.yesNo) {
    const moved = (change || metric.id === 'delta_pts') && (movement === 'up' || movement === 'down') ? (movement === 'up') === single.value > 0 : null;
    const any = moved === null && interpretation.existence === 'any' && metric.unit === 'rate' && !/^(Yes|No):/.test(phrases[0]) ? single.value > 0 : null;
    const verdict = moved ?? any;
    const keepsName = single.name !== '*' && phrases[0].startsWith(teamName(single.name));
    if (verdict !== null) phrases[0] = `${verdict ? 'Yes' : 'No'}: ${keepsName ? phrases[0].charAt(0) : phrases[0].charAt(0).toLowerCase()}${phrases[0].slice(1)}`;
  }
  const several = entries.length > 1
    ? `${capitalize(label)} ${where}: ${entries.map((entry) => `${subject(entry.name)} ${entry.suppressed ? `suppressed (fewer than ${minimum} users)` : entry.value === null && idle(entry.name) ? '— (no tasks)' : formatValue(entry.value, valueUnit)}`).join(', ')}.`
    : null;
  return {
    interpretation: describe(interpretation, dimension === 'all' ? 'all' : dimension, periods, [...(change ? ['the change from the first to the last period'] : periods.length > 1 ? [combinedAs(metric.id)] : []), ...checks]),
    answer: several ?? `${phrases.join('; ')}.`,
    answered: true,
    table: tableOf(visible),
    ...covered,
  };
}

// Each group's value in each period ("hours saved per week by team"), one column per period, the groups in the order
// of the last period's value: a series per group, which neither the change nor the total over the periods is.
function eachPeriodTable(
  interpretation: Interpretation,
  spec: NumericSpec,
  dimension: Dimension,
  periods: string[],
  perPeriod: PeriodRow[][],
  names: string[],
  where: string,
  minimum: number,
  covered: { weeks?: string[] },
  quietWeeks: (name: string) => string[],
): AnswerBody {
  const { metric } = interpretation;
  const periodWord = spec.grain === 'month' ? 'month' : 'week';
  const [one, many] = DIMENSION_NAMES[dimension];
  if (interpretation.comparison || interpretation.ranking) {
    return unanswerable(
      `${metric.label} per ${periodWord} by ${one}, ${interpretation.comparison ? 'compared with a threshold' : 'ranked'}`,
      `I can list ${metric.label} per ${periodWord} by ${one} (one column per ${periodWord}), but not compare or rank ${many} by a value per ${periodWord} yet, so I will not guess; ask "${metric.label} per ${periodWord} by ${one}", or name one ${periodWord} ("… last week").`,
    );
  }
  // (a count of tasks, or the hours they saved, is 0 in a week the group had no task in)
  const quietIn = new Map(names.map((name) => [name, new Set(quietWeeks(name))]));
  const valueIn = (name: string, index: number): { suppressed: boolean; value: number | null } => {
    const row = perPeriod[index].find((entry) => entry.name === name);
    if (!row) return { suppressed: false, value: TASK_SUMS.has(metric.id) && quietIn.get(name)?.has(periods[index]) ? 0 : null };
    return row.suppressed ? { suppressed: true, value: null } : { suppressed: false, value: spec.combine([row]).value };
  };
  const hidden = names.filter((name) => periods.some((_, index) => valueIn(name, index).suppressed));
  const shown = names.filter((name) => !hidden.includes(name) && name !== '*');
  const last = periods.length - 1;
  shown.sort((a, b) => (valueIn(b, last).value ?? -Infinity) - (valueIn(a, last).value ?? -Infinity) || compareText(a, b));
  // (from each group's first week with a value to its last: a week it had no task in is said after the list)
  const first = (name: string) => periods.findIndex((_, index) => valueIn(name, index).value !== null);
  const lastHeld = (name: string) => periods.length - 1 - [...periods].reverse().findIndex((_, index) => valueIn(name, periods.length - 1 - index).value !== null);
  const phrases = shown.map((name) => {
    const from = first(name);
    if (from < 0) return `${name} none`;
    const to = lastHeld(name);
    if (from === to) return `${name} ${formatValue(valueIn(name, from).value, metric.unit)} (${periods[from]} only)`;
    return `${name} ${formatValue(valueIn(name, from).value, metric.unit)} (${periods[from]}) to ${formatValue(valueIn(name, to).value, metric.unit)} (${periods[to]})`;
  });
  const quiet = shown.flatMap((name) => {
    const weeks = quietWeeks(name);
    return weeks.length === 0 ? [] : [`${name} had no tasks (AI or manual) in ${LIST_WORDS.format(weeks)}`];
  });
  const answer = shown.length === 0
    ? `No ${one} has ${article(metric.label)} ${metric.label} ${where}.`
    : `${capitalize(metric.label)} per ${periodWord} by ${one} ${where}, one column per ${periodWord}: ${phrases.join(', ')}.${quiet.length === 0 ? '' : ` ${quiet.join('; ')}.`}`;
  return {
    interpretation: describe(interpretation, dimension, periods, [`per ${periodWord}`]),
    answer: answer + suppressedNote(hidden.length, minimum, dimension),
    answered: true,
    table: {
      columns: [DIMENSION_NAMES[dimension][2], ...periods],
      units: ['text', ...periods.map(() => metric.unit)],
      rows: shown.map((name) => [name, ...periods.map((_, index) => valueIn(name, index).value)]),
    },
    ...covered,
  };
}

// The periods on each side of "versus last week/month": the report period (or the one asked) and the one before it.
function versusPeriods(interpretation: Interpretation, source: MetricsSource, grain: NumericSpec['grain']): { current: string[]; previous: string[]; currentLabel: string; previousLabel: string } {
  const { time, versus } = interpretation;
  const week = time.kind === 'week' ? time.week : source.reportWeek;
  if (grain === 'week' && versus?.unit === 'week') {
    return { current: [week], previous: [shiftWeek(week, -1)], currentLabel: week, previousLabel: shiftWeek(week, -1) };
  }
  // a week's month: for a month-grain table the report's last month (its Sunday's), for weekly numbers the month whose
  // weeks they add up over (its Thursday's), so that the week is among the weeks compared
  const month = time.kind === 'month' ? time.month
    : grain === 'month' && time.kind === 'default' && interpretation.metric.id === 'coverage' ? availableMonths(source, interpretation).at(-1) ?? source.reportMonth
      : grain === 'month' ? lastMonthOfWeek(week) : monthOfWeek(week);
  const before = shiftMonth(month, -1);
  if (grain === 'month') return { current: [month], previous: [before], currentLabel: month, previousLabel: before };
  const weeksIn = (target: string) => weeksOfMonth(target).filter((entry) => source.weeks.includes(entry));
  const label = (target: string, weeks: string[]) => (weeks.length === 0 ? target : `${target} (weeks ${weeks[0]} to ${weeks[weeks.length - 1]})`);
  return { current: weeksIn(month), previous: weeksIn(before), currentLabel: label(month, weeksIn(month)), previousLabel: label(before, weeksIn(before)) };
}

// "HR's adoption versus last week", "is ASI better than last month": both periods, the difference, Yes/No when a way was asked.
function answerVersus(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  const { metric, versus } = interpretation;
  const spec = specOf(metric)!;
  const named = interpretation.taskTypes.length > 0 && interpretation.teams.length === 0
    ? { dimension: 'task_type' as Scope, names: interpretation.taskTypes }
    : { dimension: (interpretation.teams.length > 0 ? 'team' : 'all') as Scope, names: interpretation.teams.length > 0 ? interpretation.teams : ['*'] };
  if (!spec.scopes.includes(named.dimension)) return answerNumeric({ ...interpretation, versus: null }, source);
  const { current, previous, currentLabel, previousLabel } = versusPeriods(interpretation, source, spec.grain);
  // Hours and task counts add up over weeks: a month of 3 weeks (up to the report week) against one of 5 would read as a
  // fall however each week went, so totals over unequal weeks are refused, naming the weekly averages that compare
  const adds = spec.grain === 'week' && (metric.unit === 'hours' || metric.unit === 'count') && !AVERAGED_COUNTS.has(metric.id);
  if (adds && versus?.unit === 'month' && previous.length > 0 && current.length !== previous.length) {
    const weeks = (count: number) => `${count} ${count === 1 ? 'week' : 'weeks'}`;
    return unanswerable(
      `${metric.label}, ${currentLabel} against the month before (${previousLabel}), totals over unequal weeks`,
      `${currentLabel} holds ${weeks(current.length)} and ${previousLabel} ${weeks(previous.length)}, so their totals of ${metric.label} do not compare (the shorter month would look lower however each week went); ask "average ${metric.label} per week this month" and "average ${metric.label} per week last month", or "${metric.label} per week since last month".`,
    );
  }
  const valueOf = (name: string, periods: string[]) => {
    const rows = periods.flatMap((period) => spec.rows(source, named.dimension, period)).filter((row) => row.name === name);
    if (rows.some((row) => row.suppressed)) return { suppressed: true, value: null };
    // (a team with no task on either side is in no table: its roster decides whether it may be named)
    const quiet = named.dimension === 'team' && rows.length === 0 && [...current, ...previous].every((period) => !spec.rows(source, 'team', period).some((row) => row.name === name));
    if (quiet && source.quietTeamSuppressed(name, [...current, ...previous])) return { suppressed: true, value: null };
    return { suppressed: false, value: rows.length === 0 ? null : spec.combine(rows).value };
  };
  const minimum = source.config.privacy.minGroupSize;
  const scale = metric.unit === 'rate' ? 100 : 1;
  const differenceUnit: ValueUnit = metric.unit === 'rate' ? 'pts' : metric.unit;
  const rows: AskCell[][] = [];
  // "which teams saved fewer hours than last week": every team (task type) against its own period before, those that
  // moved the way asked, most first; never the all-teams comparison
  const listed = interpretation.dimension === 'team' || interpretation.dimension === 'task_type' ? interpretation.dimension : null;
  if (listed && named.dimension === 'all' && spec.scopes.includes(listed)) {
    const [one, many, column] = DIMENSION_NAMES[listed];
    const names = [...new Set(current.flatMap((period) => spec.rows(source, listed, period)).map((row) => row.name))].sort(compareText);
    const valueIn = (name: string, periods: string[]) => {
      const found = periods.flatMap((period) => spec.rows(source, listed, period)).filter((row) => row.name === name);
      return found.some((row) => row.suppressed) ? undefined : found.length === 0 ? null : spec.combine(found).value;
    };
    const groups = names.map((name) => ({ name, now: valueIn(name, current), before: valueIn(name, previous) }));
    const hidden = groups.filter((group) => group.now === undefined || group.before === undefined).length;
    const direction = versus?.direction ?? null;
    const moved = groups
      .filter((group): group is { name: string; now: number; before: number } => typeof group.now === 'number' && typeof group.before === 'number')
      .map((group) => ({ ...group, difference: (group.now - group.before) * scale }))
      .filter((group) => direction === null || (direction === 'up' ? group.difference > 0 : group.difference < 0))
      .sort((a, b) => (direction === 'down' ? a.difference - b.difference : b.difference - a.difference) || compareText(a.name, b.name));
    const shown = moved.map((group) => `${group.name} (${formatValue(group.now, metric.unit)} against ${formatValue(group.before, metric.unit)}, ${formatChange(group.difference, differenceUnit)})`);
    const way = metric.unit === 'count' ? (direction === 'up' ? 'more' : 'fewer') : direction === 'up' ? 'higher' : 'lower';
    const answer = direction === null
      ? `${capitalize(metric.label)} by ${one}, ${currentLabel} against ${previousLabel}: ${shown.join(', ')}.`
      : moved.length === 0
        ? `No ${one} had ${way} ${metric.label} in ${currentLabel} than in ${previousLabel}.`
        : `${moved.length} ${moved.length === 1 ? one : many} had ${way} ${metric.label} in ${currentLabel} than in ${previousLabel}: ${shown.join(', ')}.`;
    return {
      interpretation: `${metric.label} by ${one}, ${currentLabel} against the ${versus?.unit ?? 'week'} before (${previousLabel})${direction ? `, only those ${way}` : ''}`,
      answer: answer + suppressedNote(hidden, minimum, listed),
      answered: true,
      table: {
        columns: [column, previousLabel, currentLabel, `change_${differenceUnit}`], units: ['text', metric.unit, metric.unit, differenceUnit],
        rows: moved.map((group) => [group.name, group.before, group.now, group.difference]),
      },
      ...(spec.grain === 'week' ? { weeks: [...previous, ...current] } : {}),
    };
  }
  const phrases = named.names.map((name) => {
    const now = valueOf(name, current);
    const before = valueOf(name, previous);
    const who = name === '*' ? 'all teams' : name;
    if (now.suppressed || before.suppressed) return `${capitalize(metric.label)} for ${who} ${isOrAre(metric)} suppressed (fewer than ${minimum} users)`;
    rows.push([name, previousLabel, before.value], [name, currentLabel, now.value]);
    const difference = now.value === null || before.value === null ? null : (now.value - before.value) * scale;
    // (a period with nothing to measure is said in words, not "against — in 2026-W39")
    const against = before.value === null ? `, with no ${metric.label} in ${previousLabel} to compare (no data)` : ` against ${formatValue(before.value, metric.unit)} in ${previousLabel}`;
    const text = `${capitalize(metric.label)} for ${who}: ${formatValue(now.value, metric.unit)} in ${currentLabel}${against}` +
      (difference === null ? '' : ` (${difference === 0 ? 'no change' : formatChange(difference, differenceUnit)})`);
    if (!versus?.direction || difference === null) return text;
    const holds = versus.direction === 'up' ? difference > 0 : difference < 0;
    return `${holds ? 'Yes' : 'No'}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  });
  const way = versus?.direction ? `, is it ${versus.direction === 'up' ? 'higher' : 'lower'}?` : '';
  const who = named.names.map((name) => (name === '*' ? 'all teams' : name)).join(', ');
  return {
    interpretation: `${metric.label} for ${who}, ${currentLabel} against the ${versus?.unit ?? 'week'} before (${previousLabel})${way}`,
    answer: `${phrases.join('; ')}.`,
    answered: true,
    table: { columns: [named.dimension === 'all' ? 'team' : DIMENSION_NAMES[named.dimension as Dimension][2], spec.grain === 'month' || versus?.unit === 'month' ? 'month' : 'week', metric.id], units: ['text', 'text', metric.unit], rows },
    ...(spec.grain === 'week' ? { weeks: [...previous, ...current] } : {}),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const capitalize = (text: string) => (text.length === 0 ? text : text[0].toUpperCase() + text.slice(1));

function weeksFor(source: MetricsSource, interpretation: Interpretation): { weeks: string[]; where: string } {
  const { periods } = periodsOf(source, interpretation, 'week');
  return { weeks: periods, where: periods.length === 0 ? 'in that period' : periodPhrase(periods, 'week', interpretation.time) };
}

function answerBlindSpots(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  const { periods, asked } = periodsOf(source, interpretation, 'month');
  const threshold = source.config.metrics.coverageThreshold;
  const columns = ['month', 'user_id', 'team', 'logged_ai_tasks', 'reported_ai_tasks', 'coverage'];
  const units: ValueUnit[] = ['text', 'text', 'text', 'count', 'count', 'rate'];
  if (periods.length === 0) {
    const months = availableMonths(source, interpretation);
    return { interpretation: `logging blind spots, ${asked}`, answered: true, table: { columns, units, rows: [] },
      answer: `Logging coverage is listed only for complete months; ${asked} has none${months.length > 0 ? ` (months available: ${months.join(', ')})` : ''}.` };
  }
  const rows = source.document(source.reportWeek).tables.logging_coverage
    .filter((row) => periods.includes(row.month) && row.flagged === true)
    .filter((row) => interpretation.teams.length === 0 || interpretation.teams.includes(String(row.team)))
    .sort((a, b) => compareText(a.month, b.month) || (a.coverage ?? 0) - (b.coverage ?? 0) || compareText(a.user_id, b.user_id));
  const where = periods.length === 1 ? `in ${periods[0]}` : `from ${periods[0]} to ${periods[periods.length - 1]}`;
  const team = interpretation.teams.length > 0 ? ` in ${interpretation.teams.join(', ')}` : '';
  const answer = rows.length === 0
    ? `No user${team} was a logging blind spot ${where} (coverage below ${formatValue(threshold, 'rate')}).`
    : `${rows.length} ${rows.length === 1 ? 'user' : 'users'}${team} ${rows.length === 1 ? 'was a logging blind spot' : 'were logging blind spots'} ${where} (coverage below ${formatValue(threshold, 'rate')}): ` +
      `${rows.map((row) => `${row.user_id} (${formatValue(row.coverage, 'rate')})`).join(', ')}.`;
  return {
    interpretation: `logging blind spots (users with coverage below ${formatValue(threshold, 'rate')})${team}, ${periods.join(', ')}`,
    answer, answered: true,
    table: { columns, units, rows: rows.map((row) => [row.month, row.user_id, (row.team as string | null) ?? null, row.logged_ai_tasks, row.reported_ai_tasks, row.coverage]) },
  };
}

// Teams suppressed in a week's adoption table: their gaps and alerts are not named either.
function suppressedTeams(source: MetricsSource, week: string): Set<string> {
  return new Set(source.document(week).tables.adoption_by_team.filter((row) => row.suppressed === true).map((row) => row.team));
}

function answerGaps(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  const { weeks, where } = weeksFor(source, interpretation);
  const found = weeks.flatMap((week) => {
    const hidden = suppressedTeams(source, week);
    return source.document(week).tables.gaps.map((row) => ({ row, hidden: hidden.has(row.team) }));
  }).filter(({ row }) => interpretation.teams.length === 0 || interpretation.teams.includes(row.team));
  const rows = found.filter((entry) => !entry.hidden).map((entry) => entry.row);
  const hiddenCount = found.length - rows.length;
  const note = hiddenCount > 0 ? ` ${hiddenCount} gap${hiddenCount === 1 ? '' : 's'} of suppressed teams (fewer than ${source.config.privacy.minGroupSize} users) not shown.` : '';
  const team = interpretation.teams.length > 0 ? ` for ${interpretation.teams.join(', ')}` : '';
  const answer = rows.length === 0
    ? `No data gaps${team} ${where}.`
    : `${rows.length} data ${rows.length === 1 ? 'gap' : 'gaps'}${team} ${where}: ${rows.map((row) => `${teamName(row.team)} had no ${sourceTasks(row.source)} on ${row.date}`).join('; ')}.`;
  return {
    interpretation: `data gaps${team}, ${weeks.join(', ') || 'no week with data'}`, answer: answer + note, answered: true,
    table: { columns: ['date', 'team', 'source', 'expected_tasks'], units: ['text', 'text', 'text', 'count'], rows: rows.map((row) => [row.date, row.team, row.source, num(row.expected_tasks)]) },
  };
}

/** One alert as `uptake serve` lists it. */
export interface WeekAlert {
  severity: string;
  rule: string;
  team: string | null;
  message: string;
}

/**
 * The report week's alerts, those of suppressed teams left out (as answers leave them out).
 * @example weekAlerts(source)[0].message // 'Procurement: adoption fell 22.0 points from 2026-W46 to 2026-W47 (55.6 % -> 33.6 %)'
 */
export function weekAlerts(source: MetricsSource): WeekAlert[] {
  const hidden = suppressedTeams(source, source.reportWeek);
  return source.report.tables.alerts
    .filter((alert) => alert.team === undefined || !hidden.has(alert.team))
    .map((alert) => ({ severity: alert.severity, rule: alert.rule, team: alert.team ?? null, message: alert.message ?? alert.rule }));
}

// "alerts for Procurement", "red flags for invoice matching": an alert of a team named, or of a task type named
// (task_type_drop: its team is "*", all teams).
function isAbout(alert: AlertRow, interpretation: Interpretation): boolean {
  return (alert.team !== undefined && interpretation.teams.includes(alert.team)) || (alert.task_type !== undefined && interpretation.taskTypes.includes(alert.task_type));
}

function answerAlerts(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  const { weeks, where } = weeksFor(source, interpretation);
  const named = [...interpretation.teams, ...interpretation.taskTypes];
  const found = weeks
    .flatMap((week) => {
      const hidden = suppressedTeams(source, week);
      return source.document(week).tables.alerts.map((alert) => ({ week, alert, hidden: alert.team !== undefined && hidden.has(alert.team) }));
    })
    .filter(({ alert }) => named.length === 0 || isAbout(alert, interpretation))
    .filter(({ alert }) => interpretation.severities.length === 0 || interpretation.severities.includes(alert.severity));
  const rows = found.filter((entry) => !entry.hidden);
  const note = found.length > rows.length ? ` ${found.length - rows.length} alert${found.length - rows.length === 1 ? '' : 's'} of suppressed teams (fewer than ${source.config.privacy.minGroupSize} users) not shown.` : '';
  // "high alerts": only those severities, named in the answer ("2 high alerts", "No high or medium alerts")
  const severity = interpretation.severities.length > 0 ? ` ${interpretation.severities.join(' or ')}` : '';
  const team = named.length > 0 ? ` for ${named.join(', ')}` : '';
  const bySeverity = new Map<string, number>();
  for (const { alert } of rows) bySeverity.set(alert.severity, (bySeverity.get(alert.severity) ?? 0) + 1);
  // "which teams have alerts", "how many teams had alerts": the teams, with their number of alerts, most first
  const perTeam = new Map<string, number>();
  for (const { alert } of rows) if (alert.team !== undefined && alert.team !== null && alert.team !== '*') perTeam.set(alert.team, (perTeam.get(alert.team) ?? 0) + 1);
  const teams = [...perTeam].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const aboutAll = rows.length - teams.reduce((total, [, count]) => total + count, 0);
  const byTeam = interpretation.dimension === 'team' && named.length === 0
    ? teams.length === 0
      ? `No team had${severity} alerts ${where}.`
      : `${teams.length} ${teams.length === 1 ? 'team' : 'teams'} had${severity} alerts ${where}: ${teams.map(([name, count]) => `${name} (${count})`).join(', ')}` +
        `${aboutAll > 0 ? `; ${aboutAll} more ${aboutAll === 1 ? 'alert is' : 'alerts are'} about all teams` : ''}.`
    : null;
  const answer = byTeam ?? (rows.length === 0
    ? `No${severity} alerts${team} ${where}.`
    : `${rows.length}${severity} ${rows.length === 1 ? 'alert' : 'alerts'}${team} ${where}${interpretation.severities.length === 1 ? '' : ` (${[...bySeverity].map(([level, count]) => `${count} ${level}`).join(', ')})`}: ` +
      `${rows.slice(0, 3).map(({ alert }) => alert.message ?? alert.rule).join('; ')}${rows.length > 3 ? '; …' : ''}.`);
  return {
    interpretation: `${severity.trim() === '' ? '' : `${severity.trim()} `}alerts${team}, ${weeks.join(', ') || 'no week with data'}`, answer: answer + note, answered: true,
    table: {
      columns: ['week', 'severity', 'rule', 'team', 'task_type', 'message'], units: ['text', 'text', 'text', 'text', 'text', 'text'],
      rows: rows.map(({ week, alert }) => [week, alert.severity, alert.rule, alert.team ?? null, alert.task_type ?? null, alert.message ?? null]),
    },
  };
}

function answerPowerUsers(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  const { weeks, where } = weeksFor(source, interpretation);
  const percentile = `${formatValue(source.config.metrics.powerUserPercentile * 100, 'count')}th percentile`;
  let rows = weeks
    .flatMap((week) => source.document(week).tables.power_users)
    .filter((row) => interpretation.teams.length === 0 || (row.team !== null && interpretation.teams.includes(String(row.team))))
    .sort((a, b) => compareText(String(a.week), String(b.week)) || Number(b.ai_tasks) - Number(a.ai_tasks) || compareText(String(a.user_id), String(b.user_id)));
  const ranking = interpretation.ranking;
  // "did anyone use it more than 25 times": users above that many AI tasks, known from the power-user cut-off up
  const limit = interpretation.comparison?.unit === 'count' && interpretation.comparison.op.startsWith('>') ? interpretation.comparison : null;
  if (limit) {
    const cutoff = weeks.map((week) => num(source.document(week).tables.power_users[0]?.threshold)).find((value) => value !== null) ?? null;
    const team = interpretation.teams.length > 0 ? ` in ${interpretation.teams.join(', ')}` : '';
    const interpretationText = `users${team} with ${limit.op === '>' ? 'more than' : 'at least'} ${limit.value} AI tasks in a week, ${weeks.join(', ') || 'no week with data'}`;
    const table = { columns: ['week', 'user_id', 'team', 'ai_tasks', 'threshold'], units: ['text', 'text', 'text', 'count', 'count'] as ValueUnit[], rows: [] as AskCell[][] };
    if (cutoff === null || limit.value < cutoff) {
      return { interpretation: interpretationText, answered: true, table,
        answer: `Per-user weekly AI tasks are listed only for power users (above the ${percentile}${cutoff === null ? '' : `, ${formatValue(cutoff, 'count')} AI tasks`}), so the users with ${limit.text.replace(/ times$/, '')} AI tasks ${where} cannot all be named; ask "who are the power users".` };
    }
    const over = rows.filter((row) => comparisonHolds(Number(row.ai_tasks), { ...limit, unit: 'count' }));
    const verdict = interpretation.existence ? `${over.length > 0 ? 'Yes' : 'No'}: ` : '';
    return {
      interpretation: interpretationText, answered: true, weeks,
      answer: over.length === 0
        ? `${verdict}no user${team} had ${limit.text.replace(/ times$/, '')} AI tasks ${where}.`
        : `${verdict}${over.length} ${over.length === 1 ? 'user' : 'users'}${team} had ${limit.text.replace(/ times$/, '')} AI tasks ${where}: ${over.map((row) => `${row.user_id} (${formatValue(num(row.ai_tasks), 'count')})`).join(', ')}.`,
      table: { ...table, rows: over.map((row) => [String(row.week), String(row.user_id), (row.team as string | null) ?? null, num(row.ai_tasks), num(row.threshold)]) },
    };
  }
  let answer = rows.length === 0
    ? `No power users ${where}.`
    : `${rows.length} power ${rows.length === 1 ? 'user' : 'users'} ${where} (weekly AI tasks above the ${percentile}, ${formatValue(num(rows[0].threshold), 'count')}): ` +
      `${rows.map((row) => `${row.user_id} (${formatValue(num(row.ai_tasks), 'count')} AI tasks)`).join(', ')}.`;
  // "who is the heaviest AI user": the power users with the most AI tasks (only they are listed per user)
  if (ranking && rows.length > 0) {
    // (a tie at the cut keeps every user holding it, said)
    const limit = Math.max(1, ranking.limit);
    const { shown, tiedAtCut } = topWithTies([...rows].sort((a, b) => (ranking.order === 'desc' ? Number(b.ai_tasks) - Number(a.ai_tasks) : Number(a.ai_tasks) - Number(b.ai_tasks))), limit, (row) => num(row.ai_tasks));
    rows = shown;
    answer = rows.length === 1
      ? `${rows[0].user_id}${rows[0].team ? ` (${rows[0].team})` : ''} had the most AI tasks ${where}: ${formatValue(num(rows[0].ai_tasks), 'count')} (power users are above the ${percentile}, ${formatValue(num(rows[0].threshold), 'count')} tasks).`
      : limit === 1
        ? `${LIST_WORDS.format(rows.map((row) => String(row.user_id)))} tied for the most AI tasks ${where}: ${formatValue(num(rows[0].ai_tasks), 'count')} each.`
        : `The ${limit} users with the most AI tasks ${where}: ${rows.map((row) => `${row.user_id} (${formatValue(num(row.ai_tasks), 'count')})`).join(', ')}${tieNote(tiedAtCut.length > 3 ? `${tiedAtCut.length} users` : LIST_WORDS.format(tiedAtCut.map((row) => String(row.user_id))), rows.indexOf(tiedAtCut[0]) + 1, rows.length)}.`;
  }
  return {
    interpretation: `power users (weekly AI tasks above the ${percentile})${ranking ? ', most AI tasks first' : ''}, ${weeks.join(', ') || 'no week with data'}`, answer, answered: true,
    table: {
      columns: ['week', 'user_id', 'team', 'ai_tasks', 'threshold'], units: ['text', 'text', 'text', 'count', 'count'],
      rows: rows.map((row) => [String(row.week), String(row.user_id), (row.team as string | null) ?? null, num(row.ai_tasks), num(row.threshold)]),
    },
  };
}

/** The report week's headline numbers (also what `uptake serve` shows at the top). */
export interface Headline {
  week: string;
  adoption_rate: number | null;
  delta_pts: number | null;
  hours_saved: number | null;
  asi: number | null;
  asi_month: string;
  harm_rate: number | null;
  alerts: number;
}

/**
 * The report week's headline numbers, from the all-teams rows.
 * @example headline(source).adoption_rate // 0.513
 */
export function headline(source: MetricsSource, week: string = source.reportWeek): Headline {
  const { tables } = source.document(week);
  const all = tables.adoption_by_team.find((row) => row.team === '*');
  const month = lastMonthOfWeek(week);
  return {
    week,
    adoption_rate: num(all?.adoption_rate),
    delta_pts: num(all?.delta_pts),
    hours_saved: num(tables.time_saved.find((row) => row.week === week && row.team === '*')?.hours_saved),
    asi: num(tables.accuracy_stability.find((row) => row.month === month && row.team === '*')?.asi),
    asi_month: month,
    harm_rate: num(tables.harm.find((row) => row.team === '*')?.harm_rate),
    alerts: tables.alerts.length,
  };
}

// "tell me about Legal", "how is Legal doing in W45": one week's summary of the group (the report week unless a week is
// named); a month or a range, or a ranking of summaries, is refused: a summary holds several measures of one week
function answerSummaryOf(interpretation: Interpretation, source: MetricsSource): AnswerBody {
  const { time, teams, taskTypes } = interpretation;
  const who = teams.length > 0 ? teams.join(' and ') : taskTypes.length > 0 ? taskTypes.join(' and ') : 'all teams';
  if (interpretation.ranking || interpretation.comparison) {
    return unanswerable(`headline numbers, ranked or filtered`, 'A summary holds several measures, so it ranks and filters no team; ask about one measure: ' +
      '"which team has the highest adoption", "which team saved the most hours", "which team has the highest harm rate".' +
      // ("who are the top performers": people, ranked by the one measure the tables hold per person)
      ' For people, "who are the power users" names those with the most AI tasks (no other measure is kept per person).');
  }
  const week = time.kind === 'week' ? time.week : time.kind === 'default' ? source.reportWeek : null;
  if (week === null) {
    const phrase = 'phrase' in time ? time.phrase : source.reportWeek;
    return unanswerable(`headline numbers for ${who}, ${phrase}`, `A summary is of one week (the report week is ${source.reportWeek}); ` +
      `ask for a week ("${teams[0] ? `how is ${teams[0]} doing` : 'how are we doing'} in ${source.reportWeek.slice(5)}") or about one measure over ${phrase} ` +
      `("${teams[0] ? `${teams[0]}'s adoption` : 'adoption'} in ${phrase}").`);
  }
  if (!source.weeks.includes(week)) {
    const span = source.weeks.length === 0 ? 'no weeks' : `${source.weeks[0]} to ${source.weeks[source.weeks.length - 1]}`;
    return { interpretation: `headline numbers for ${who}, ${week}`, answered: true, table: { columns: [], units: [], rows: [] }, answer: `There are no numbers for ${week}: the data holds ${span}.` };
  }
  if (taskTypes.length === 1 && teams.length === 0) return answerTaskTypeSummary(source, taskTypes[0], week);
  if (teams.length <= 1) return answerSummary(source, teams, week);
  // "tell me about Finance and HR": each team's summary, side by side
  const each = teams.map((team) => answerTeamSummary(source, team, week));
  const shown = each.map((body, index) => ({ team: teams[index], body })).filter(({ body }) => body.table.rows.length > 0);
  const metrics = shown[0]?.body.table.rows.map((row) => row[0]) ?? [];
  return {
    interpretation: `headline numbers for ${who}, ${week} (ASI for ${lastMonthOfWeek(week)})`,
    answered: true,
    answer: each.map((body) => body.answer).join(' '),
    table: {
      columns: ['metric', ...shown.map(({ team }) => team)], units: ['text', ...shown.map((): ValueUnit => 'text')],
      rows: metrics.map((metric) => [metric, ...shown.map(({ body }) => body.table.rows.find((row) => row[0] === metric)?.[1] ?? null)]),
    },
    weeks: [week],
  };
}

// An alert rule as words: "asi_below_target" is "ASI below target".
const ruleName = (rule: string) => rule.replace(/_/g, ' ').replace(/\basi\b/g, 'ASI');

// "how is Legal doing": the team's adoption and its change, hours saved, ASI, harm and the alerts on it, of one week.
function answerTeamSummary(source: MetricsSource, team: string, week: string = source.reportWeek): AnswerBody {
  const { tables } = source.document(week);
  const month = lastMonthOfWeek(week);
  const adoption = tables.adoption_by_team.find((row) => row.team === team);
  const interpretation = `headline numbers for ${team}, ${week} (ASI for ${month})`;
  // (a team with no task that week is in no table: its roster decides whether it may be named)
  if (adoption?.suppressed === true || (adoption === undefined && source.quietTeamSuppressed(team, [week]))) return suppressedSummary(source, interpretation, team, week);
  const { hours, asi, harm } = summaryFigures(tables, team, week);
  const alerts = tables.alerts.filter((alert) => alert.team === team);
  const adoptionRate = num(adoption?.adoption_rate);
  const delta = num(adoption?.delta_pts);
  const rules = [...new Set(alerts.map((alert) => ruleName(String(alert.rule))))];
  return {
    interpretation,
    answered: true,
    // (a team with no task that week is in no week table: said first, so the blanks are not taken for missing numbers)
    answer: `${team} in ${week}: ${adoption === undefined ? 'no tasks (AI or manual), so ' : ''}adoption ${formatValue(adoptionRate, 'rate')} (${formatValue(delta, 'pts')} on ${shiftWeek(week, -1)}), ` +
      `${formatValue(hours, 'hours').replace(/ h$/, ' hours')} saved, ASI ${formatValue(asi, 'rate')} in ${month}, harm rate ${formatValue(harm, 'rate')}, ` +
      `${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}.`,
    table: {
      columns: ['metric', 'value'], units: ['text', 'text'],
      rows: [
        ['adoption_rate', formatValue(adoptionRate, 'rate')],
        ['delta_pts', formatValue(delta, 'pts')],
        ['hours_saved', formatValue(hours, 'hours')],
        [`asi (${month})`, formatValue(asi, 'rate')],
        ['harm_rate', formatValue(harm, 'rate')],
        ['alerts', String(alerts.length)],
        ...alerts.map((alert) => [`alert: ${String(alert.rule)}`, String(alert.message ?? '')]),
      ],
    },
    weeks: [week],
  };
}

// "how is contract review doing": the task type's adoption and its change, abandonment, hours saved, ASI and harm (all teams).
function answerTaskTypeSummary(source: MetricsSource, taskType: string, week: string = source.reportWeek): AnswerBody {
  const month = lastMonthOfWeek(week);
  const byType = source.taskTypeDocument(week).tables;
  const adoption = source.document(week).tables.adoption_by_task_type.find((row) => row.task_type === taskType);
  const interpretation = `headline numbers for the task type ${taskType}, all teams, ${week} (ASI for ${month})`;
  if (adoption?.suppressed === true) return suppressedSummary(source, interpretation, taskType, week);
  const adoptionRate = num(adoption?.adoption_rate);
  const delta = num(adoption?.delta_pts);
  const abandonment = num(adoption?.abandonment_rate);
  const { hours, asi, harm } = summaryFigures(byType, taskType, week);
  return {
    interpretation,
    answered: true,
    answer: `${taskType} in ${week} (all teams): adoption ${formatValue(adoptionRate, 'rate')} (${formatValue(delta, 'pts')} on ${shiftWeek(week, -1)}), ` +
      `abandonment ${formatValue(abandonment, 'rate')}, ${formatValue(hours, 'hours').replace(/ h$/, ' hours')} saved, ASI ${formatValue(asi, 'rate')} in ${month}, harm rate ${formatValue(harm, 'rate')}.`,
    table: {
      columns: ['metric', 'value'], units: ['text', 'text'],
      rows: [
        ['adoption_rate', formatValue(adoptionRate, 'rate')],
        ['delta_pts', formatValue(delta, 'pts')],
        ['abandonment_rate', formatValue(abandonment, 'rate')],
        ['hours_saved', formatValue(hours, 'hours')],
        [`asi (${month})`, formatValue(asi, 'rate')],
        ['harm_rate', formatValue(harm, 'rate')],
      ],
    },
    weeks: [week],
  };
}

// A summary of a group withheld for privacy says so, and shows nothing.
function suppressedSummary(source: MetricsSource, interpretation: string, name: string, week: string): AnswerBody {
  return { interpretation, answered: true, table: { columns: [], units: [], rows: [] }, answer: `${name}'s numbers for ${week} are suppressed (fewer than ${source.config.privacy.minGroupSize} users).` };
}

// A summary's hours saved (its week), ASI (the month the report quotes: its week's Sunday's, lastMonthOfWeek) and harm rate of the group `key` in a document's tables
// (the report's, by team; the task-type document's, by task type in the team column).
function summaryFigures(tables: MetricsSource['report']['tables'], key: string, week: string): { hours: number | null; asi: number | null; harm: number | null } {
  return {
    hours: num(tables.time_saved.find((row) => row.week === week && row.team === key)?.hours_saved),
    asi: num(tables.accuracy_stability.find((row) => row.month === lastMonthOfWeek(week) && row.team === key)?.asi),
    harm: num(tables.harm.find((row) => row.team === key)?.harm_rate),
  };
}

function answerSummary(source: MetricsSource, teams: string[] = [], week: string = source.reportWeek): AnswerBody {
  if (teams.length === 1) return answerTeamSummary(source, teams[0], week);
  const numbers = headline(source, week);
  return {
    interpretation: `headline numbers for all teams, ${week} (ASI for ${numbers.asi_month})`,
    answered: true,
    answer: `In ${numbers.week} adoption was ${formatValue(numbers.adoption_rate, 'rate')} (${formatValue(numbers.delta_pts, 'pts')} on the week before), ` +
      `${formatValue(numbers.hours_saved, 'hours').replace(/ h$/, ' hours')} were saved, ASI for ${numbers.asi_month} is ${formatValue(numbers.asi, 'rate')}, ` +
      `the harm rate ${formatValue(numbers.harm_rate, 'rate')}, and ${numbers.alerts} ${numbers.alerts === 1 ? 'alert' : 'alerts'} fired.`,
    table: {
      columns: ['metric', 'value'], units: ['text', 'text'],
      rows: [
        ['adoption_rate', formatValue(numbers.adoption_rate, 'rate')],
        ['delta_pts', formatValue(numbers.delta_pts, 'pts')],
        ['hours_saved', formatValue(numbers.hours_saved, 'hours')],
        [`asi (${numbers.asi_month})`, formatValue(numbers.asi, 'rate')],
        ['harm_rate', formatValue(numbers.harm_rate, 'rate')],
        ['alerts', String(numbers.alerts)],
      ],
    },
  };
}

// The verb after a measure's value: "idle seats … were 6", "adoption rate … was 47.3 %"; an amount of hours is one
// ("hours saved … was 336.9 h").
function wasOrWere(metric: AskMetric): 'was' | 'were' {
  return metric.plural && metric.unit === 'count' ? 'were' : 'was';
}
