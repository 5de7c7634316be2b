import { UptakeError } from '../errors.js';
import { shortName, someNames } from '../util/some-names.js';
import type { InputKind } from './types.js';
import { withoutControls } from './parse-values.js';

/**
 * Header spelling to snake_case: trims, lower-cases, splits camelCase, turns spaces and hyphens into `_`.
 * @example normalizeHeaderName(' Task Type') // 'task_type'; normalizeHeaderName('taskType') // 'task_type'
 */
export function normalizeHeaderName(name: string): string {
  let normalized = NORMALIZED.get(name);
  if (normalized === undefined) {
    if (NORMALIZED.size >= NAMES_REMEMBERED) NORMALIZED.clear();
    normalized = snakeCase(name);
    NORMALIZED.set(name, normalized);
  }
  return normalized;
}

// A header repeated on every line of a file (100,000 times) spelt the same names again on each: they are remembered.
/** Header names already normalised (at most NAMES_REMEMBERED, then forgotten all at once). */
const NORMALIZED = new Map<string, string>();
const NAMES_REMEMBERED = 4096;

function snakeCase(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s\-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

interface ColumnSpec {
  canonical: string;
  required: boolean;
  aliases: string[];
}

const DURATION_COLUMNS: ColumnSpec[] = [
  { canonical: 'duration_ms', required: false, aliases: ['duration_millis'] },
  { canonical: 'duration_s', required: false, aliases: ['duration_sec', 'duration_secs', 'duration_seconds'] },
  { canonical: 'duration_min', required: false, aliases: ['duration_minutes', 'duration_mins'] },
];

const USER_ID: ColumnSpec = { canonical: 'user_id', required: true, aliases: ['uid', 'user', 'userid', 'user_email'] };
const TEAM: ColumnSpec = { canonical: 'team', required: false, aliases: ['department', 'dept'] };
const TASK_TYPE: ColumnSpec = { canonical: 'task_type', required: true, aliases: ['task_category', 'task', 'task_name'] };
const STARTED_AT: ColumnSpec = { canonical: 'started_at', required: true, aliases: ['start_time', 'start_ts', 'timestamp', 'started'] };
const ENDED_AT: ColumnSpec = { canonical: 'ended_at', required: false, aliases: ['end_time', 'end_ts', 'completed_at', 'finished_at'] };
const TZ: ColumnSpec = { canonical: 'tz', required: false, aliases: ['timezone', 'time_zone'] };

/** The contract's columns per input kind (CONTRACT section 1). */
export const COLUMN_SPECS: Record<InputKind, ColumnSpec[]> = {
  ai_logs: [
    { canonical: 'event_id', required: true, aliases: ['id', 'log_id'] },
    USER_ID,
    TEAM,
    TASK_TYPE,
    STARTED_AT,
    ENDED_AT,
    ...DURATION_COLUMNS,
    { canonical: 'status', required: true, aliases: ['state', 'outcome'] },
    { canonical: 'accuracy', required: false, aliases: ['accuracy_score'] },
    { canonical: 'accuracy_pct', required: false, aliases: [] },
    { canonical: 'harmful', required: false, aliases: ['is_harmful', 'harm_flag'] },
    { canonical: 'prompt', required: false, aliases: ['prompt_text', 'query'] },
    { canonical: 'tool_version', required: false, aliases: [] },
    TZ,
  ],
  manual_logs: [
    { canonical: 'task_id', required: true, aliases: ['id', 'ticket_id'] },
    USER_ID,
    TEAM,
    TASK_TYPE,
    STARTED_AT,
    ENDED_AT,
    ...DURATION_COLUMNS,
    TZ,
  ],
  user_monthly_summary: [
    USER_ID,
    TEAM,
    { canonical: 'month', required: true, aliases: [] },
    { canonical: 'timezone', required: false, aliases: ['tz', 'time_zone'] },
    { canonical: 'licensed', required: false, aliases: [] },
    { canonical: 'tasks_total', required: false, aliases: [] },
    { canonical: 'ai_tasks_total', required: false, aliases: [] },
  ],
};

const LINE_BREAKS_AND_TABS = /[\t\r\n]+/g;

// A header's names get the values' hygiene (control characters removed: `user\u0000_id` is `user_id`), and a
// quoted line break or tab in one is a space: as written they went to the terminal with the schema drift, an
// escape sequence (`\x1b[2J`) clearing it, and into the warehouse's `extra` keys.
/** A header cell as a column name: control characters removed, tabs and line breaks as one space. */
function headerName(cell: string): string {
  return withoutControls(cell).replace(LINE_BREAKS_AND_TABS, ' ');
}

// Built once per kind: a file of rows that may be headers asks for it per row.
/** Per kind, each normalised name (a canonical column or an alias of one) -> its canonical column; of two columns sharing an alias, the first. */
const CANONICAL_OF = Object.fromEntries(
  Object.entries(COLUMN_SPECS).map(([kind, specs]) => {
    const lookup = new Map<string, string>();
    for (const spec of specs) {
      lookup.set(spec.canonical, spec.canonical);
      for (const alias of spec.aliases) if (!lookup.has(alias)) lookup.set(alias, spec.canonical);
    }
    return [kind, lookup];
  }),
) as Record<InputKind, Map<string, string>>;

/** Per kind, the canonical column a header cell names ('' for none), for the cells seen last (at most NAMES_REMEMBERED). */
const CELL_COLUMNS = Object.fromEntries(Object.keys(COLUMN_SPECS).map((kind) => [kind, new Map<string, string>()])) as Record<InputKind, Map<string, string>>;

function canonicalOfCell(kind: InputKind, cell: string): string {
  const known = CELL_COLUMNS[kind];
  let canonical = known.get(cell);
  if (canonical === undefined) {
    if (known.size >= NAMES_REMEMBERED) known.clear();
    canonical = CANONICAL_OF[kind].get(normalizeHeaderName(headerName(cell))) ?? '';
    known.set(cell, canonical);
  }
  return canonical;
}

/** Per kind, the columns a header must name. */
const REQUIRED = Object.fromEntries(Object.entries(COLUMN_SPECS).map(([kind, specs]) => [kind, new Set(specs.filter((spec) => spec.required).map((spec) => spec.canonical))])) as Record<InputKind, Set<string>>;

export interface ResolvedHeader {
  /** Canonical column -> index in the record. */
  index: Map<string, number>;
  /** Unknown columns kept as pass-through: normalised name -> index. */
  passThrough: Map<string, number>;
  /** Header names (as written) that are not in the contract. */
  drift: string[];
  /** Required canonical columns the header lacks. */
  missingRequired: string[];
  missingOptional: string[];
  width: number;
}

/**
 * Matches a header row to the contract's canonical columns through the aliases.
 * @example resolveHeader('ai_logs', ['ID', 'uid', 'Task Type', ...]).index.get('task_type') // 2
 */
export function resolveHeader(kind: InputKind, fields: string[]): ResolvedHeader {
  const header = fields.map(headerName);
  const specs = COLUMN_SPECS[kind];
  const lookup = CANONICAL_OF[kind];
  const normalizedNames = header.map(normalizeHeaderName);
  const index = new Map<string, number>();
  // a column named as the contract names it wins over an alias of it anywhere in the header (an export's row
  // number `id` before its `event_id`); among aliases of one column, the first
  normalizedNames.forEach((normalized, position) => {
    if (lookup.get(normalized) === normalized && !index.has(normalized)) index.set(normalized, position);
  });
  normalizedNames.forEach((normalized, position) => {
    const canonical = lookup.get(normalized);
    if (canonical !== undefined && canonical !== normalized && !index.has(canonical)) index.set(canonical, position);
  });
  const claimed = new Set(index.values());
  const passThrough = new Map<string, number>();
  const drift: string[] = [];
  header.forEach((name, position) => {
    const normalized = normalizedNames[position];
    if (claimed.has(position)) return;
    const canonical = lookup.get(normalized);
    if (canonical === undefined) {
      // (a column without a name is named by its position: `''` in the report named nothing)
      drift.push(name.trim() === '' ? `column ${position + 1} (no name)` : name.trim());
      if (normalized && !passThrough.has(normalized)) passThrough.set(normalized, position);
      return;
    }
    // a second column for a contract column (`status` twice, or an alias beside it) is said to be left unread
    drift.push(`${name.trim()} (not read: ${canonical} is read from column ${index.get(canonical)! + 1})`);
  });
  const hasDurationOrEnd = (name: string) => index.has(name);
  const missingRequired = specs.filter((spec) => spec.required && !index.has(spec.canonical)).map((spec) => spec.canonical);
  const missingOptional = specs
    .filter((spec) => !spec.required && !index.has(spec.canonical))
    .map((spec) => spec.canonical)
    .filter((name) => !(name.startsWith('duration_') && ['duration_ms', 'duration_s', 'duration_min'].some(hasDurationOrEnd)))
    .filter((name) => !(name === 'accuracy_pct' && index.has('accuracy')) && !(name === 'accuracy' && index.has('accuracy_pct')));
  return { index, passThrough, drift, missingRequired, missingOptional, width: header.length };
}

/**
 * The error for a first record that lacks a required column: which ones, and the names it has (a few).
 * @example headerLacking(resolveHeader('ai_logs', fields), fields, 'ai_logs_a.csv', 1).message // 'expected a header with `status` (or an alias), got `id`, …'
 */
export function headerLacking(header: ResolvedHeader, fields: string[], file: string, line: number): UptakeError {
  const quoted = (names: string[]) => names.map((name) => `\`${name}\``);
  return new UptakeError('input', `expected a header with ${quoted(header.missingRequired).join(', ')} (or an alias), got ${someNames(quoted(fields.map(shortName)))}`, { file, line });
}

const HAS_DIGIT = /\d/;

// Files joined or appended to carry their header again, maybe in another column order: the rows after it
// are read with its mapping. Only a record that names every required column is taken for a header (its
// `started_at` or `month` cell is a name, so no row could be read from it anyway).
/**
 * The header a record repeats (in any column order, any alias or spelling), or undefined for a record of data.
 * @example repeatedHeader('ai_logs', ['status', 'ID', 'uid', 'task', 'started_at'])?.index.get('status') // 0
 */
export function repeatedHeader(kind: InputKind, fields: string[]): ResolvedHeader | undefined {
  // the contract's names hold no digit and rows nearly always do (ids, times): a file of rejected rows stays cheap
  if (fields.some((field) => HAS_DIGIT.test(field))) return undefined;
  // nor can a record with fewer named cells than the required columns be one: a file of millions of rows `a` or
  // `,,,,` resolved each as a header (5,000,000 such rows took validate 92 s)
  let named = 0;
  for (const field of fields) if (field.trim() !== '') named += 1;
  if (named < REQUIRED[kind].size) return undefined;
  // and a record naming no required column (`x,y,z,w,v` on every row) is not resolved either
  if (!fields.some((field) => REQUIRED[kind].has(canonicalOfCell(kind, field)))) return undefined;
  const header = resolveHeader(kind, fields);
  return header.missingRequired.length === 0 ? header : undefined;
}

/**
 * What validate lists as schema drift for a header repeated on `line`: whether its columns moved.
 * @example headerRepeatNote(57, first, repeated) // 'header repeated on line 57, columns in another order'
 */
export function headerRepeatNote(line: number, before: ResolvedHeader, after: ResolvedHeader): string {
  const same = before.width === after.width && before.index.size === after.index.size && [...before.index].every(([column, position]) => after.index.get(column) === position);
  return `header repeated on line ${line}${same ? '' : ', columns in another order'}`;
}
