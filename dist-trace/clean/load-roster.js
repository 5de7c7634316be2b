import { readFileRecords } from '../ingest/read-csv-fast.js';
import { DEFAULT_INPUT_LIMITS } from '../ingest/input-limits.js';
import { headerRepeatNote, repeatedHeader, resolveHeader } from '../ingest/normalize-headers.js';
import { ianaZone, parseBoolean, parseNumber, withoutControlCharacters } from '../ingest/parse-values.js';
import { UptakeError } from '../errors.js';
import { cellAt, filledFields } from './quarantine.js';
/** The fields two copies of a roster row are compared on: null (empty) agrees with anything. */
const ROSTER_FIELDS = ['team', 'timezone', 'licensed', 'tasksTotal', 'aiTasksTotal'];
export const rosterKey = (userId, month) => `${userId}\u0000${month}`;
export const teamKey = (team) => team.trim().toLowerCase().replace(/\s+/g, ' ');
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
// The roster is read first: naive times need each user's zone for the month they name.
/**
 * Reads every user_monthly_summary file; (user, month) repeated across files is one entry, the most complete.
 * @example const roster = await loadRoster(files.filter((f) => f.kind === 'user_monthly_summary'), onUnreadable, console.error)
 */
export async function loadRoster(files, onUnreadableOptional, onProgress = () => { }, limits = DEFAULT_INPUT_LIMITS) {
    const accounting = { rows_read: 0, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, tasks: 0 };
    const reports = [];
    const quarantine = [];
    const chosen = new Map();
    // per repeated (user, month): the first non-empty value of each field, whether a copy disagreed, its teams
    const firstValues = new Map();
    const conflicting = new Set();
    const teamsOf = new Map();
    for (const file of files) {
        const read = await readFileRecords(file, (forEachRecord) => readRosterFile(file, forEachRecord), onProgress, limits);
        accounting.rows_read += read.rows;
        accounting.quarantined += read.quarantine.length;
        for (const record of read.quarantine)
            quarantine.push(record);
        for (const column of read.unreadable)
            onUnreadableOptional(column);
        for (const candidate of read.entries) {
            const key = rosterKey(candidate.entry.userId, candidate.entry.month);
            const earlier = chosen.get(key);
            if (earlier) {
                accounting.exact_duplicates += 1;
                compareCopies(key, candidate.entry, earlier.entry);
                if (candidate.completeness > earlier.completeness)
                    chosen.set(key, candidate);
            }
            else {
                chosen.set(key, candidate);
            }
        }
        reports.push({ file: file.path, kind: 'user_monthly_summary', rows: read.rows, drift: read.drift, missingOptional: read.header.missingOptional });
    }
    // the kept row is the most complete, but its team is the first one written (CONTRACT 2.8)
    const conflicts = [];
    for (const [key, teams] of teamsOf) {
        if (teams.length < 2)
            continue;
        const kept = chosen.get(key);
        kept.entry = { ...kept.entry, team: teams[0] };
        conflicts.push({ user_id: kept.entry.userId, month: kept.entry.month, teams });
    }
    accounting.conflicting_duplicates = conflicting.size;
    const entries = [...chosen.values()].map(({ entry }) => entry);
    accounting.rows_in_tasks = entries.length;
    accounting.tasks = entries.length;
    const teamSpelling = new Map();
    for (const entry of entries)
        if (entry.team && !teamSpelling.has(teamKey(entry.team)))
            teamSpelling.set(teamKey(entry.team), entry.team.trim());
    const byUserMonth = new Map(entries.map((entry) => [rosterKey(entry.userId, entry.month), entry]));
    return { entries, byUserMonth, teamSpelling, accounting, files: reports, quarantine, conflicts };
    function compareCopies(key, copy, earlier) {
        let first = firstValues.get(key);
        if (!first) {
            firstValues.set(key, (first = { ...earlier }));
            if (earlier.team !== null)
                teamsOf.set(key, [earlier.team]);
        }
        for (const field of ROSTER_FIELDS) {
            const value = copy[field];
            if (value === null)
                continue;
            const reference = first[field];
            if (reference === null)
                first[field] = value;
            else if (field === 'team' ? teamKey(reference) !== teamKey(value) : reference !== value)
                conflicting.add(key);
        }
        if (copy.team !== null) {
            const teams = teamsOf.get(key) ?? [];
            if (!teams.some((team) => teamKey(team) === teamKey(copy.team)))
                teams.push(copy.team);
            teamsOf.set(key, teams);
        }
    }
}
// Each record is read as it comes (holding a file's records until its end kept them all alive through the
// garbage collector's copying), into what the file gave, merged once the file is read.
async function readRosterFile(file, forEachRecord) {
    let first;
    let header;
    const drift = [];
    let rows = 0;
    const quarantine = [];
    const unreadable = [];
    const entries = [];
    await forEachRecord((record) => {
        if (!header) {
            first = header = resolveHeader('user_monthly_summary', record.fields);
            if (header.missingRequired.length > 0) {
                throw new UptakeError('input', `expected a header with ${header.missingRequired.map((c) => `\`${c}\``).join(', ')} (or an alias), got ${record.fields.map((f) => `\`${f}\``).join(', ')}`, { file: file.path, line: record.line });
            }
            drift.push(...header.drift);
            return;
        }
        const current = header;
        // a header repeated further down (files joined) is rejected as a row first: its mapping reads the rows after it
        const reject = (reason, detail) => {
            const repeated = record.parseError === undefined ? repeatedHeader('user_monthly_summary', record.fields) : undefined;
            if (repeated) {
                drift.push(...repeated.drift.filter((name) => !drift.includes(name)), headerRepeatNote(record.line, current, repeated));
                header = repeated;
                return;
            }
            rows += 1;
            quarantine.push({ file: file.path, line: record.line, reason, raw: record.raw, detail });
        };
        if (record.parseError !== undefined)
            return reject('parse_error', record.parseError);
        if (record.fields.length > current.width)
            return reject('field_count', `expected at most ${current.width} fields (the header's count), got ${record.fields.length}`);
        const index = current.index;
        const fields = withoutControlCharacters(record.fields, record.raw);
        const cell = (name) => cellAt(fields, index.get(name) ?? -1);
        const userId = cell('user_id');
        if (userId === '')
            return reject('missing_user_id', 'expected a non-empty `user_id`');
        const month = cell('month');
        if (!MONTH_PATTERN.test(month))
            return reject('invalid_month', `expected \`month\` as YYYY-MM, got \`${month}\``);
        const zoneText = cell('timezone');
        if (zoneText !== '' && !ianaZone(zoneText))
            unreadable.push('timezone');
        const licensed = parseBoolean(cell('licensed'));
        if (licensed === undefined)
            unreadable.push('licensed');
        const count = (name) => {
            const value = parseNumber(cell(name));
            if (Number.isNaN(value)) {
                unreadable.push(name);
                return null;
            }
            return value;
        };
        const team = cell('team');
        const entry = {
            userId, month, team: team === '' ? null : team,
            timezone: zoneText !== '' && ianaZone(zoneText) ? zoneText : null,
            licensed: licensed ?? null, tasksTotal: count('tasks_total'), aiTasksTotal: count('ai_tasks_total'),
        };
        rows += 1;
        entries.push({ entry, completeness: filledFields(fields) });
    });
    if (!first)
        throw new UptakeError('input', 'expected a header row and data, but the file is empty', { file: file.path });
    return { header: first, drift, rows, quarantine, unreadable, entries };
}
//# sourceMappingURL=load-roster.js.map