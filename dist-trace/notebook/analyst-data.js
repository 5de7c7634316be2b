import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import * as aq from 'arquero';
import { parseConfig, readConfig, DEFAULT_CONFIG_FILE } from '../config/read-config.js';
import { discoverFiles } from '../ingest/discover-files.js';
import { teamKey } from '../clean/load-roster.js';
import { makePeriodLookup } from '../metrics/make-period-lookup.js';
import { resolveWeek } from '../metrics/resolve-week.js';
import { UptakeError } from '../errors.js';
import { loadReport, reportOn } from '../report/load-report.js';
import { findProjectRoot } from './find-project-root.js';
const loaded = new Map();
async function resolveSource(source) {
    const baseDir = resolve(source.baseDir ?? findProjectRoot());
    const at = (path) => (isAbsolute(path) ? path : join(baseDir, path));
    const configFile = source.config ? at(source.config) : existsSync(join(baseDir, DEFAULT_CONFIG_FILE)) ? join(baseDir, DEFAULT_CONFIG_FILE) : undefined;
    const config = configFile ? await readConfig(configFile) : parseConfig({});
    const input = at(source.input || config.input);
    return { config, input, key: `${input}\0${configFile ?? ''}`, configFile };
}
async function signatureOf(input, configFile) {
    const files = [...(await discoverFiles(input)).map((file) => file.path), ...(configFile ? [configFile] : [])];
    const stats = await Promise.all(files.map(async (file) => {
        const { size, mtimeMs } = await stat(file);
        return `${file}:${size}:${mtimeMs}`;
    }));
    return stats.join('\n');
}
// A notebook calls tasks(), roster() and metrics() cell after cell: the folder is cleaned once per kernel
// and again only when one of its files (or the config file) changes.
async function load(source) {
    const { config, input, key, configFile } = await resolveSource(source);
    const signature = await signatureOf(input, configFile);
    const cached = loaded.get(key);
    if (cached) {
        const previous = await cached.catch(() => null);
        if (previous && previous.signature === signature)
            return previous;
    }
    const pending = loadReport({ source: { input }, config, week: null }).then(({ data }) => ({ config, data, signature }));
    loaded.set(key, pending);
    pending.catch(() => loaded.delete(key));
    return pending;
}
function asList(value) {
    if (value === undefined)
        return [];
    return Array.isArray(value) ? value : [value];
}
// Teams and task types are matched like everywhere else: trimmed, case-insensitive, runs of spaces as one.
function matcher(name, wanted, known) {
    if (wanted.length === 0)
        return null;
    const keys = new Set(wanted.map(teamKey));
    const knownKeys = new Set([...known].filter((value) => typeof value === 'string').map(teamKey));
    const unknown = wanted.filter((value) => !knownKeys.has(teamKey(value)));
    if (unknown.length > 0) {
        const names = [...new Set([...known].filter((value) => typeof value === 'string'))].sort();
        throw new UptakeError('usage', `expected \`${name}\` to be one of ${names.join(', ')}, got ${unknown.map((value) => JSON.stringify(value)).join(', ')}`);
    }
    return (value) => value !== null && keys.has(teamKey(value));
}
/**
 * The team `given` names, in its known spelling: trimmed and matched case-insensitively, like every
 * team parameter; an unknown team is a usage error listing the known ones.
 * @example matchTeam("  sales ops", ["Legal", "Sales Ops"]) // 'Sales Ops'
 */
export function matchTeam(given, known) {
    const names = [...new Set([...known].filter((name) => typeof name === 'string' && name !== '*'))].sort();
    const found = names.find((name) => teamKey(name) === teamKey(given));
    if (found === undefined)
        throw new UptakeError('usage', `expected \`team\` to be one of ${names.join(', ')}, got ${JSON.stringify(given)}`);
    return found;
}
function numberOrNull(value) {
    return typeof value === 'number' && !Number.isNaN(value) ? value : null;
}
/**
 * The cleaned tasks as an arquero table, one row per task: `started_at` a Date, `week` (ISO week in
 * the report time zone), `duration_ms`, `accuracy` numbers or null, `harmful` boolean or null, and the
 * files' pass-through columns. Filter by week, team and task type.
 * @example const tasks = await uptake.tasks({ week: "2026-W47", team: "sales ops" });
 */
