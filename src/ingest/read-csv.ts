import { createGunzip } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { UptakeError } from '../errors.js';
import { openInputFile } from '../util/open-regular-file.js';
import type { InputFile } from './discover-files.js';
import { DEFAULT_INPUT_LIMITS, fileTooLarge, recordTooLarge, type InputLimits } from './input-limits.js';
import { WIDE_SAMPLE_BYTES, notTextError, notTextOf } from './wide-encoding.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** The record's text without its line ending. */
  raw: string;
  /** Set when the record breaks RFC 4180 quoting; the record must be quarantined. */
  parseError?: string;
  /** Set by readCsvRecordsFast when the record's text is all ASCII (so none of its values can be wide). */
  ascii?: true;
}

// Undecodable bytes must stop the file with its line, not turn into U+FFFD silently. The bytes are only
// checked here, not decoded: the CSV parser reads bytes, and decoding twice would cost more than parsing.
// They are counted here too: a file over inputLimits.maxFileBytes (a gzip bomb) stops as it inflates.
class Utf8Check extends Transform {
  private lines = 1;
  private carry: Buffer = Buffer.alloc(0);
  private bytesSeen = 0;
  /** The file's first bytes, until there are enough to tell UTF-16 or UTF-32 (gunzip may hand over a few at a time). */
  private head: Buffer | null = Buffer.alloc(0);

  constructor(private readonly file: Pick<InputFile, 'path' | 'gzip'>, private readonly limits: InputLimits) {
    super({ decodeStrings: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.head !== null) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, WIDE_SAMPLE_BYTES)]);
      const notText = notTextOf(this.head);
      if (notText !== undefined) return callback(notTextError(this.file.path, notText, this.file.gzip));
      if (this.head.length >= WIDE_SAMPLE_BYTES) this.head = null;
    }
    this.bytesSeen += chunk.length;
    if (this.bytesSeen > this.limits.maxFileBytes) return callback(fileTooLarge(this.file.path, this.file.gzip, this.limits));
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // A character split across chunks waits for the rest of its bytes.
    const cut = completeLength(bytes);
    this.carry = Buffer.from(bytes.subarray(cut));
    this.check(bytes.subarray(0, cut), callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) this.check(this.carry, callback);
    else callback();
  }

  private check(bytes: Buffer, callback: TransformCallback): void {
    if (!isUtf8(bytes)) {
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const line = this.lines + countNewlines(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))));
      callback(new UptakeError('input', 'expected UTF-8 text, found bytes that are not valid UTF-8 (re-export the file as UTF-8)', { file: this.file.path, line }));
      return;
    }
    for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) this.lines += 1;
    callback(null, bytes);
  }
}

/** Bytes up to the start of a trailing, incomplete UTF-8 sequence (all of them when the last one is complete). */
function completeLength(bytes: Buffer): number {
  let start = bytes.length - 1;
  while (start >= 0 && start > bytes.length - 4 && (bytes[start] & 0xc0) === 0x80) start -= 1;
  if (start < 0) return bytes.length;
  const lead = bytes[start];
  const size = lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 1;
  return start + size > bytes.length ? start : bytes.length;
}

/** The text without the line ending(s) at its end. */
export function stripLineEnding(raw: string): string {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === '\n' || raw[end - 1] === '\r')) end -= 1;
  return raw.slice(0, end);
}

/**
 * A record's parse error as the quarantine tells it: one that runs over several lines (a quote never closed
 * takes every line after it into the record, up to inputLimits.maxRecordBytes) names the lines it took.
 * @example parseErrorDetail({ line: 3, raw: 'e3,"p\ne4,u1', parseError: 'expected RFC 4180 CSV: ...' }) // '...; the record runs over lines 3 to 4 (2 lines, ...)'
 */
export function parseErrorDetail(record: Pick<CsvRecord, 'line' | 'raw'> & { parseError: string }): string {
  const more = countNewlines(record.raw);
  if (more === 0) return record.parseError;
  return `${record.parseError}; the record runs over lines ${record.line} to ${record.line + more} (${more + 1} lines, quarantined as one: a quote never closed takes in the lines after it)`;
}

export function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/**
 * Every line ending ends a record, whatever the first line used: exports are appended to and edited on
 * other systems. `\r\n` comes first, so that it is one line ending and not two.
 */
export const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

// relax_quotes keeps csv-parse reading after a stray quote; such records are re-read strictly here.
function strictQuotingError(raw: string, fields: string[]): string | undefined {
  if (!fields.some((field) => field.includes('"'))) return undefined;
  try {
    parseSync(raw, { relax_column_count: true, record_delimiter: RECORD_DELIMITERS });
    return undefined;
  } catch (error) {
    return `expected RFC 4180 quoting: ${(error as Error).message.replace(/ at line \d+.*$/, '')}`;
  }
}

