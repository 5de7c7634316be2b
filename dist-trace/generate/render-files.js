import { gzipSync } from 'node:zlib';
import { aiStyleOfWeek, isGzippedWeek, manualStyleOfWeek, ROSTER_STYLES, } from './file-styles.js';
import { formatOffset, formatWall, offsetMinutes, resolveWallClock } from './zone-time.js';
/**
 * RFC 4180 field: quoted when it holds a comma, quote, line break or edge whitespace.
 * @example csvField('say "hi", twice') // '"say ""hi"", twice"'
 */
export function csvField(value) {
    return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
// A naive time must resolve back to the same instant; the later copy of an ambiguous hour cannot,
// so it is written with its offset instead.
function formatInstant(instant, format, zone) {
    switch (format) {
        case 'iso_z':
            return new Date(instant).toISOString().replace('.000Z', 'Z');
        case 'iso_z_ms':
            return new Date(instant).toISOString();
        case 'epoch_s':
            return String(instant / 1000);
        case 'epoch_ms':
            return String(instant);
        default: {
            const offset = offsetMinutes(zone, instant);
            const wall = instant + offset * 60_000;
            if (format === 'offset' || resolveWallClock(wall, zone) !== instant)
                return `${formatWall(wall, 'T')}${formatOffset(offset)}`;
            return formatWall(wall, format === 'naive' ? ' ' : 'T');
        }
    }
}
function timestamps(row) {
    const first = row.swapped ? row.end : row.start;
    const second = row.swapped ? row.start : row.end;
    return {
        start: row.startText ?? formatInstant(first, row.format, row.zone),
        end: second === null ? '' : formatInstant(second, row.format, row.zone),
    };
}
function aiValue(row, column, times) {
    const duration = row.durationColumnMs;
    switch (column) {
        case 'id': return row.id;
        case 'user': return row.userId;
        case 'team': return row.teamCell;
        case 'type': return row.label;
        case 'start': return times.start;
        case 'end': return times.end;
        case 'duration_ms': return duration === null ? '' : String(duration);
        case 'duration_s': return duration === null ? '' : String(duration / 1000);
        case 'duration_min': return duration === null ? '' : String(duration / 60_000);
        case 'status': return row.statusWord;
        case 'accuracy': return row.accuracyMilli === null ? '' : String(row.accuracyMilli / 1000);
        case 'accuracy_pct': return row.accuracyMilli === null ? '' : String(row.accuracyMilli / 10);
        case 'harmful': return row.harmfulCell;
        case 'prompt': return row.prompt;
        case 'tool_version': return row.toolVersion;
        case 'tz': return row.zone;
        case 'client_os': return row.clientOs;
    }
}
// Manual files share the AI files' columns but one, so the AI writer serves both.
function manualValue(row, column, times) {
    return column === 'source_system' ? 'ticketing' : aiValue(row, column, times);
}
function encode(style, lines, gzip) {
    const newline = style.crlf ? '\r\n' : '\n';
    const text = `${style.bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`;
    const bytes = Buffer.from(text, 'utf8');
    return gzip ? gzipSync(bytes, { level: 9 }) : bytes;
}
function logFile(name, kind, style, rows, value, gzip) {
    const lines = [style.columns.map(([header]) => csvField(header)).join(',')];
    let records = 0;
    for (const row of rows) {
        const times = timestamps(row);
        const line = style.columns.map(([, column]) => csvField(value(row, column, times))).join(',') + (row.extraField ? ',unexpected' : '');
        lines.push(line);
        records++;
        if (row.duplicateInFile) {
            lines.push(line);
            records++;
        }
    }
    return { name: gzip ? `${name}.gz` : name, kind, rows: records, content: encode(style, lines, gzip) };
}
/**
 * One weekly export of a log source, in that week's dialect.
 * @example renderLogFile('ai_logs', 0, '2026-W40', rows).name // 'ai_logs_2026-W40.csv'
 */
export function renderLogFile(source, weekIndex, week, rows) {
    return source === 'ai_logs'
        ? logFile(`ai_logs_${week}.csv`, source, aiStyleOfWeek(weekIndex), rows, aiValue, isGzippedWeek(weekIndex))
        : logFile(`manual_logs_${week}.csv`, source, manualStyleOfWeek(weekIndex), rows, manualValue, weekIndex % 4 === 3);
}
/**
 * The monthly roster files; the quarantined roster rows sit in the middle of their month's file.
 * @example renderRosterFiles(activity).map((file) => file.name) // ['user_monthly_summary_2026-09.csv', ...]
 */
export function renderRosterFiles(activity) {
    const files = [];
    const months = [...new Set(activity.roster.map((row) => row.month))].sort();
    months.forEach((month, index) => {
        const style = ROSTER_STYLES[index % ROSTER_STYLES.length];
        const rows = activity.roster.filter((row) => row.month === month);
        const quarantined = activity.rosterQuarantine.filter((row) => row.month === month);
        rows.splice(Math.floor(rows.length / 2), 0, ...quarantined);
        const lines = [style.columns.map(([header]) => csvField(header)).join(',')];
        rows.forEach((row, rowIndex) => {
            const licensed = row.licensed ? (style.trueWord === '1' && rowIndex % 2 === 1 ? 'TRUE' : style.trueWord) : style.falseWord;
            const values = {
                user: row.userId,
                team: row.team,
                month: row.month,
                timezone: row.timezone,
                licensed,
                tasks_total: String(row.tasksTotal),
                ai_tasks_total: String(row.aiTasksTotal),
            };
            lines.push(style.columns.map(([, column]) => csvField(values[column])).join(','));
        });
        files.push({ name: `user_monthly_summary_${month}.csv`, kind: 'user_monthly_summary', rows: rows.length, content: encode(style, lines, false) });
    });
    return files;
}
//# sourceMappingURL=render-files.js.map