import type { ColumnTable } from 'arquero';
import type { InputKind, LogSource, TaskStatus } from '../ingest/types.js';
import type { RosterConflict } from './load-roster.js';
import type { Quarantine } from './quarantine-list.js';

export type { InputKind, LogSource, TaskStatus };

/** CONTRACT section 2: rows_read = quarantined + exact_duplicates + retry_duplicates + rows_in_tasks. */
export interface SourceAccounting {
  rows_read: number;
  quarantined: number;
  exact_duplicates: number;
  /** Ids among the exact duplicates whose copies disagree on a non-empty field once cleaned (not a term of the sum). */
  conflicting_duplicates: number;
  retry_duplicates: number;
  rows_in_tasks: number;
  /** Tasks after stitching (ai_logs) or after de-duplication (manual_logs); roster rows used. */
  tasks: number;
}

export interface QuarantineRecord {
  file: string;
  /** 1-based line where the record starts in the file (the header is line 1). */
  line: number;
  reason: string;
  /** The record's text as it stood in the file. */
  raw: string;
  /** Human detail, e.g. "expected `started_at` to be a timestamp, got `yesterday`". */
  detail: string;
}

export interface FileReport {
  file: string;
  kind: InputKind;
  rows: number;
  /** Columns not in the contract, kept as pass-through. */
  drift: string[];
  /** Contract columns this file lacks (optional ones only; a missing required column is fatal). */
  missingOptional: string[];
}

export interface LabelMapping {
  raw: string;
  canonical: string;
  /** Rows (both log sources) that carried this raw label. */
  count: number;
  /** How the raw label got there: spelling, synonym, abbreviation, catalogue, other. */
  via: 'identity' | 'spelling' | 'synonym' | 'abbreviation' | 'catalogue' | 'other';
}

/**
 * What the data core hands to the metrics: one row per cleaned task, the roster, and the
 * full account of what happened to every input row.
 *
 * `tasks` columns (arquero table):
 * - source: LogSource
 * - task_id: string (event_id / task_id of the task's first row)
 * - user_id: string
 * - team: string | null (the roster's spelling; filled from the roster when blank)
 * - task_type: string (canonical label)
 * - started_at: number (epoch milliseconds, UTC)
 * - duration_ms: number | null (null when unknown or above the configured maximum)
 * - status: TaskStatus ('completed' for every manual task)
 * - accuracy: number | null (fraction 0..1; null for manual tasks)
 * - harmful: boolean | null
 * - fragments: number (rows stitched into the task; 1 when not stitched)
 * - prompt: string | null
 * - tool_version: string | null
 * - any pass-through column, as string | null
 *
 * Read values through arquero (`get`, `array`, `objects`, expressions), not by indexing a column:
 * task_id and prompt are cut from the files' text on demand (TaskText); source, user_id, team,
 * task_type, status, harmful, tool_version and the pass-through columns are codes (CodedColumn);
 * duration_ms and accuracy are Float64Arrays with NaN for null (NullableNumbers); started_at is a
 * Float64Array and fragments an Int32Array.
 *
 * `roster` columns: user_id, team, month (YYYY-MM), timezone, licensed (boolean | null),
 * tasks_total (number | null), ai_tasks_total (number | null).
 */
export interface CleanedData {
  /** The run's clock (epoch ms) the data was cleaned against: no start lies far after it, and `latest` never passes it. */
  asOf: number;
  tasks: ColumnTable;
  roster: ColumnTable;
  /** First and last UTC date holding any task (`YYYY-MM-DD`), null when there is no task. */
  loadedDates: { first: string; last: string } | null;
  accounting: Record<InputKind, SourceAccounting>;
  /** Every quarantined row, roster's first, then the log files' in file order: iterate it for records (see Quarantine). */
  quarantine: Quarantine;
  quarantineByReason: Record<string, number>;
  /** Rows repaired rather than rejected, by reason (e.g. clock_skew). */
  repairs: Record<string, number>;
  /** Rows merged into an earlier row of the same task by stitching, per source. */
  stitchedFragments: number;
  /** Tasks whose duration was unknown or too long, so they count but have no duration. */
  durationsDropped: { unknown: number; too_long: number };
  /** Rows whose team came from the roster. */
  teamsFilled: number;
  labelMapping: LabelMapping[];
  files: FileReport[];
  /** Users given two or more teams for one roster month; the first team in input order is kept. */
  rosterConflicts: RosterConflict[];
}
