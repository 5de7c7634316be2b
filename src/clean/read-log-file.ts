import { UptakeError } from '../errors.js';
import type { InputFile } from '../ingest/discover-files.js';
import { parseChunk, readFileRecords, type ForEachRecord, type TextChunk } from '../ingest/read-csv-fast.js';
import { headerLacking, headerRepeatNote, repeatedHeader, resolveHeader, type ResolvedHeader } from '../ingest/normalize-headers.js';
import { LogRowsBuilder } from '../ingest/log-rows.js';
import { DEFAULT_INPUT_LIMITS, MAX_PASS_THROUGH_COLUMNS, MemoryCheckpoints, outOfReadingMemory, tooManyColumns, type InputLimits } from '../ingest/input-limits.js';
import { isRejection, readLogRecord, type PlausibleWindow } from './quarantine.js';
import { QuarantineBuilder, type QuarantinePart } from './quarantine-list.js';
import type { FileReport, InputKind, LogSource } from './types.js';

/** Roster zone per user and month (`YYYY-MM`); only users with a zone are listed. */
export type RosterZones = Map<string, Map<string, string>>;

export interface ReadLogFileOptions {
  zones: RosterZones;
  defaultZone: string;
  /** Starts outside are quarantined as implausible (see plausibleWindow). */
  plausible: PlausibleWindow;
  onProgress(message: string): void;
  /** Caps on the file's text and on one record (config.inputLimits; default DEFAULT_INPUT_LIMITS). */
  limits?: InputLimits;
  /** Text over which a file is read in chunks (see chunkBytesOf; default UPTAKE_READ_CHUNK_BYTES, else 32 MiB). */
  chunkBytes?: number;
  /** Stops the reading between pieces of text (a run aborted by a stop signal). */
  signal?: AbortSignal;
}

/** What one log file gave: its readable rows, its quarantine, and what it reported. */
export interface LogFileResult {
  rows: LogRowsBuilder;
  report: FileReport;
  /** The quarantined records, in columns (QuarantinePart). */
  quarantine: QuarantinePart;
  /** Optional values that could not be read and became null, per column, in first-seen order. */
  unreadable: Map<string, number>;
  rowsRead: number;
  quarantined: number;
  /**
   * Starts and ends judged implausible only because they lie after the run's clock (plus
   * `cleaning.maxFutureDays`): while any, a later run's clock may read the file otherwise (a store reads it again).
   */
  afterClock: number;
  /**
   * The months (`YYYY-MM`, of the local time as written) of the naive times read in a roster zone or the
   * default zone, sorted: a store reads the file again when the roster's zones of one of these months change.
   */
  zoneMonths: string[];
}

const PROGRESS_EVERY = 250_000;
/** gzip shrinks these logs about this much: what a compressed file weighs as text. */
const GZIP_RATIO = 6;
/** Fewer bytes than any log row takes, header and line ending included: room for every row at first. */
const NARROWEST_ROW_BYTES = 48;

/** A log file's size as text: its size on disk, times what gzip shrinks such text by. */
export const textBytesOf = (file: Pick<InputFile, 'bytes' | 'gzip'>) => file.bytes * (file.gzip ? GZIP_RATIO : 1);

/** A log file to read: `bytes`, its size on disk when known, sizes the columns up front. */
export type LogFileToRead = Pick<InputFile, 'path' | 'gzip' | 'name'> & Partial<Pick<InputFile, 'bytes'>> & { kind: LogSource };

// Each file reads on its own (rows, quarantine, counts), so files can be read side by side and merged in order.
/**
 * Reads one ai_logs or manual_logs file: the header resolved, every record typed or quarantined (CONTRACT 2.1-2.2).
 * @example const result = await readLogFile(file, { zones: new Map(), defaultZone: 'UTC', onProgress: console.error })
 */
export async function readLogFile(file: LogFileToRead, options: ReadLogFileOptions): Promise<LogFileResult> {
  return readFileRecords(file, (forEachRecord) => readRecords(file, forEachRecord, options), options.onProgress, options.limits ?? DEFAULT_INPUT_LIMITS, options.chunkBytes, options.signal);
}

/** A header repeated further down a file: its line and fields. */
export interface HeaderRepeat {
  line: number;
  fields: string[];
}

