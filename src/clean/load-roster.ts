import type { InputFile } from '../ingest/discover-files.js';
import { readFileRecords, type ForEachRecord } from '../ingest/read-csv-fast.js';
import { DEFAULT_INPUT_LIMITS, MemoryCheckpoints, outOfReadingMemory, type InputLimits } from '../ingest/input-limits.js';
import { headerLacking, resolveHeader } from '../ingest/normalize-headers.js';
import { parseErrorDetail } from '../ingest/read-csv.js';
import { ianaZone, parseBoolean, parseNumber, withoutControlCharacters } from '../ingest/parse-values.js';
import { UptakeError } from '../errors.js';
import { foldCase } from '../util/fold-case.js';
import { cellAt, filledFields, nameTooLong, teamCell } from './quarantine.js';
import { HeaderHistory, repeatResolver } from './read-log-file.js';
import { QuarantineBuilder, type QuarantinePart } from './quarantine-list.js';
import type { FileReport, SourceAccounting } from './types.js';

export interface RosterEntry {
  userId: string;
  team: string | null;
  month: string;
  timezone: string | null;
  licensed: boolean | null;
  tasksTotal: number | null;
  aiTasksTotal: number | null;
}

/** The roster, indexed the ways cleaning needs it. */
export interface Roster {
  entries: RosterEntry[];
  byUserMonth: Map<string, RosterEntry>;
  /** Lower-cased, space-collapsed team name -> the roster's spelling. */
  teamSpelling: Map<string, string>;
  accounting: SourceAccounting;
  files: FileReport[];
  /** The files' quarantines, in file order (see Quarantine). */
  quarantine: QuarantinePart[];
  /** Users with more than one team in one month: the first team in input order is kept. */
  conflicts: RosterConflict[];
}

/** A user given two or more teams for one month (CONTRACT 2.8), as the validate report names it. */
export interface RosterConflict {
  user_id: string;
  month: string;
  /** The teams as written, each once, in input order; the first is kept. */
  teams: string[];
}

/** The fields two copies of a roster row are compared on: null (empty) agrees with anything. */
const ROSTER_FIELDS = ['team', 'timezone', 'licensed', 'tasksTotal', 'aiTasksTotal'] as const;

export const rosterKey = (userId: string, month: string) => `${userId}\u0000${month}`;
/**
 * A team's key for matching (CONTRACT 1: trimmed, case-insensitive): case folded as task labels are (foldCase: one
 * spelling of `é` whether it came as one code point or two, `ß` and `SS` alike), runs of white space as one space.
 * @example teamKey('\u00A0DE\u0301VELOPPEMENT ') === teamKey('Développement') // true
 */
export const teamKey = (team: string) => foldCase(team).trim().replace(/\s+/g, ' ');

/** A roster month as the roster writes it: `YYYY-MM`, month 01 to 12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What one roster file gave, kept apart until the file is read to its end (csv-parse may start it over). */
interface RosterFileRead {
  /** The first header. */
  header: ReturnType<typeof resolveHeader>;
  /** Schema drift: the header's unknown columns, then the headers repeated further down. */
  drift: string[];
  rows: number;
  quarantine: QuarantinePart;
  /** The optional columns that could not be read, a name per value, in the order met. */
  unreadable: string[];
  entries: Array<{ entry: RosterEntry; completeness: number }>;
}

// The roster is read first: naive times need each user's zone for the month they name.
/**
 * Reads every user_monthly_summary file; (user, month) repeated across files is one entry, the most complete.
 * @example const roster = await loadRoster(files.filter((f) => f.kind === 'user_monthly_summary'), onUnreadable, console.error)
 */
export async function loadRoster(
  files: InputFile[],
  onUnreadableOptional: (column: string) => void,
  onProgress: (message: string) => void = () => {},
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): Promise<Roster> {
  const accounting: SourceAccounting = { rows_read: 0, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, tasks: 0 };
  const reports: FileReport[] = [];
  const quarantine: QuarantinePart[] = [];
  const chosen = new Map<string, { entry: RosterEntry; completeness: number }>();
  // per repeated (user, month): the first non-empty value of each field, whether a copy disagreed, its teams
  const firstValues = new Map<string, RosterEntry>();
  const conflicting = new Set<string>();
  // each user-month's teams as written, each once, and their keys: a user given 200,000 teams in one month was
  // checked against every team before it (quadratic: the roster never finished reading)
  const teamsOf = new Map<string, { teams: string[]; keys: Set<string> }>();
  for (const file of files) {
    const read = await readFileRecords(file, (forEachRecord) => readRosterFile(file, forEachRecord), onProgress, limits);
    accounting.rows_read += read.rows;
    accounting.quarantined += read.quarantine.lines.length;
    quarantine.push(read.quarantine);
    for (const column of read.unreadable) onUnreadableOptional(column);
    for (const candidate of read.entries) {
      const key = rosterKey(candidate.entry.userId, candidate.entry.month);
      const earlier = chosen.get(key);
      if (earlier) {
        accounting.exact_duplicates += 1;
        compareCopies(key, candidate.entry, earlier.entry);
        if (candidate.completeness > earlier.completeness) chosen.set(key, candidate);
      } else {
        chosen.set(key, candidate);
      }
    }
    reports.push({ file: file.path, kind: 'user_monthly_summary', rows: read.rows, drift: read.drift, missingOptional: read.header.missingOptional });
  }
  // the kept row is the most complete, but its team is the first one written (CONTRACT 2.8)
  const conflicts: RosterConflict[] = [];
  for (const [key, { teams }] of teamsOf) {
    if (teams.length < 2) continue;
    const kept = chosen.get(key)!;
    kept.entry = { ...kept.entry, team: teams[0] };
    conflicts.push({ user_id: kept.entry.userId, month: kept.entry.month, teams });
  }
  accounting.conflicting_duplicates = conflicting.size;
  const entries = [...chosen.values()].map(({ entry }) => entry);
  accounting.rows_in_tasks = entries.length;
  accounting.tasks = entries.length;
  const teamSpelling = new Map<string, string>();
  for (const entry of entries) if (entry.team && !teamSpelling.has(teamKey(entry.team))) teamSpelling.set(teamKey(entry.team), entry.team.trim());
  const byUserMonth = new Map(entries.map((entry) => [rosterKey(entry.userId, entry.month), entry]));
  return { entries, byUserMonth, teamSpelling, accounting, files: reports, quarantine, conflicts };

  function compareCopies(key: string, copy: RosterEntry, earlier: RosterEntry): void {
    let first = firstValues.get(key);
    if (!first) {
      firstValues.set(key, (first = { ...earlier }));
      if (earlier.team !== null) teamsOf.set(key, { teams: [earlier.team], keys: new Set([teamKey(earlier.team)]) });
    }
    for (const field of ROSTER_FIELDS) {
      const value = copy[field];
      if (value === null) continue;
      const reference = first[field];
      if (reference === null) (first as unknown as Record<string, unknown>)[field] = value;
      else if (field === 'team' ? teamKey(reference as string) !== teamKey(value as string) : reference !== value) conflicting.add(key);
    }
    if (copy.team !== null) {
      let seen = teamsOf.get(key);
      if (!seen) teamsOf.set(key, (seen = { teams: [], keys: new Set() }));
      const copyKey = teamKey(copy.team);
      if (!seen.keys.has(copyKey)) {
        seen.keys.add(copyKey);
        seen.teams.push(copy.team);
      }
    }
  }
}