export async function tasks(filter = {}) {
    const { config, data } = await load(filter);
    const table = data.tasks;
    const startedAt = table.array('started_at');
    const periods = makePeriodLookup(config.timezone);
    const weekOf = Array.from(startedAt, (epochMs) => periods(epochMs).week);
    const weeks = new Set(asList(filter.week).map((week) => (week === 'latest' || !weekOf.includes(week) ? resolveWeek(data, config, week).week : week)));
    const teams = table.array('team');
    const types = table.array('task_type');
    const teamMatches = matcher('team', asList(filter.team), Array.from(teams));
    const typeMatches = matcher('taskType', asList(filter.taskType), Array.from(types));
    const rows = [];
    for (let row = 0; row < table.numRows(); row += 1) {
        if (weeks.size > 0 && !weeks.has(weekOf[row]))
            continue;
        if (teamMatches && !teamMatches(teams[row]))
            continue;
        if (typeMatches && !typeMatches(types[row]))
            continue;
        rows.push(row);
    }
    const pick = (name, convert = (value) => value) => {
        const values = table.array(name);
        return rows.map((row) => convert(values[row]));
    };
    const columns = {};
    for (const name of table.columnNames()) {
        if (name === 'started_at') {
            columns.started_at = pick('started_at', (value) => new Date(value));
            columns.week = rows.map((row) => weekOf[row]);
        }
        else if (name === 'duration_ms' || name === 'accuracy')
            columns[name] = pick(name, numberOrNull);
        else
            columns[name] = pick(name);
    }
    return aq.table(columns);
}
/**
 * Every quarantined input row as an arquero table: file, line, reason, detail and the row's text.
 * @example (await uptake.quarantine()).groupby("reason").count()
 */
export async function quarantine(source = {}) {
    const { data } = await load(source);
    const records = source.reason ? data.quarantine.filter((record) => record.reason === source.reason) : data.quarantine;
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
 * tasks_total, ai_tasks_total; filter by team (case-insensitively) and month (`YYYY-MM`).
 * @example await uptake.roster({ team: "Legal", month: "2026-11" })
 */
export async function roster(filter = {}) {
    const { data } = await load(filter);
    const teams = data.roster.array('team');
    const months = data.roster.array('month');
    const teamMatches = matcher('team', asList(filter.team), Array.from(teams));
    const rows = [];
    for (let row = 0; row < data.roster.numRows(); row += 1) {
        if (teamMatches && !teamMatches(teams[row]))
            continue;
        if (filter.month && months[row] !== filter.month)
            continue;
        rows.push(row);
    }
    const columns = {};
    for (const name of data.roster.columnNames()) {
        const values = data.roster.array(name);
        columns[name] = rows.map((row) => values[row]);
    }
    return aq.table(columns);
}
/**
 * The week's KPI tables as arquero tables; with `team`, the rows of that team and the all-teams row (`*`).
 * @example (await uptake.metrics({ week: "2026-W47" })).tables.adoption_by_team
 */
export async function metrics(filter = {}) {
    const { config, data } = await load(filter);
    const { metrics: document } = reportOn({ config, data }, filter.week || 'latest');
    const teamRows = document.tables.adoption_trend.map((row) => row.team);
    const teamMatches = matcher('team', asList(filter.team), teamRows.filter((team) => team !== '*'));
    const tables = {};
    for (const [name, rows] of Object.entries(document.tables)) {
        const kept = teamMatches ? rows.filter((row) => !('team' in row) || row.team === '*' || teamMatches(row.team)) : rows;
        tables[name] = kept.length > 0 ? aq.from(kept) : aq.table({});
    }
    return { week: document.week, weekStart: document.week_start, weekEnd: document.week_end, tables, document };
}
//# sourceMappingURL=analyst-data.js.map