import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { parseConfig, readConfig, DEFAULT_CONFIG_FILE } from '../config/read-config.js';
import type { Config } from '../config/schema.js';
import { discoverFiles } from '../ingest/discover-files.js';
import { MONTH_PATTERN, teamKey } from '../clean/load-roster.js';
import { spellLabel } from '../clean/canonical-labels.js';
import { teamsOf } from '../clean/teams-of.js';
import { columnCodes } from '../columns/index.js';
import type { CleanedData } from '../clean/types.js';
import type { MetricsDocument } from '../metrics/document.js';
import { makePeriodLookup } from '../metrics/make-period-lookup.js';
import { resolveWeek } from '../metrics/resolve-week.js';
import { UptakeError } from '../errors.js';
import { expectValue } from '../util/expect-value.js';
import { loadReport, reportOn, weekSetting } from '../report/load-report.js';
import { findProjectRoot } from './find-project-root.js';

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
  /** The notebook parameter `week` came from, which an error about it names; default `week`. */
  weekParameter?: string;
}

export interface Loaded {
  config: Config;
  data: CleanedData;
  /** Changes when an input file or the config file does: size and time of every file. */
  signature: string;
}

const loaded = new Map<string, Promise<Loaded>>();

async function resolveSource(source: DataSource): Promise<{ config: Config; input: string; key: string; configFile?: string }> {
  const baseDir = resolve(source.baseDir ?? findProjectRoot());
  const at = (path: string) => (isAbsolute(path) ? path : join(baseDir, path));
  const configFile = source.config ? at(source.config) : existsSync(join(baseDir, DEFAULT_CONFIG_FILE)) ? join(baseDir, DEFAULT_CONFIG_FILE) : undefined;
  const config = configFile ? await readConfig(configFile) : parseConfig({});
  const input = at(expectValue(source.input, 'the input', 'name a folder') ?? config.input);
  return { config, input, key: `${input}\0${configFile ?? ''}`, configFile };
}

async function signatureOf(input: string, configFile: string | undefined): Promise<string> {
  const files = [...(await discoverFiles(input)).map((file) => file.path), ...(configFile ? [configFile] : [])];
  const stats = await Promise.all(files.map(async (file) => {
    const { size, mtimeMs } = await stat(file);
    return `${file}:${size}:${mtimeMs}`;
  }));
  return stats.join('\n');
}

// A notebook calls tasks(), roster() and metrics() cell after cell: the folder is cleaned once per kernel
// and again only when one of its files (or the config file) changes.
/**
 * The config and cleaned data of a notebook's source, cleaned once per kernel (again when a file changes).
 * @example const { config, data } = await loadAnalystData({ input: "data/sample" });
 */