/**
 * Streams the records of a CSV (or gzipped CSV) file; the first record is the header.
 * @example for await (const record of readCsvRecords(file)) console.log(record.line, record.fields)
 */
export async function* readCsvRecords(file: Pick<InputFile, 'path' | 'gzip'>, limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(file, limits)) yield* batch;
}

/** The part of csv-parse's parser (its `api`) that checks a record's field count. */
interface RecordLengthCheck {
  state: { record: unknown[]; expectedRecordLength: number };
  __onRecord(this: RecordLengthCheck, push: unknown): unknown;
}

// With relax_column_count, csv-parse still builds a CsvError (a stack trace and a JSON copy of its options,
// ~0.1 ms) for every record whose field count differs from the first record's, only to drop it: a file of a
// million empty lines or one-field rows (a 1 KB gzip) then took minutes. The count is checked by the readers
// of the records (field_count), so each record is told to expect its own length.
// (csv-parse's internals: another version without them reads as before, only slower on such files)
function expectEveryRecordLength(parser: Parser): void {
  const api = (parser as unknown as { api?: RecordLengthCheck }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== 'function' || !Array.isArray(api.state?.record)) return;
  api.__onRecord = function (push) {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.call(this, push);
  };
}

/** Handed on by BoundedParser in place of the record that outgrew inputLimits.maxRecordBytes. */
const TOO_LARGE = { record: [] as string[], raw: '', tooLarge: true as const };

// csv-parse holds the record it is reading (raw: true keeps its text): after every chunk, a record still
// open past the cap (one field inflating to gigabytes, a quote never closed) stops the file at once. The
// marker goes out after the records before it, so the reader knows its line; what comes after is dropped.
class BoundedParser extends Parser {
  private stopped = false;

  constructor(options: ConstructorParameters<typeof Parser>[0], private readonly maxRecordBytes: number) {
    super(options);
    expectEveryRecordLength(this);
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.stopped) return callback();
    super._transform(chunk, encoding, (error?: Error | null) => {
      if (!error && (this as unknown as { state: { rawBuffer: { length: number } } }).state.rawBuffer.length > this.maxRecordBytes) {
        this.stopped = true;
        this.push(TOO_LARGE);
      }
      callback(error);
    });
  }

  override _flush(callback: TransformCallback): void {
    if (this.stopped) {
      this.push(null);
      return callback();
    }
    super._flush(callback);
  }
}

// Awaiting once per record costs more than parsing it: hand records over in the batches the parser produced.
/**
 * The records of readCsvRecords, in the same order, as arrays of whatever the parser had ready.
 * @example for await (const batch of readCsvBatches(file)) for (const record of batch) console.log(record.line)
 */
