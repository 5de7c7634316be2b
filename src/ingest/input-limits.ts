import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { InputLimitsSchema, type InputLimits } from '../config/schema.js';
import { UptakeError } from '../errors.js';

export type { InputLimits };

/** The configured defaults (4 GiB a file, 8 MiB a record): what a reader uses when it is given none. */
export const DEFAULT_INPUT_LIMITS: InputLimits = InputLimitsSchema.parse({});

/**
 * A byte count as people write caps: `4 GiB`, `1 MiB`, `64 KiB`, else in bytes.
 * @example byteSize(1024 ** 2) // '1 MiB'
 */
export function byteSize(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % (size / 16) === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * The error of a file whose text outgrew inputLimits.maxFileBytes (counted after gunzip).
 * @example throw fileTooLarge('in/ai_logs.csv.gz', true, limits)
 */
export function fileTooLarge(file: string, gzip: boolean, limits: InputLimits): UptakeError {
  return new UptakeError('input', `expected at most ${byteSize(limits.maxFileBytes)} of text (inputLimits.maxFileBytes), got more${gzip ? ' once unzipped' : ''}`, { file });
}

/**
 * The error of a record longer than inputLimits.maxRecordBytes, at the line it starts on.
 * @example throw recordTooLarge('in/ai_logs.csv', 2, limits)
 */
export function recordTooLarge(file: string, line: number, limits: InputLimits): UptakeError {
  return new UptakeError('input', `expected a record of at most ${byteSize(limits.maxRecordBytes)} (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`, { file, line });
}

// Each column the contract does not name is kept as a pass-through column for every row of the input, read from
// the file that names it or not: a 120 KB file of one row and 20,000 such columns, beside 19,000 rows, took 25 s and
// 2.3 GB: the memory grows with the columns times the rows of the whole input. No export holds that many columns of its own; the cap is
// fixed (not a setting of inputLimits, which a store's fingerprint holds) and far above what schema drift brings.
/** The most columns the contract does not name (pass-through columns) that the log files may bring, over all of them. */
export const MAX_PASS_THROUGH_COLUMNS = 256;

/**
 * The error of a header (on `line`) that brings a file's columns the contract does not name past MAX_PASS_THROUGH_COLUMNS.
 * @example throw tooManyColumns('in/ai_logs.csv', 1, 20_000)
 */
export function tooManyColumns(file: string, line: number, count: number): UptakeError {
  return new UptakeError('input', `expected at most ${MAX_PASS_THROUGH_COLUMNS} columns that the contract does not name (each is kept as a pass-through column for every row of the input), got ${count}: drop the columns the report does not need`, { file, line });
}

/**
 * The error of a log file whose columns the contract does not name, added to those of the files before it, pass MAX_PASS_THROUGH_COLUMNS.
 * @example throw tooManyColumnsOverFiles('in/manual_logs.csv', 290)
 */
export function tooManyColumnsOverFiles(file: string, count: number): UptakeError {
  return new UptakeError('input', `expected at most ${MAX_PASS_THROUGH_COLUMNS} columns that the contract does not name over all log files (each is kept as a pass-through column for every row of the input), got ${count} with this file's: drop the columns the report does not need`, { file });
}

/** The share of the machine's memory (its cgroup's limit when lower) reading input may bring the process to. */
const MEMORY_SHARE = 0.8;
/** The share of V8's heap limit reading may fill: past it V8 would end the process with no word of why. */
const HEAP_SHARE = 0.85;

/** Records a reader takes between two looks at memory (outOfReadingMemory), on any thread and for any kind of file. */
export const RECORDS_PER_MEMORY_CHECK = 250_000;
/** Characters of record text a reader takes between two looks at memory, however few the records. */
export const TEXT_PER_MEMORY_CHECK = 64 * 1024 * 1024;

// Counting records alone let a file of a few hundred records of 6 MB each (a 600 KB gzip, every record under
// inputLimits.maxRecordBytes, each quarantined with its text) fill V8's heap long before the 250,000th record.
/**
 * When a reader looks at memory (outOfReadingMemory): after RECORDS_PER_MEMORY_CHECK records, or sooner once
 * the records since the last look held TEXT_PER_MEMORY_CHECK characters.
 * @example const checkpoints = new MemoryCheckpoints(); if (checkpoints.due(record.raw.length)) { const full = outOfReadingMemory(path, record.line); if (full) throw full }
 */
export class MemoryCheckpoints {
  private records = 0;
  private text = 0;

  /** Whether to look now, after a record of `length` characters. */
  due(length: number): boolean {
    this.records += 1;
    this.text += length;
    if (this.records < RECORDS_PER_MEMORY_CHECK && this.text < TEXT_PER_MEMORY_CHECK) return false;
    this.records = 0;
    this.text = 0;
    return true;
  }
}

// A gzip bomb, or a file of more rows than the machine holds, would end in the system's (or V8's) out-of-memory
// kill: no message, no file named. The readers ask this at every MemoryCheckpoints, on every thread.
/**
 * The error that stops reading once the process holds more than the memory reading input may take (80 % of
 * the machine's, or UPTAKE_READ_MEMORY, in bytes or with MB/GB), or 85 % of its thread's JavaScript heap;
 * null while it fits.
 * @example const full = outOfReadingMemory('in/ai_logs.csv.gz', 2_500_001); if (full) throw full
 */
export function outOfReadingMemory(file: string, line?: number): ReadingMemoryError | null {
  const rss = process.memoryUsage.rss();
  const { used_heap_size: heap, heap_size_limit: heapLimit } = getHeapStatistics();
  const limit = readingMemoryLimit();
  if (rss <= limit && heap <= HEAP_SHARE * heapLimit) return null;
  const held = rss > limit ? `${gigabytes(rss)} of the ${gigabytes(limit)} reading may take (UPTAKE_READ_MEMORY)` : `${gigabytes(heap)} of its ${gigabytes(heapLimit)} JavaScript heap`;
  return new ReadingMemoryError(
    'input',
    `expected the input to fit in memory, but reading it came to ${held}: a gzip bomb, or more rows than one run holds? Nothing was written; split the file into smaller ones`,
    { file, line },
  );
}

/** Reading input stopped as memory ran short (outOfReadingMemory): a reader passes it on as it is, never reads again. */
export class ReadingMemoryError extends UptakeError {}

/**
 * The bytes of memory reading input may bring the process to: UPTAKE_READ_MEMORY, else 80 % of the machine's
 * (or its cgroup's) memory. A setting that is not a size is UptakeError('config'): readers ask once before they start.
 * @example readingMemoryLimit() // 20219526758 on a 24 GB machine
 */
export function readingMemoryLimit(): number {
  const setting = process.env.UPTAKE_READ_MEMORY?.trim();
  if (setting) {
    const match = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/i.exec(setting);
    if (!match) throw new UptakeError('config', `expected UPTAKE_READ_MEMORY to be a size such as 2GB or 500MB, got \`${setting}\``);
    return Number(match[1]) * 1024 ** ['B', 'KB', 'MB', 'GB'].indexOf((match[2] ?? 'B').toUpperCase());
  }
  const constrained = process.constrainedMemory?.() ?? 0;
  return MEMORY_SHARE * (constrained > 0 ? Math.min(constrained, totalmem()) : totalmem());
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
