import { isAscii, isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { createGunzip, gunzip } from 'node:zlib';
import { parse as parseSync } from 'csv-parse/sync';
import Papa from 'papaparse';
import { UptakeError } from '../errors.js';
import { eventTurns } from '../util/event-turns.js';
import { openInputFile } from '../util/open-regular-file.js';
import type { InputFile } from './discover-files.js';
import { DEFAULT_INPUT_LIMITS, fileTooLarge, type InputLimits } from './input-limits.js';
import { countNewlines, readCsvBatches, readCsvTail, RECORD_DELIMITERS, stripLineEnding, type CsvRecord } from './read-csv.js';
import { WIDE_SAMPLE_BYTES, notTextError, notTextOf } from './wide-encoding.js';

/**
 * The file holds something papaparse and csv-parse might read differently (quoting that breaks RFC 4180,
 * a quoted header, bytes that are not UTF-8) or is too large to hold whole: read it with readCsvBatches,
 * which also reports what is wrong.
 */
export class FastReadUnavailable extends Error {}

/** The file holds more text than is read whole (chunkBytes): it is read as a stream of chunks instead (readTextChunks). */
class TooLargeToHold extends FastReadUnavailable {}

/** Deflate writes at least a bit per 258 bytes: no gzip file holds more than this many times its size. */
const MAX_DEFLATE_RATIO = 1032;
/** A gzip file inflating to more than this many times its size (and MIN_PLAUSIBLE_TEXT) is streamed through csv-parse. */
const MAX_PLAUSIBLE_RATIO = 32;
const MIN_PLAUSIBLE_TEXT = 16 * 1024 * 1024;
/**
 * Above this much text a file is not held whole but read as chunks of about this size, cut at record
 * boundaries (readTextChunks): each parsed as a whole file is, and spread over the reading threads.
 */
const CHUNK_BYTES = 32 * 1024 * 1024;

// UPTAKE_READ_CHUNK_BYTES sets the chunk size (tests and operators; at least 1 KiB).
/**
 * The chunk size: `setting` when given, else UPTAKE_READ_CHUNK_BYTES, else CHUNK_BYTES (32 MiB).
 * @example chunkBytesOf() // 33554432 when UPTAKE_READ_CHUNK_BYTES is unset
 */
export function chunkBytesOf(setting?: number): number {
  if (setting !== undefined) return setting;
  const text = process.env.UPTAKE_READ_CHUNK_BYTES;
  if (text === undefined || text.trim() === '') return CHUNK_BYTES;
  const bytes = Number(text);
  if (!Number.isInteger(bytes) || bytes < 1024) throw new UptakeError('config', `expected UPTAKE_READ_CHUNK_BYTES to be a whole number of bytes, at least 1024, got \`${text}\``);
  return bytes;
}

// Touching fresh memory is slow on virtual machines (a page fault for every 4 KB, tens of microseconds
// each here), and a reading thread reads file after file: the buffer a file was read into is kept for the
// next. Only reading threads keep one (they end with the read); the main thread of a long-running
// `uptake watch` or `schedule` would hold the largest file it ever read.
let spareBuffer: Buffer | undefined;

/** The file's bytes, in the thread's spare buffer when it is large enough; `release` hands that back once they are read. */
async function fileBytes(path: string, maxBytes: number, tooLarge: (size: number) => Error): Promise<{ bytes: Buffer; release(): void }> {
  const { handle, info: { size } } = await openInputFile(path);
  try {
    if (size > maxBytes) throw tooLarge(size);
    const buffer = spareBuffer !== undefined && spareBuffer.length >= size ? spareBuffer : Buffer.allocUnsafeSlow(size);
    if (buffer === spareBuffer) spareBuffer = undefined; // a second file read at once gets its own
    let filled = 0;
    for (let read = -1; filled < size && read !== 0; filled += read) ({ bytesRead: read } = await handle.read(buffer, filled, size - filled, filled));
    const release = () => {
      if (!isMainThread && (spareBuffer === undefined || spareBuffer.length < buffer.length)) spareBuffer = buffer;
    };
    return { bytes: buffer.subarray(0, filled), release };
  } finally {
    await handle.close();
  }
}

// A file over inputLimits.maxFileBytes stops here; one over the chunk size but under the cap is read as
// a stream of chunks (which counts it as it inflates).
async function bytesOf(file: Pick<InputFile, 'path' | 'gzip'>, limits: InputLimits, chunkBytes: number): Promise<{ bytes: Buffer; release(): void }> {
  const tooLargeToHold = () => new TooLargeToHold(`it holds more than ${chunkBytes} bytes of text`);
  const tooLarge = (size: number) => (size > limits.maxFileBytes ? fileTooLarge(file.path, file.gzip, limits) : tooLargeToHold());
  /** Text held whole, at most. */
  const limit = Math.min(chunkBytes, limits.maxFileBytes);
  // a gzip file's own size says little about its text: that is checked as it inflates
  const read = await fileBytes(file.path, file.gzip ? chunkBytes : limit, file.gzip ? tooLargeToHold : tooLarge);
  if (!file.gzip) return read;
  // gzip ends with the text's size (modulo 4 GiB) and zlib holds what it inflates twice (pieces, then joined):
  // a file that says it is larger than is held whole (a gzip bomb too) is streamed in chunks without inflating
  // it here. A size deflate cannot reach (over 1032 times the data) is no gzip trailer: the file is cut short.
  const statedSize = read.bytes.length >= 18 && read.bytes[0] === 0x1f && read.bytes[1] === 0x8b ? read.bytes.readUInt32LE(read.bytes.length - 4) : 0;
  if (statedSize > limit && statedSize <= read.bytes.length * MAX_DEFLATE_RATIO) {
    read.release();
    throw tooLargeToHold();
  }
  // Logs shrink about six times in gzip; one that inflates far more (a bomb of several gzip members, whose
  // trailer says little) is streamed in chunks too, instead of being inflated here up to the limit.
  const plausible = Math.max(read.bytes.length * MAX_PLAUSIBLE_RATIO, MIN_PLAUSIBLE_TEXT);
  let bytes: Buffer;
  try {
    // decompressing stops at the limit: a huge file is streamed in chunks, never held whole
    bytes = await promisify(gunzip)(read.bytes, { maxOutputLength: Math.min(limit, plausible) + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw plausible < limit ? new TooLargeToHold(`it inflates to more than ${MAX_PLAUSIBLE_RATIO} times its size`) : tooLarge(limit + 1);
    }
    throw new FastReadUnavailable(`gunzip failed (${(error as Error).message}), and csv-parse says why`);
  } finally {
    read.release();
  }
  if (bytes.length > limit) throw tooLarge(bytes.length);
  return { bytes, release() {} };
}

// UTF-8 writes every ASCII character as its own byte and every other one as bytes of 0x80 and above, so the
// bytes read as Latin-1 (a character per byte) have their commas, quotes and line breaks where the decoded
// text has them. A file is parsed so: decoding it whole made a string of two bytes a character as soon as
// one prompt held an emoji, and every id and label cut from it twice the size. The fields of the few records
// that hold a byte of 0x80 or above are decoded as UTF-8 before anyone sees them.
/** Where the file's text starts in `bytes`: after the BOM (csv-parse drops it too). */
const textOffset = (bytes: Buffer) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);

/** Answers, for ranges in increasing order, whether a byte of 0x80 or above lies within: each byte is looked at once. */
class NonAsciiBytes {
  private next = -1;

  constructor(private readonly bytes: Uint8Array, private readonly offset: number) {}

  /** Whether text positions `from`..`to` hold a byte of 0x80 or above (ranges must not go backwards). */
  within(from: number, to: number): boolean {
    if (this.next < from) this.next = this.find(from);
    return this.next < to;
  }

  private find(from: number): number {
    const bytes = this.bytes;
    let at = this.offset + from;
    // whole blocks of ASCII are skipped natively
    while (at + ASCII_BLOCK <= bytes.length && isAscii(bytes.subarray(at, at + ASCII_BLOCK))) at += ASCII_BLOCK;
    while (at < bytes.length && bytes[at] < 0x80) at += 1;
    return at - this.offset;
  }
}

const ASCII_BLOCK = 4096;

/** Latin-1 text of UTF-8 bytes back to the text they encode. */
const fromLatin1 = (text: string) => Buffer.from(text, 'latin1').toString('utf8');

/** Character codes, and so bytes too: the text is read a byte a character. */
const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

// csv-parse takes the first line ending as every record's; papaparse is told the same one (other line
// breaks are field text to both). Undefined when the header holds a quote: its line ending might be quoted.
function lineEndingOf(bytes: Buffer, offset: number): '\n' | '\r\n' | '\r' | undefined {
  const lf = bytes.indexOf(LF, offset);
  const cr = bytes.subarray(0, lf === -1 ? bytes.length : lf).indexOf(CR, offset);
  const end = cr !== -1 ? cr : lf;
  if (end === -1) return '\n';
  if (bytes.subarray(offset, end).includes(QUOTE)) return undefined;
  if (end === lf) return '\n';
  return bytes[end + 1] === LF ? '\r\n' : '\r';
}

/** Quoted records checked together, at most. */
const CHECK_BATCH = 4096;
/** What an unquoted field never holds in RFC 4180. */
const UNQUOTED_NEVER = /[",\r\n]/;

// csv-parse costs about 8 µs a record, and one log record in ten or so holds a quote (a quoted prompt).
// Most are RFC 4180 as written: the fields papaparse gave, written back the way RFC 4180 writes them,
// spell the record's text exactly. Then csv-parse reads the record the same way and need not be asked.
/**
 * Whether `text` is `fields` as RFC 4180 writes them: a field quoted where the text has a quote at its
 * start (its quotes doubled), an unquoted one holding no quote, comma or line break, commas between.
 */
function writtenAsRfc4180(text: string, fields: string[]): boolean {
  let at = 0;
  for (let index = 0; index < fields.length; index += 1) {
    if (index > 0) {
      if (text.charCodeAt(at) !== COMMA) return false;
      at += 1;
    }
    const field = fields[index];
    if (text.charCodeAt(at) === QUOTE) {
      const written = `"${field.replaceAll('"', '""')}"`;
      if (!text.startsWith(written, at)) return false;
      at += written.length;
    } else {
      if (UNQUOTED_NEVER.test(field) || !text.startsWith(field, at)) return false;
      at += field.length;
    }
  }
  return at === text.length;
}

// A quote is where the two parsers can part: csv-parse's relax_quotes reads `"abc"  ` as one literal
// field (and its strict check flags it), papaparse as `abc`. A record whose text holds a quote and is not
// its fields as RFC 4180 writes them is read strictly by csv-parse, a batch at a time: when RFC 4180
// holds, both parsers give the same record; when it does not, the whole file goes to csv-parse, which
// reads and reports it as it always did. Records are handed on before their check (holding thousands back
// kept them alive through every young-generation collection): what was read of a file that fails it is
// dropped when csv-parse starts over.
class StrictQuoting {
  private quoted: Array<{ line: number; text: string }> = [];

  constructor(private readonly newline: string) {}

  /**
   * `text` is the record up to its record delimiter (what follows a closing quote must be checked too:
   * `"x"\r` in a file of \n lines), `fields` what papaparse read from it.
   */
  add(line: number, text: string, fields: string[]): void {
    if (!text.includes('"') || writtenAsRfc4180(text, fields)) return;
    this.quoted.push({ line, text });
    if (this.quoted.length >= CHECK_BATCH) this.check();
  }

  check(): void {
    if (this.quoted.length > 0 && !this.strict(this.quoted)) {
      const broken = this.quoted.find((record) => !this.strict([record]))!;
      throw new FastReadUnavailable(`the record on line ${broken.line} breaks RFC 4180 quoting`);
    }
    this.quoted = [];
  }

  private strict(records: Array<{ text: string }>): boolean {
    try {
      return parseSync(records.map((record) => record.text).join(this.newline), { relax_column_count: true, record_delimiter: RECORD_DELIMITERS }).length === records.length;
    } catch {
      return false;
    }
  }
}

// csv-parse takes about 10 µs a record here and papaparse under 1 µs. The records must be the same: papaparse
// reads only files where the two agree (the same record delimiter, RFC 4180 quoting); its cursor gives each
// record's raw text and so its line.
/**
 * Hands every record of a CSV (or gzipped CSV) file to `onRecord`, the header first, exactly as
 * readCsvBatches reads them (fields, line, raw text; no record has a parse error, as such files go to csv-parse). Throws FastReadUnavailable, before or
 * after some records, when the file needs csv-parse; the caller then starts the file over with readCsvBatches.
 * A file of more than `options.chunkBytes` of text (chunkBytesOf) is read as chunks cut at record boundaries,
 * one after the other, in a buffer or two of that size: never whole.
 * `options.chunkChars`: how much text papaparse is given at a time (64 K; tests cut records with small pieces).
 * @example await readCsvRecordsFast(file, (record) => console.log(record.line, record.fields))
 */
export async function readCsvRecordsFast(
  file: Pick<InputFile, 'path' | 'gzip'>,
  onRecord: (record: CsvRecord) => void,
  options: { chunkChars?: number; limits?: InputLimits; chunkBytes?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const turn = eventTurns(options.signal);
  const chunkBytes = chunkBytesOf(options.chunkBytes);
  const chunkChars = options.chunkChars ?? CHUNK_CHARS;
  let read: { bytes: Buffer; release(): void };
  try {
    read = await bytesOf(file, limits, chunkBytes);
  } catch (error) {
    if (!(error instanceof TooLargeToHold)) throw error;
    const pool: ArrayBuffer[] = [];
    let line = 1;
    for await (const chunk of readTextChunks(file, { limits, chunkBytes, pool })) {
      line = await parseChunk(chunk, onRecord, { chunkChars, maxRecordBytes: limits.maxRecordBytes, line, turn });
      pool.push(chunk.bytes.buffer as ArrayBuffer);
    }
    return;
  }
  const { bytes, release } = read;
  try {
    const notText = notTextOf(bytes);
    if (notText !== undefined) throw notTextError(file.path, notText, file.gzip);
    if (!isUtf8(bytes)) throw new FastReadUnavailable('it is not UTF-8');
    const newline = lineEndingOf(bytes, textOffset(bytes));
    if (newline === undefined) throw new FastReadUnavailable('its header holds a quote');
    await parseText(bytes, onRecord, chunkChars, limits.maxRecordBytes, { bom: true, newline, line: 1, end: true }, turn);
  } finally {
    release();
  }
}

/** A piece of a file's text cut at a record boundary (readTextChunks). */
export interface TextChunk {
  /** The chunk's bytes, alone in their ArrayBuffer (so it can be transferred to a thread and back). */
  bytes: Buffer;
  /** 0 for the file's first chunk (the one that can start with a BOM and holds the header). */
  index: number;
  /** The file's record delimiter, from its header line. */
  newline: '\n' | '\r\n' | '\r';
  /** Set on the chunk the file ends with. */
  last?: true;
}

/**
 * Parses one chunk of readTextChunks as readCsvRecordsFast parses a whole file, its first record on `line`;
 * returns the line the next chunk starts on.
 * @example let line = 1; for await (const chunk of readTextChunks(file, options)) line = parseChunk(chunk, onRecord, { line })
 */
export function parseChunk(
  chunk: TextChunk,
  onRecord: (record: CsvRecord) => void,
  options: { line: number; chunkChars?: number; maxRecordBytes?: number; turn?: () => Promise<void> | undefined },
): Promise<number> {
  const at = { bom: chunk.index === 0, newline: chunk.newline, line: options.line, end: chunk.last === true };
  return parseText(chunk.bytes, onRecord, options.chunkChars ?? CHUNK_CHARS, options.maxRecordBytes ?? DEFAULT_INPUT_LIMITS.maxRecordBytes, at, options.turn ?? eventTurns());
}

// The chunks after a file's first are read with its header before the first chunk is read: a header
// holds no quote (else the file is not read in chunks), so its fields are its text between commas.
/**
 * The fields of the header a file's first chunk starts with (after a BOM and empty lines), or undefined
 * when it cannot be told without parsing (a quote in it, or no line ending).
 * @example headerFieldsOf(firstChunk) // ['event_id', 'user_id', ...]
 */
export function headerFieldsOf(chunk: TextChunk): string[] | undefined {
  let start = chunk.index === 0 ? textOffset(chunk.bytes) : 0;
  while (chunk.bytes[start] === LF || chunk.bytes[start] === CR) start += 1;
  const end = chunk.bytes.indexOf(chunk.newline, start);
  if (end === -1) return undefined;
  const text = chunk.bytes.toString('utf8', start, end);
  return text.includes('"') || text.includes('\r') || text.includes('\n') ? undefined : text.split(',');
}

/** Bytes read from a plain file at a time into the chunk being filled. */
const READ_BYTES = 1024 * 1024;

// A chunk ends after a line ending outside quotes: in RFC 4180 every quote opens or closes a quoted field
// (a doubled quote closes and opens one), so a line ending after an even number of quotes ends a record. A
// file that is not RFC 4180 can be cut elsewhere, but then some chunk holds a record that breaks its
// quoting or ends inside a quote, which parseText reports (FastReadUnavailable), and the file goes to
// csv-parse. Parsed one after the other (or side by side), the chunks give the records of the whole text:
// each starts where a record starts, in the state a parser of the whole text is in there.
/** Where the last record that ends in `bytes[0..length)` ends (just after `lineEnd`, its line ending's last byte), or -1. */
function lastRecordEnd(bytes: Uint8Array, length: number, lineEnd: number): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, length);
  let best = -1;
  let outsideFrom = 0;
  for (let quote = text.indexOf(QUOTE), inside = false; ; quote = text.indexOf(QUOTE, quote + 1)) {
    const end = quote === -1 ? length : quote;
    // searched only between the quotes: a search back from `end` crossed every quote before it (quadratic: a
    // 120 MB file of records of 2 M quoted fields each kept the main thread busy for over 10 minutes)
    if (!inside && end > outsideFrom) {
      const at = text.subarray(outsideFrom, end).lastIndexOf(lineEnd);
      if (at !== -1) best = outsideFrom + at + 1;
    }
    if (quote === -1) return best;
    inside = !inside;
    if (!inside) outsideFrom = quote + 1;
  }
}

// The chunk being filled is a buffer of its own (reused from `pool` when one is there): the text is never
// one string nor one buffer, and at most a chunk and the record cut off at its end are held here.
/**
 * The text of a CSV (or gzipped CSV) file as chunks of about `chunkBytes` bytes, each ending where a record
 * ends (the last one where the file does), checked as readCsvRecordsFast checks a whole file: the cap on
 * text (UptakeError), UTF-16 or UTF-32 (UptakeError), UTF-8, a quoted header, a quote left open for more than inputLimits.maxRecordBytes (FastReadUnavailable). Hand a chunk's
 * ArrayBuffer back through `pool` once it is read and the next chunk reuses it.
 * @example for await (const chunk of readTextChunks(file, { limits, chunkBytes: 1 << 20, pool })) line = parseChunk(chunk, onRecord, { line })
 */
export async function* readTextChunks(
  file: Pick<InputFile, 'path' | 'gzip'>,
  options: { limits?: InputLimits; chunkBytes?: number; pool?: ArrayBuffer[] },
): AsyncGenerator<TextChunk> {
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const chunkBytes = chunkBytesOf(options.chunkBytes);
  const pool = options.pool ?? [];
  const openLimit = Math.min(OPEN_RECORD_LIMIT, limits.maxRecordBytes);
  const take = (size: number) => {
    const at = pool.findIndex((buffer) => buffer.byteLength >= size);
    return at === -1 ? Buffer.allocUnsafeSlow(size) : Buffer.from(pool.splice(at, 1)[0]);
  };
  const source = await textSource(file);
  let buffer = take(chunkBytes);
  let filled = 0;
  let total = 0;
  let index = 0;
  let newline: '\n' | '\r\n' | '\r' | undefined;
  /** The file's record delimiter, from its first line: undefined while the text read so far might not end that line yet. */
  const newlineOf = (atEnd: boolean) => {
    if (newline !== undefined) return newline;
    const head = buffer.subarray(0, filled);
    const start = textOffset(head);
    const lf = head.indexOf(LF, start);
    const cr = head.indexOf(CR, start);
    // a CR last might be the first half of a CRLF
    if (!atEnd && (lf === -1 ? cr === -1 || cr === filled - 1 : false)) return undefined;
    newline = lineEndingOf(head, start);
    if (newline === undefined) throw new FastReadUnavailable('its header holds a quote');
    return newline;
  };
  const cut = (end: number, atEnd: boolean): TextChunk => {
    if (index === 0) {
      const notText = notTextOf(buffer.subarray(0, filled));
      if (notText !== undefined) throw notTextError(file.path, notText, file.gzip);
    }
    newlineOf(atEnd);
    const bytes = buffer.subarray(0, end);
    if (!isUtf8(bytes)) throw new FastReadUnavailable('it is not UTF-8');
    const next = take(Math.max(chunkBytes, filled - end));
    buffer.copy(next, 0, end, filled);
    buffer = next;
    filled -= end;
    index += 1;
    return atEnd ? { bytes, index: index - 1, newline: newline!, last: true } : { bytes, index: index - 1, newline: newline! };
  };
  try {
    for (;;) {
      if (filled === buffer.length) {
        const ending = newlineOf(false);
        const end = ending === undefined ? -1 : lastRecordEnd(buffer, filled, ending === '\r' ? CR : LF);
        if (end > 0) {
          yield cut(end, false);
          continue;
        }
        if (filled > chunkBytes + openLimit) {
          throw new FastReadUnavailable(`a record is ${openLimit === OPEN_RECORD_LIMIT ? `still open after ${OPEN_RECORD_LIMIT / 1024 / 1024} MB of text` : 'longer than inputLimits.maxRecordBytes'}`);
        }
        // no record ends within the chunk yet: it grows
        const grown = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const read = await source.read(buffer, filled);
      if (index === 0 && total < WIDE_SAMPLE_BYTES && (read === 0 || total + read >= WIDE_SAMPLE_BYTES)) {
        const notText = notTextOf(buffer.subarray(0, filled + read));
        if (notText !== undefined) throw notTextError(file.path, notText, file.gzip);
      }
      if (read === 0) break;
      filled += read;
      total += read;
      if (total > limits.maxFileBytes) throw fileTooLarge(file.path, file.gzip, limits);
    }
    if (filled > 0 || index === 0) yield cut(filled, true);
  } finally {
    await source.close();
  }
}

/** A file's text (inflated when gzip), read into a buffer at a time. */
interface TextSource {
  /** Fills `buffer` from `at` with as much as is ready (at least a byte); 0 at the end of the text. */
  read(buffer: Buffer, at: number): Promise<number>;
  close(): Promise<void>;
}

async function textSource(file: Pick<InputFile, 'path' | 'gzip'>): Promise<TextSource> {
  const cannotRead = (error: unknown) => new UptakeError('input', `cannot read the file: ${(error as Error).message}`, { file: file.path, cause: error });
  const { handle } = await openInputFile(file.path);
  if (!file.gzip) {
    return {
      read: async (buffer, at) => (await handle.read(buffer, at, Math.min(READ_BYTES, buffer.length - at), null)).bytesRead,
      close: () => handle.close(),
    };
  }
  const stream = handle.createReadStream();
  const gunzipped = createGunzip();
  // a read error ends the gunzip stream with it (a plain pipe would leave it waiting)
  pipeline(stream, gunzipped, () => {});
  const pieces = gunzipped[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let piece: Buffer | undefined;
  return {
    async read(buffer, at) {
      if (piece === undefined || piece.length === 0) {
        let next: IteratorResult<Buffer>;
        try {
          next = await pieces.next();
        } catch (error) {
          if ((error as NodeJS.ErrnoException).syscall !== undefined) throw cannotRead(error);
          throw new FastReadUnavailable(`gunzip failed (${(error as Error).message}), and csv-parse says why`);
        }
        if (next.done) return 0;
        piece = next.value;
      }
      const count = piece.copy(buffer, at);
      piece = piece.subarray(count);
      return count;
    },
    async close() {
      stream.destroy();
      gunzipped.destroy();
    },
  };
}

// A file's text as one string was memory as large as the file, touched for the first time for every file
// (page faults cost more than parsing here). papaparse's parser takes the text a piece at a time instead, as
// its own streaming does: a record cut off at the end of a piece is parsed again with the next one.
/** Text handed to papaparse at a time: a small string, in memory the young generation reuses. */
const CHUNK_CHARS = 64 * 1024;
/** A record still open after this much text (an unclosed quote) would be parsed again with every piece: csv-parse reads such a file. */
const OPEN_RECORD_LIMIT = 4 * 1024 * 1024;

/** Empty lines in a row that are counted instead of parsed (papaparse takes about 0.5 µs for each). */
const EMPTY_RUN_LINES = 16;
const EMPTY_RUNS = { '\n': Buffer.from('\n'.repeat(EMPTY_RUN_LINES)), '\r\n': Buffer.from('\r\n'.repeat(EMPTY_RUN_LINES)), '\r': Buffer.from('\r'.repeat(EMPTY_RUN_LINES)) };
const emptyRun = (newline: '\n' | '\r\n' | '\r') => EMPTY_RUNS[newline];

// A gzip file of a few MB can inflate to gigabytes of line breaks: one record each took papaparse (and the
// step below) about 0.5 µs, so minutes for a file that holds nothing. At a record boundary, a run of empty
// lines is counted here instead, all but its last line ending (which the parser still reads, with whatever
// follows it, as it would have).
/** How many empty lines start at `at` (before `limit`) that may be skipped: the run's length less one. */
function emptyLinesAt(bytes: Buffer, at: number, limit: number, newline: '\n' | '\r\n' | '\r'): number {
  const run = emptyRun(newline);
  let end = at;
  while (end + run.length <= limit && bytes.compare(run, 0, run.length, end, end + run.length) === 0) end += run.length;
  while (end + newline.length <= limit && bytes.compare(run, 0, newline.length, end, end + newline.length) === 0) end += newline.length;
  return Math.max(0, (end - at) / newline.length - 1);
}

// papaparse splits records at the first line's line ending only; csv-parse at every line ending. A record
// holding another line break outside quotes (rows appended on another system) is read by csv-parse, as
// is a record over inputLimits.maxRecordBytes (csv-parse says where it is, or that it is not one record).
/**
 * readCsvRecordsFast of a file's bytes (or of a chunk of them: the BOM is dropped only at the file's start),
 * once they are known to be UTF-8, parsed `chunkChars` characters at a time; returns the line after the last.
 */
// Between pieces of text the loop lets the event loop turn (eventTurns): a signal is handled within moments.
async function parseText(
  bytes: Buffer,
  onRecord: (record: CsvRecord) => void,
  chunkChars: number,
  maxRecordBytes: number,
  at: { bom: boolean; newline: '\n' | '\r\n' | '\r'; line: number; end: boolean },
  turn: () => Promise<void> | undefined,
): Promise<number> {
  const offset = at.bom ? textOffset(bytes) : 0;
  const length = bytes.length - offset;
  const nonAscii = new NonAsciiBytes(bytes, offset);
  const newline = at.newline;
  const hasCarriageReturn = bytes.indexOf(CR, offset) !== -1;
  const openLimit = Math.min(OPEN_RECORD_LIMIT, maxRecordBytes);
  const checks = new StrictQuoting(newline);
  let line = at.line;
  let from = 0;
  // the text from `base` on that papaparse has been given: the records not yet read, whole or cut off
  let open = '';
  let base = 0;
  let failure: unknown;
  /** Set when the text ends the file and its last record leaves a quote open: csv-parse reads that record on (readCsvTail). */
  let openAtEnd = false;
  const parser = new Papa.Parser({
    delimiter: ',', quoteChar: '"', escapeChar: '"', newline, header: false, dynamicTyping: false, skipEmptyLines: false,
    step: (result: Papa.ParseStepResult<string[][]>) => {
      if (failure !== undefined) return;
      if (result.errors.length > 0) {
        if (at.end && result.errors[0].code === 'MissingQuotes' && length - from <= maxRecordBytes) {
          openAtEnd = true;
          parser.abort();
          return;
        }
        failure = new FastReadUnavailable(`papaparse reports ${result.errors[0].code} near line ${line}`);
        parser.abort();
        return;
      }
      // after a final line break papaparse hands on an empty record of no text: no line of its own
      if (result.meta.cursor === from) return;
      const record = open.slice(from - base, result.meta.cursor - base);
      const text = record.endsWith(newline) ? record.slice(0, -newline.length) : record;
      let raw = stripLineEnding(record);
      const latin1Fields = result.data[0];
      let fields = latin1Fields;
      const breaks = countNewlines(raw);
      const start = line;
      // a line break in the text (or after it: the last record's) is a line ending to csv-parse, unless quoted;
      // a bare \r before the \n of an empty line is a CRLF empty line to csv-parse too
      const otherBreak = breaks > 0 || raw.length !== text.length || (hasCarriageReturn && raw.includes('\r'));
      if (otherBreak && !(text === '\r' && newline === '\n') && !writtenAsRfc4180(text, latin1Fields)) {
        failure = new FastReadUnavailable(`line endings change within the file (line ${start})`);
        parser.abort();
        return;
      }
      if (text.length > maxRecordBytes) {
        failure = new FastReadUnavailable(`the record on line ${start} is longer than inputLimits.maxRecordBytes`);
        parser.abort();
        return;
      }
      const ascii = !nonAscii.within(from, result.meta.cursor);
      if (!ascii) {
        raw = fromLatin1(raw);
        fields = fields.map(fromLatin1);
      }
      from = result.meta.cursor;
      line += breaks + 1;
      if (raw === '' && fields.length <= 1) return; // an empty line, as readCsvBatches skips it
      try {
        checks.add(start, text, latin1Fields);
        onRecord(ascii ? { fields, line: start, raw, ascii } : { fields, line: start, raw });
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  // a record still open is parsed again with the next piece: a piece as long as the open text (up to the
  // open limit) keeps that work linear (a 4 MB record of 1.3 M fields took 7 s when it grew 64 K at a time)
  for (let at = 0, end = 0; at < length && failure === undefined; at = end) {
    if (open === '' && from === base) {
      const skipped = emptyLinesAt(bytes, offset + at, offset + length, newline);
      line += skipped;
      at += skipped * newline.length;
      base = from = at;
    }
    end = Math.min(length, at + Math.max(chunkChars, Math.min(open.length, openLimit - open.length)));
    if (open === '') {
      // a piece ends where a run of empty lines starts, so that the run is skipped above
      const run = bytes.subarray(offset + at + 1, offset + end).indexOf(emptyRun(newline));
      if (run !== -1) end = at + 1 + run + newline.length;
    }
    open += bytes.toString('latin1', offset + at, offset + end);
    const last = end === length;
    const cursor: number = parser.parse(open, base, !last).meta.cursor;
    if (last || failure !== undefined) break;
    open = open.slice(cursor - base);
    base = cursor;
    const due = turn();
    if (due) await due;
    if (open.length > openLimit) {
      throw new FastReadUnavailable(`the record on line ${line} is ${openLimit === OPEN_RECORD_LIMIT ? `still open after ${OPEN_RECORD_LIMIT / 1024 / 1024} MB of text` : 'longer than inputLimits.maxRecordBytes'}`);
    }
  }
  if (failure !== undefined) throw failure;
  if (openAtEnd) {
    checks.check();
    const tail = readCsvTail(bytes.toString('utf8', offset + from), line);
    for (const record of tail.records) onRecord(record);
    return tail.line;
  }
  if (from !== length) throw new FastReadUnavailable(`papaparse stopped at byte ${from} of ${length}`);
  checks.check();
  return line;
}

/** Hands each record of a file to `onRecord` (see readCsvRecordsFast and readCsvBatches). */
export type ForEachRecord = (onRecord: (record: CsvRecord) => void) => Promise<void>;

// UPTAKE_CSV_READER=csv-parse reads every file with csv-parse alone (slower; the same result).
function csvReader(): 'papaparse' | 'csv-parse' {
  const setting = process.env.UPTAKE_CSV_READER ?? 'papaparse';
  if (setting !== 'papaparse' && setting !== 'csv-parse') throw new UptakeError('config', `expected UPTAKE_CSV_READER to be papaparse or csv-parse, got \`${setting}\``);
  return setting;
}

/**
 * Runs `read` over a file's records as papaparse reads them, or, when papaparse cannot read the file
 * as csv-parse would, over csv-parse's (`onProgress` says why). `read` may be started over, so it must
 * keep what it collects to itself.
 * @example const records = await readFileRecords(file, async (forEach) => { const all = []; await forEach((r) => all.push(r)); return all; }, console.error)
 */
export async function readFileRecords<T>(
  file: Pick<InputFile, 'path' | 'gzip' | 'name'>,
  read: (forEachRecord: ForEachRecord) => Promise<T>,
  onProgress: (message: string) => void,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
  chunkBytes?: number,
  signal?: AbortSignal,
): Promise<T> {
  if (csvReader() === 'papaparse') {
    try {
      return await read((onRecord) => readCsvRecordsFast(file, onRecord, { limits, chunkBytes, signal }));
    } catch (error) {
      if (!(error instanceof FastReadUnavailable)) throw error;
      onProgress(`${file.name}: trying csv-parse, as ${error.message}`);
    }
  }
  return read(async (onRecord) => {
    for await (const batch of readCsvBatches(file, limits)) {
      signal?.throwIfAborted();
      for (const record of batch) onRecord(record);
    }
  });
}