// Schema drift is the first header's unknown columns, then for each repeated header its new unknown
// columns and a note: the same whether the file was read whole or in chunks (whose repeats are replayed here).
/**
 * The header in force and the schema drift so far, from a file's first header and the headers it repeats.
 * @example const history = new HeaderHistory(first); history.repeat(57, repeated); history.drift
 */
// A header may name hundreds of thousands of columns (and a file repeat its header as often): names are added one
// by one against a set, never spread into a call (which overflowed the stack) nor looked up in the list.
export class HeaderHistory {
  readonly drift: string[] = [];
  private readonly listed = new Set<string>();

  constructor(public header: ResolvedHeader) {
    this.add(header.drift);
  }

  repeat(line: number, repeated: ResolvedHeader): void {
    this.add(repeated.drift);
    this.drift.push(headerRepeatNote(line, this.header, repeated));
    this.header = repeated;
  }

  private add(names: string[]): void {
    for (const name of names) {
      if (this.listed.has(name)) continue;
      this.listed.add(name);
      this.drift.push(name);
    }
  }
}

/**
 * Whether two records' fields are the same text, field by field.
 * @example sameFields(['a', 'b'], ['a', 'b']) // true
 */
export function sameFields(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at += 1) if (a[at] !== b[at]) return false;
  return true;
}

/**
 * repeatedHeader for `kind`, resolved once for a run of records of the same fields (a header repeated a million times).
 * @example const resolve = repeatResolver('ai_logs'); for (const repeat of repeats) history.repeat(repeat.line, resolve(repeat.fields)!)
 */
export function repeatResolver(kind: InputKind): (fields: string[]) => ResolvedHeader | undefined {
  let last: { fields: string[]; resolved: ResolvedHeader | undefined } | undefined;
  return (fields) => {
    if (last === undefined || !sameFields(fields, last.fields)) last = { fields, resolved: repeatedHeader(kind, fields) };
    return last.resolved;
  };
}

/** What one chunk of a log file gave (readLogChunk): its lines counted from 1 at the chunk's start. */
export interface LogChunkResult extends Omit<LogFileResult, 'report'> {
  /** The header the chunk's rows were first read with (the chunk's own first record for the file's first chunk). */
  firstHeader: string[];
  /** The header in force at the chunk's end. */
  lastHeader: string[];
  repeats: HeaderRepeat[];
  /** Lines the chunk holds: the next chunk's lines come after these. */
  lines: number;
}

// The chunks of a large file are read side by side: each with the file's header (a chunk after the first
// holds none), its records numbered from line 1; the caller shifts lines and replays repeated headers.
/**
 * Reads one chunk of a log file (readTextChunks): the file's first chunk reads its header, a later one is
 * given `header`, the fields of the header in force where it starts.
 * @example const part = readLogChunk(file, chunk, header, { zones, defaultZone: 'UTC', plausible, onProgress() {} })
 */
export async function readLogChunk(file: LogFileToRead, chunk: TextChunk, header: string[] | undefined, options: ReadLogFileOptions): Promise<LogChunkResult> {
  let lines = 0;
  const read = await readLogRecords({ ...file, gzip: false, bytes: chunk.bytes.length }, async (onRecord) => {
    lines = (await parseChunk(chunk, onRecord, { line: 1, maxRecordBytes: (options.limits ?? DEFAULT_INPUT_LIMITS).maxRecordBytes })) - 1;
  }, options, header);
  const { header: resolved, ...rest } = read;
  if (resolved === undefined) throw new UptakeError('input', 'expected a header row and data, but the file is empty', { file: file.path });
  return { ...rest, firstHeader: resolved.fields, lastHeader: resolved.last, lines };
}

async function readRecords(file: LogFileToRead, forEachRecord: ForEachRecord, options: ReadLogFileOptions): Promise<LogFileResult> {
  const { header, repeats, ...read } = await readLogRecords(file, forEachRecord, options);
  if (header === undefined) throw new UptakeError('input', 'expected a header row and data, but the file is empty', { file: file.path });
  const history = new HeaderHistory(header.resolved);
  const resolve = repeatResolver(file.kind);
  for (const repeat of repeats) history.repeat(repeat.line, resolve(repeat.fields)!);
  const report: FileReport = { file: file.path, kind: file.kind, rows: read.rowsRead, drift: history.drift, missingOptional: header.resolved.missingOptional };
  return { ...read, report };
}