export async function loadAnalystData(source: DataSource): Promise<Loaded> {
  const { config, input, key, configFile } = await resolveSource(source);
  const signature = await signatureOf(input, configFile);
  const cached = loaded.get(key);
  if (cached) {
    const previous = await cached.catch(() => null);
    if (previous && previous.signature === signature) return previous;
  }
  const pending = loadReport({ source: { input }, config, week: null }).then(({ data }) => ({ config, data, signature }));
  loaded.set(key, pending);
  pending.catch(() => loaded.delete(key));
  return pending;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

// Teams and task types are matched like everywhere else: trimmed, case-insensitive, runs of spaces as one.
function matcher(name: string, wanted: string[], known: Iterable<string | null>): ((value: string | null) => boolean) | null {
  if (wanted.length === 0) return null;
  const key = nameKey(name);
  const keys = new Set(wanted.map(key));
  const knownKeys = new Set([...known].filter((value): value is string => typeof value === 'string').map(key));
  const unknown = wanted.filter((value) => !knownKeys.has(key(value)));
  if (unknown.length > 0) {
    const names = [...new Set([...known].filter((value): value is string => typeof value === 'string'))].sort();
    throw new UptakeError('usage', `expected \`${name}\` to be one of ${names.join(', ')}, got ${unknown.map((value) => JSON.stringify(value)).join(', ')}`);
  }
  return (value) => value !== null && keys.has(key(value));
}

// A task type is written as its label is cleaned (spellLabel: "Invoice Matching", "invoice-matching" are
// invoice_matching); a team trimmed and case-insensitively.
function nameKey(parameter: string): (name: string) => string {
  return parameter === 'taskType' ? spellLabel : teamKey;
}

/**
 * The team `given` names, in its known spelling: trimmed and matched case-insensitively, like every
 * team parameter; an unknown team is a usage error listing the known ones.
 * @example matchTeam("  sales ops", ["Legal", "Sales Ops"]) // 'Sales Ops'
 */
export function matchTeam(given: string, known: Iterable<string | null>): string {
  return matchName('team', given, known);
}

// A name a parameter gives, in the data's spelling: trimmed, case-insensitive, runs of spaces as one.
function matchName(parameter: string, given: string, known: Iterable<string | null>): string {
  const names = [...new Set([...known].filter((name): name is string => typeof name === 'string' && name !== '*'))].sort();
  const key = nameKey(parameter);
  const found = names.find((name) => key(name) === key(given));
  if (found === undefined) throw new UptakeError('usage', `expected \`${parameter}\` to be one of ${names.join(', ')}, got ${JSON.stringify(given)}`);
  return found;
}

/** The tasks a notebook's `team` and `taskType` parameters pick out. */
export interface TaskSlice {
  /** The team as the data spells it (`"  SALES ops "` is `Sales Ops`); null: every team. */
  team: string | null;
  /** The task type as the data spells it; null: every task type. */
  taskType: string | null;
  /** The slice in a sentence: `Sales Ops`, `Sales Ops, contract_review`, `all teams, contract_review`, `all teams`. */
  name: string;
}

/**
 * The team and task type the parameters name, spelt as the data spells them (an empty or blank parameter is
 * every team or task type), and the slice's name for a sentence or caption; an unknown name is a usage
 * error naming the parameter and listing the known names.
 * @example (await uptake.taskSlice({ team: "  SALES ops " })).name // 'Sales Ops'
 */
export async function taskSlice(filter: DataSource & { team?: string; taskType?: string } = {}): Promise<TaskSlice> {
  const { data } = await loadAnalystData(filter);
  const team = filter.team?.trim() ? matchTeam(filter.team, teamsOf(data)) : null;
  const taskType = filter.taskType?.trim() ? matchName('taskType', filter.taskType, columnCodes(data.tasks, 'task_type').values as Array<string | null>) : null;
  return { team, taskType, name: [team ?? 'all teams', ...(taskType === null ? [] : [taskType])].join(', ') };
}

// (the notebooks' API holds it too: uptake.teamsOf(data))
export { teamsOf };

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && !Number.isNaN(value) ? value : null;
}

/**
 * The cleaned tasks as an arquero table, one row per task: `started_at` a Date, `week` (ISO week in
 * the report time zone), `duration_ms`, `accuracy` numbers or null, `harmful` boolean or null, and the
 * files' pass-through columns. Filter by week, team and task type.
 * @example const tasks = await uptake.tasks({ week: "2026-W47", team: "sales ops" });
 */
export async function tasks(filter: TaskFilter = {}): Promise<ColumnTable> {
  const { config, data } = await loadAnalystData(filter);
  const table = data.tasks;
  const startedAt = table.array('started_at') as ArrayLike<number>;
  const periods = makePeriodLookup(config.timezone);
  const weekOf = Array.from(startedAt, (epochMs) => periods(epochMs).week);
  const setting = weekSetting(filter.weekParameter ?? 'week');
  const weeks = new Set(asList(filter.week).map((week) => (week === 'latest' || !weekOf.includes(week) ? resolveWeek(data, config, week, setting).week : week)));
  const teams = table.array('team') as ArrayLike<string | null>;
  const types = table.array('task_type') as ArrayLike<string | null>;
  const teamMatches = matcher('team', asList(filter.team), teamsOf(data));
  const typeMatches = matcher('taskType', asList(filter.taskType), Array.from(types));
  const rows: number[] = [];
  for (let row = 0; row < table.numRows(); row += 1) {
    if (weeks.size > 0 && !weeks.has(weekOf[row])) continue;
    if (teamMatches && !teamMatches(teams[row])) continue;
    if (typeMatches && !typeMatches(types[row])) continue;
    rows.push(row);
  }
  const pick = <T>(name: string, convert: (value: unknown) => T = (value) => value as T): T[] => {
    const values = table.array(name) as ArrayLike<unknown>;
    return rows.map((row) => convert(values[row]));
  };
  const columns: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) {
    if (name === 'started_at') {
      columns.started_at = pick('started_at', (value) => new Date(value as number));
      columns.week = rows.map((row) => weekOf[row]);
    } else if (name === 'duration_ms' || name === 'accuracy') columns[name] = pick(name, numberOrNull);
    else columns[name] = pick(name);
  }
  return aq.table(columns);
}

