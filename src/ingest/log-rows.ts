import type { LogSource, TaskStatus } from './types.js';

/** Status as a small number so sorting and "best status" are arithmetic: lower is better. */
export const STATUS_RANK: Record<TaskStatus, number> = { completed: 0, abandoned: 1, error: 2 };
export const STATUS_BY_RANK: TaskStatus[] = ['completed', 'abandoned', 'error'];

/** Shares one string instance per distinct value, so a million rows hold a few thousand ids. */
export class Interner {
  private readonly values = new Map<string, string>();

  intern(value: string): string {
    const known = this.values.get(value);
    if (known !== undefined) return known;
    this.values.set(value, value);
    return value;
  }
}

export interface LogRowInput {
  id: string;
  user: string;
  team: string | null;
  label: string;
  start: number;
  /** Epoch ms, NaN when unknown. */
  end: number;
  status: TaskStatus;
  accuracy: number | null;
  harmful: boolean | null;
  prompt: string | null;
  toolVersion: string | null;
  completeness: number;
  fileIndex: number;
  line: number;
  passThrough: Array<[string, string]>;
}

// Columns, not row objects: a 1 M-row file stays a few parallel arrays of numbers and shared strings.
/** The readable rows of one log source, column by column, in input order. */
export class LogRows {
  length = 0;
  readonly id: string[] = [];
  readonly user: string[] = [];
  readonly team: Array<string | null> = [];
  readonly label: string[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly status: number[] = [];
  readonly accuracy: number[] = [];
  /** -1 null, 0 false, 1 true. */
  readonly harmful: number[] = [];
  readonly prompt: Array<string | null> = [];
  readonly toolVersion: Array<string | null> = [];
  readonly completeness: number[] = [];
  readonly fileIndex: number[] = [];
  readonly line: number[] = [];
  readonly passThrough = new Map<string, Array<string | null>>();
  private readonly interner = new Interner();

  constructor(readonly source: LogSource) {}

  push(row: LogRowInput): void {
    const interner = this.interner;
    this.id.push(row.id);
    this.user.push(interner.intern(row.user));
    this.team.push(row.team === null ? null : interner.intern(row.team));
    this.label.push(interner.intern(row.label));
    this.start.push(row.start);
    this.end.push(row.end);
    this.status.push(STATUS_RANK[row.status]);
    this.accuracy.push(row.accuracy ?? Number.NaN);
    this.harmful.push(row.harmful === null ? -1 : row.harmful ? 1 : 0);
    this.prompt.push(row.prompt); // prompts are mostly unique: interning would only cost
    this.toolVersion.push(row.toolVersion === null ? null : interner.intern(row.toolVersion));
    this.completeness.push(row.completeness);
    this.fileIndex.push(row.fileIndex);
    this.line.push(row.line);
    for (const [name, value] of row.passThrough) {
      let column = this.passThrough.get(name);
      if (!column) {
        column = new Array<string | null>(this.length).fill(null);
        this.passThrough.set(name, column);
      }
      column.push(value === null ? null : interner.intern(value));
    }
    this.length += 1;
    // Columns this row has no value for get a null (names are unique per row, so equal counts mean none).
    if (row.passThrough.length < this.passThrough.size) {
      for (const column of this.passThrough.values()) if (column.length < this.length) column.push(null);
    }
  }
}
