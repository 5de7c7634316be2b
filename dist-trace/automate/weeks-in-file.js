import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { isUptakeError, UptakeError } from '../errors.js';
import { kindOfFileName, readableFile } from '../ingest/discover-files.js';
import { localToUtc, parseTimestamp, ianaZone } from '../ingest/parse-values.js';
import { readHeadedRecords } from '../ingest/read-headed-records.js';
import { isoWeekOf } from '../util/iso-week.js';
/**
 * ISO weeks whose Thursday lies in a calendar month: the weeks a roster month speaks for.
 * @example weeksOfMonth('2026-11') // ['2026-W45', '2026-W46', '2026-W47', '2026-W48']
 */
export function weeksOfMonth(month) {
    const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
    if (!first.isValid)
        return [];
    const weeks = [];
    for (let day = first; day.month === first.month; day = day.plus({ days: 1 })) {
        if (day.weekday === 4)
            weeks.push(`${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`);
    }
    return weeks;
}
// A light pass for `uptake watch`: one column per row, no cleaning. Naive times are placed like
// the cleaning does (row `tz`, else the roster zone of that user and month, else the default).
/**
 * The ISO weeks an input file touches: from `started_at` (ai_logs, manual_logs) or `month`
 * (user_monthly_summary), falling back to a `YYYY-Www`, `YYYY-MM-DD` or `YYYY-MM` in the file name.
 * @example await weeksInFile('incoming/ai_logs_2026-W47.csv', { timezone: 'UTC', defaultTimezone: 'UTC' }) // { weeks: ['2026-W47'], source: 'column' }
 */
export async function weeksInFile(path, options) {
    const name = basename(path);
    const kind = kindOfFileName(name);
    const weeks = new Set();
    let error;
    if (kind) {
        try {
            // a FIFO would block the read for good, a directory fail it: they are said to be what they are
            await readableFile(path);
            await collectWeeks(path, kind, options, weeks);
        }
        catch (cause) {
            // An unreadable file is the report run's to explain; here it only loses its weeks.
            weeks.clear();
            error = isUptakeError(cause) ? cause : new UptakeError('input', `cannot read the file: ${cause?.message ?? String(cause)}`, { file: path, cause });
        }
    }
    const found = weeks.size > 0 ? { weeks: [...weeks].sort(), source: 'column' } : fileNameWeeks(name);
    return error ? { ...found, error } : found;
}
function fileNameWeeks(name) {
    const fromName = weeksFromFileName(name);
    return fromName.length > 0 ? { weeks: fromName, source: 'file-name' } : { weeks: [], source: 'none' };
}
async function collectWeeks(path, kind, options, weeks) {
    const file = { path, gzip: path.toLowerCase().endsWith('.gz') };
    const months = new Set();
    for await (const { header, record } of readHeadedRecords(file, kind, options.limits)) {
        if (record.parseError)
            continue;
        const cell = (column) => {
            const at = header.index.get(column);
            return at === undefined ? '' : (record.fields[at]?.trim() ?? '');
        };
        if (kind === 'user_monthly_summary') {
            const month = cell('month');
            if (/^\d{4}-\d{2}$/.test(month))
                months.add(month);
            continue;
        }
        const parsed = parseTimestamp(cell('started_at'));
        if (parsed.kind === 'invalid')
            continue;
        let epochMs;
        if (parsed.kind === 'instant')
            epochMs = parsed.epochMs;
        else {
            const rowZone = cell('tz');
            const zone = rowZone && ianaZone(rowZone) ? rowZone : (options.rosterZones?.get(cell('user_id'))?.get(parsed.month) ?? options.defaultTimezone);
            epochMs = localToUtc(parsed.localMs, zone);
        }
        weeks.add(isoWeekOf(epochMs, options.timezone));
    }
    for (const month of months)
        for (const week of weeksOfMonth(month))
            weeks.add(week);
}
function weeksFromFileName(name) {
    const week = /(\d{4})-?W(\d{2})/i.exec(name);
    if (week)
        return [`${week[1]}-W${week[2]}`];
    const date = /(\d{4}-\d{2}-\d{2})/.exec(name);
    if (date) {
        const day = DateTime.fromISO(date[1], { zone: 'UTC' });
        if (day.isValid)
            return [`${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`];
    }
    const month = /(\d{4})-(\d{2})(?!-?\d)/.exec(name);
    return month ? weeksOfMonth(`${month[1]}-${month[2]}`) : [];
}
//# sourceMappingURL=weeks-in-file.js.map