/**
 * Every quarantined input row as an arquero table: file, line, reason, detail and the row's text; with `reason`, the
 * rows of that reason, written as the file does (`missing_user_id`) or as the report does ("missing user id").
 * @example (await uptake.quarantine()).groupby("reason").count()
 */
export async function quarantine(source: DataSource & { reason?: string } = {}): Promise<ColumnTable> {
  const { data } = await loadAnalystData(source);
  // a reason as the report writes it ("missing user id") or as the file does (missing_user_id)
  const wanted = source.reason?.trim() ? spellLabel(source.reason) : null;
  const records = [...data.quarantine].filter((record) => wanted === null || spellLabel(record.reason) === wanted);
  return aq.table({
    file: records.map((record) => record.file),
    line: records.map((record) => record.line),
    reason: records.map((record) => record.reason),
    detail: records.map((record) => record.detail),
    raw: records.map((record) => record.raw),
  });
}

/**
 * The roster (user_monthly_summary) as an arquero table: user_id, team, month, timezone, licensed,
 * tasks_total, ai_tasks_total; filter by team (case-insensitively) and month (`YYYY-MM`, one the roster holds).
 * @example await uptake.roster({ team: "Legal", month: "2026-11" })
 */
export async function roster(filter: DataSource & { team?: string | string[]; month?: string } = {}): Promise<ColumnTable> {
  const { data } = await loadAnalystData(filter);
  const teams = data.roster.array('team') as ArrayLike<string | null>;
  const months = data.roster.array('month') as ArrayLike<string>;
  const teamMatches = matcher('team', asList(filter.team), Array.from(teams));
  const month = filter.month?.trim() ? matchMonth(filter.month, months) : null;
  const rows: number[] = [];
  for (let row = 0; row < data.roster.numRows(); row += 1) {
    if (teamMatches && !teamMatches(teams[row])) continue;
    if (month !== null && months[row] !== month) continue;
    rows.push(row);
  }
  const columns: Record<string, unknown[]> = {};
  for (const name of data.roster.columnNames()) {
    const values = data.roster.array(name) as ArrayLike<unknown>;
    columns[name] = rows.map((row) => values[row]);
  }
  return aq.table(columns);
}

// A month of another shape ("November", "2026-13") or one the roster does not hold gave an empty roster, read as
// "nobody was licensed": it is a usage error naming `month` and the months there are, as a week is.
function matchMonth(given: string, months: ArrayLike<string>): string {
  const month = given.trim();
  const held = [...new Set(Array.from(months))].sort();
  if (held.includes(month)) return month;
  const expected = MONTH_PATTERN.test(month) ? 'a month the roster holds' : 'a month like 2026-11 (YYYY-MM)';
  const available = held.length > 0 ? `months available: ${held.join(', ')}` : 'the roster holds no month';
  throw new UptakeError('usage', `expected \`month\` to be ${expected}, got ${JSON.stringify(given)}; ${available}`);
}

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
 * A week the data lacks is blamed on the notebook parameter `weekParameter` (default `week`).
 * @example (await uptake.metrics({ week: compareWith, weekParameter: "compareWith" })).tables.adoption_by_team
 */
export async function metrics(filter: DataSource & { week?: string; team?: string; weekParameter?: string } = {}): Promise<MetricsTables> {
  const { config, data } = await loadAnalystData(filter);
  const { metrics: document } = reportOn({ config, data }, filter.week || 'latest', weekSetting(filter.weekParameter ?? 'week'));
  const teamMatches = matcher('team', asList(filter.team), teamsOf(data));
  const tables = {} as MetricsTables['tables'];
  for (const [name, rows] of Object.entries(document.tables) as Array<[keyof MetricsDocument['tables'], Array<Record<string, unknown>>]>) {
    const kept = teamMatches ? rows.filter((row) => !('team' in row) || row.team === '*' || teamMatches(row.team as string | null)) : rows;
    tables[name] = kept.length > 0 ? aq.from(kept) : aq.table({});
  }
  return { week: document.week, weekStart: document.week_start, weekEnd: document.week_end, tables, document };
}