// Each record is read as it comes (holding a file's records until its end kept them all alive through the
// garbage collector's copying), into what the file gave, merged once the file is read.
async function readRosterFile(file: InputFile, forEachRecord: ForEachRecord): Promise<RosterFileRead> {
  let first: RosterFileRead['header'] | undefined;
  let header: RosterFileRead['header'] | undefined;
  let history: HeaderHistory | undefined;
  let rows = 0;
  const quarantine = new QuarantineBuilder();
  const unreadable: string[] = [];
  const entries: RosterFileRead['entries'] = [];
  const checkpoints = new MemoryCheckpoints();
  const resolveRepeat = repeatResolver('user_monthly_summary');
  await forEachRecord((record) => {
    // (a roster bomb stops as a log bomb does)
    if (checkpoints.due(record.raw.length)) {
      const full = outOfReadingMemory(file.path, record.line);
      if (full) throw full;
    }
    if (!header) {
      first = header = resolveHeader('user_monthly_summary', record.fields);
      if (header.missingRequired.length > 0) throw headerLacking(header, record.fields, file.path, record.line);
      history = new HeaderHistory(header);
      return;
    }
    const current = header;
    // a header repeated further down (files joined) is rejected as a row first: its mapping reads the rows after it
    const reject = (reason: string, detail: string) => {
      const repeated = record.parseError === undefined ? resolveRepeat(record.fields) : undefined;
      if (repeated) {
        history!.repeat(record.line, repeated);
        header = repeated;
        return;
      }
      rows += 1;
      quarantine.push({ file: file.path, line: record.line, reason, raw: record.raw, detail });
    };
    if (record.parseError !== undefined) return reject('parse_error', parseErrorDetail({ ...record, parseError: record.parseError }));
    if (record.fields.length > current.width) return reject('field_count', `expected at most ${current.width} fields (the header's count), got ${record.fields.length}`);
    const index = current.index;
    const fields = withoutControlCharacters(record.fields, record.raw);
    const cell = (name: string) => cellAt(fields, index.get(name) ?? -1);
    const userId = cell('user_id');
    if (userId === '') return reject('missing_user_id', 'expected a non-empty `user_id`');
    const userTooLong = nameTooLong('user_id', userId);
    if (userTooLong) return reject(userTooLong.reason, userTooLong.detail);
    const month = cell('month');
    if (!MONTH_PATTERN.test(month)) return reject('invalid_month', `expected \`month\` as YYYY-MM, got \`${month}\``);
    const zoneText = cell('timezone');
    if (zoneText !== '' && !ianaZone(zoneText)) unreadable.push('timezone');
    const licensed = parseBoolean(cell('licensed'));
    if (licensed === undefined) unreadable.push('licensed');
    // a count of tasks is a whole number from 0: -5 or 0.5 is no count (it made coverage -6.2 or 60)
    const count = (name: string) => {
      const value = parseNumber(cell(name));
      if (value === null) return null;
      if (!Number.isSafeInteger(value) || value < 0) { unreadable.push(name); return null; }
      return value + 0; // -0 is 0
    };
    const team = teamCell(cell('team'), () => unreadable.push('team'));
    const entry: RosterEntry = {
      userId, month, team,
      timezone: zoneText !== '' && ianaZone(zoneText) ? zoneText : null,
      licensed: licensed ?? null, tasksTotal: count('tasks_total'), aiTasksTotal: count('ai_tasks_total'),
    };
    rows += 1;
    entries.push({ entry, completeness: filledFields(fields) });
  });
  if (!first) throw new UptakeError('input', 'expected a header row and data, but the file is empty', { file: file.path });
  return { header: first, drift: history?.drift ?? [], rows, quarantine: quarantine.toPart(), unreadable, entries };
}