export async function* readCsvBatches(file: Pick<InputFile, 'path' | 'gzip'>, limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<CsvRecord[]> {
  const { handle } = await openInputFile(file.path);
  // Empty lines are kept (and dropped below) so that line numbers can be counted from the raw text:
  // csv-parse's own line count drifts on CRLF inside quoted fields.
  const parser = new BoundedParser(
    { bom: true, relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, skip_records_with_error: true, record_delimiter: RECORD_DELIMITERS },
    limits.maxRecordBytes,
  );
  const skipped: Array<{ afterRecords: number; raw: string; message: string }> = [];
  parser.on('skip', (error: Error & { raw?: string }) => {
    skipped.push({ afterRecords: parser.info.records, raw: stripLineEnding(error.raw ?? ''), message: error.message.replace(/ at line \d+.*$/, '') });
  });
  const source = handle.createReadStream();
  const decoder = new Utf8Check(file, limits);
  const fail = (error: Error) => parser.destroy(error instanceof UptakeError ? error : new UptakeError('input', `cannot read the file: ${error.message}`, { file: file.path, cause: error }));
  source.on('error', fail);
  decoder.on('error', fail);
  if (file.gzip) {
    const gunzip = createGunzip();
    // zlib says `incorrect header check` of a file that is no gzip at all as of bytes after a gzip's end: its first bytes tell
    let start: Buffer | undefined;
    source.once('data', (chunk: string | Buffer) => { start = typeof chunk === 'string' ? Buffer.from(chunk) : chunk; });
    gunzip.on('error', (error) => fail(new UptakeError('input', start !== undefined && !(start[0] === 0x1f && start[1] === 0x8b)
      ? 'expected gzip data (the name ends in .gz), but the file does not start as gzip does: a plain CSV is read under a name ending in .csv'
      : `expected gzip data: ${error.message}`, { file: file.path, cause: error })));
    source.pipe(gunzip).pipe(decoder).pipe(parser);
  } else {
    source.pipe(decoder).pipe(parser);
  }
  let line = 1;
  let received = 0;
  const takeSkipped = (upTo: number, out: CsvRecord[]): void => {
    while (skipped.length > 0 && skipped[0].afterRecords <= upTo) {
      const { raw, message } = skipped.shift()!;
      out.push({ fields: [], line, raw, parseError: `expected RFC 4180 CSV: ${message}` });
      line += countNewlines(raw) + 1;
    }
  };
  try {
    for await (const items of parsedBatches(parser as unknown as NodeJS.ReadableStream)) {
      const out: CsvRecord[] = [];
      for (const item of items as Array<{ record: string[]; raw: string; tooLarge?: true }>) {
        takeSkipped(received, out);
        if (item.tooLarge) {
          if (out.length > 0) yield out;
          throw recordTooLarge(file.path, line, limits);
        }
        received += 1;
        const raw = stripLineEnding(item.raw);
        // a UTF-16 code unit is at most 3 bytes of UTF-8: only a long record needs counting
        if (raw.length * 3 > limits.maxRecordBytes && Buffer.byteLength(raw) > limits.maxRecordBytes) {
          if (out.length > 0) yield out;
          throw recordTooLarge(file.path, line, limits);
        }
        const start = line;
        line += countNewlines(raw) + 1;
        if (raw === '' && item.record.length <= 1) continue;
        out.push({ fields: item.record, line: start, raw, parseError: strictQuotingError(raw, item.record) });
      }
      if (out.length > 0) yield out;
    }
    const rest: CsvRecord[] = [];
    takeSkipped(Infinity, rest);
    if (rest.length > 0) yield rest;
  } catch (error) {
    if (error instanceof UptakeError) throw error;
    throw new UptakeError('input', `cannot read the file as CSV: ${(error as Error).message}`, { file: file.path, cause: error });
  } finally {
    source.destroy();
    parser.destroy();
  }
}

// The end of a file read fast whose last record leaves a quote open: csv-parse reads that text alone, as
// readCsvBatches would have read it after the records before (which end where a record starts).
/**
 * The records readCsvBatches gives for `text`, the end of a file starting at a record on `line` (no BOM,
 * no record over inputLimits.maxRecordBytes: the caller checks its length), and the line after the last.
 * @example readCsvTail('e9,"open\n', 12) // { records: [{ fields: [], line: 12, raw: 'e9,"open', parseError: 'expected RFC 4180 CSV: Quote Not Closed: ...' }], line: 13 }
 */
export function readCsvTail(text: string, line: number): { records: CsvRecord[]; line: number } {
  const skipped: Array<{ afterRecords: number; raw: string; message: string }> = [];
  let received = 0;
  // (on_record counts what came before a skipped record: csv-parse's types take no on_record returning raw items)
  const options: Record<string, unknown> = {
    relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, skip_records_with_error: true, record_delimiter: RECORD_DELIMITERS,
    on_skip: (error: (Error & { raw?: string }) | undefined) => {
      skipped.push({ afterRecords: received, raw: stripLineEnding(error?.raw ?? ''), message: (error?.message ?? '').replace(/ at line \d+.*$/, '') });
    },
    on_record: (item: { record: string[]; raw: string }) => {
      received += 1;
      return item;
    },
  };
  const items = parseSync(text, options) as unknown as Array<{ record: string[]; raw: string }>;
  const out: CsvRecord[] = [];
  const takeSkipped = (upTo: number): void => {
    while (skipped.length > 0 && skipped[0].afterRecords <= upTo) {
      const { raw, message } = skipped.shift()!;
      out.push({ fields: [], line, raw, parseError: `expected RFC 4180 CSV: ${message}` });
      line += countNewlines(raw) + 1;
    }
  };
  items.forEach((item, index) => {
    takeSkipped(index);
    const raw = stripLineEnding(item.raw);
    const start = line;
    line += countNewlines(raw) + 1;
    if (raw === '' && item.record.length <= 1) return;
    out.push({ fields: item.record, line: start, raw, parseError: strictQuotingError(raw, item.record) });
  });
  takeSkipped(Infinity);
  return { records: out, line };
}

const BATCH_LIMIT = 1024;

// Flowing mode, paused while a full batch waits for its consumer: one await per batch, not per record.
async function* parsedBatches(stream: NodeJS.ReadableStream): AsyncGenerator<unknown[]> {
  let queue: unknown[] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  stream.on('data', (item: unknown) => {
    queue.push(item);
    if (queue.length >= BATCH_LIMIT) stream.pause();
    notify();
  });
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('error', (error: unknown) => {
    failure ??= error;
    notify();
  });
  stream.on('close', () => {
    ended = true;
    notify();
  });
  for (;;) {
    if (failure !== undefined) throw failure;
    if (queue.length > 0) {
      const batch = queue;
      queue = [];
      yield batch;
      stream.resume();
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}