/** The rows of a file (or chunk) read with its first header, or with `presetHeader` when given (a later chunk). */
async function readLogRecords(file: LogFileToRead, forEachRecord: ForEachRecord, options: ReadLogFileOptions, presetHeader?: string[]) {
  const rows = new LogRowsBuilder(file.kind, file.bytes === undefined ? undefined : textBytesOf({ bytes: file.bytes, gzip: file.gzip }) / NARROWEST_ROW_BYTES);
  const quarantine = new QuarantineBuilder();
  const unreadable = new Map<string, number>();
  /** The columns the contract does not name, over the headers read here (a preset header was counted where it stands). */
  const passThroughNames = new Set<string>();
  const countPassThrough = (resolved: ResolvedHeader, line: number) => {
    for (const name of resolved.passThrough.keys()) passThroughNames.add(name);
    if (passThroughNames.size > MAX_PASS_THROUGH_COLUMNS) throw tooManyColumns(file.path, line, passThroughNames.size);
  };
  let header: ResolvedHeader | undefined = presetHeader === undefined ? undefined : resolveHeader(file.kind, presetHeader);
  /** The first header's resolution and fields, and the fields of the header in force. */
  let first: { resolved: ResolvedHeader; fields: string[]; last: string[] } | undefined = header === undefined ? undefined : { resolved: header, fields: presetHeader!, last: presetHeader! };
  const repeats: HeaderRepeat[] = [];
  const resolveRepeat = repeatResolver(file.kind);
  let count = 0;
  const checkpoints = new MemoryCheckpoints();
  let quarantined = 0;
  let afterClock = 0;
  // A user's roster zones are found through the user's code in the rows' dictionary, which the row looks up
  // anyway: a second table of thousands of users, looked up on every naive time, missed the processor's cache.
  const zonesByCode: Array<Map<string, string> | null> = [];
  const zoneMonths = new Set<string>();
  const context = {
    defaultZone: options.defaultZone,
    plausible: options.plausible,
    rosterZone: (userId: string, month: string) => {
      zoneMonths.add(month);
      const code = rows.code(userId);
      let months = zonesByCode[code];
      if (months === undefined) zonesByCode[code] = months = options.zones.get(userId) ?? null;
      return months?.get(month);
    },
    onUnreadableOptional: (column: string) => unreadable.set(column, (unreadable.get(column) ?? 0) + 1),
    onAfterClock: () => (afterClock += 1),
  };
  await forEachRecord((record) => {
    if (!header) {
      header = resolveHeader(file.kind, record.fields);
      if (header.missingRequired.length > 0) throw headerLacking(header, record.fields, file.path, record.line);
      countPassThrough(header, record.line);
      first = { resolved: header, fields: record.fields, last: record.fields };
      return;
    }
    const row = readLogRecord(file.kind, record, header, context);
    if (isRejection(row)) {
      // only a rejected record can be a header: checked there, the rows read pay nothing for it
      const repeated = record.parseError === undefined ? resolveRepeat(record.fields) : undefined;
      if (repeated) {
        // the header in force again (files joined with cat, a million times over): its fields and mapping are the
        // ones held, not a copy each (1,000,000 repeats of one header took 1.25 GB and 82 s to read)
        if (sameFields(record.fields, first!.last)) {
          repeats.push({ line: record.line, fields: first!.last });
          return;
        }
        repeats.push({ line: record.line, fields: record.fields });
        first!.last = record.fields;
        header = repeated;
        countPassThrough(header, record.line);
        return;
      }
    }
    count += 1;
    if (isRejection(row)) {
      quarantined += 1;
      quarantine.push({ file: file.path, line: record.line, reason: row.reason, raw: record.raw, detail: row.detail });
    } else {
      rows.push(row, record.ascii);
    }
    if (count % PROGRESS_EVERY === 0) options.onProgress(`${file.name}: ${count} rows read`);
    if (checkpoints.due(record.raw.length)) {
      const full = outOfReadingMemory(file.path, record.line);
      if (full) throw full;
    }
  });
  return { rows, quarantine: quarantine.toPart(), unreadable, rowsRead: count, quarantined, afterClock, zoneMonths: [...zoneMonths].sort(), header: first as typeof first | undefined, repeats };
}
