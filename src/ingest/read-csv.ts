import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { UptakeError } from '../errors.js';
import type { InputFile } from './discover-files.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** The record's text without its line ending. */
  raw: string;
  /** Set when the record breaks RFC 4180 quoting; the record must be quarantined. */
  parseError?: string;
}

// Undecodable bytes must stop the file with its line, not turn into U+FFFD silently.
class Utf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private lines = 1;

  constructor(private readonly file: string) {
    super({ readableObjectMode: false, decodeStrings: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.decode(chunk, true, callback);
  }

  override _flush(callback: TransformCallback): void {
    this.decode(new Uint8Array(0), false, callback);
  }

  private decode(chunk: Uint8Array, stream: boolean, callback: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream });
    } catch (cause) {
      const lenient = new TextDecoder('utf-8').decode(chunk);
      const line = this.lines + countNewlines(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))));
      callback(new UptakeError('input', 'expected UTF-8 text, found bytes that are not valid UTF-8 (re-export the file as UTF-8)', { file: this.file, line, cause }));
      return;
    }
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.lines += 1;
    callback(null, text);
  }
}

function stripLineEnding(raw: string): string {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === '\n' || raw[end - 1] === '\r')) end -= 1;
  return raw.slice(0, end);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

// relax_quotes keeps csv-parse reading after a stray quote; such records are re-read strictly here.
function strictQuotingError(raw: string, fields: string[]): string | undefined {
  if (!fields.some((field) => field.includes('"'))) return undefined;
  try {
    parseSync(raw, { relax_column_count: true });
    return undefined;
  } catch (error) {
    return `expected RFC 4180 quoting: ${(error as Error).message.replace(/ at line \d+.*$/, '')}`;
  }
}

/**
 * Streams the records of a CSV (or gzipped CSV) file; the first record is the header.
 * @example for await (const record of readCsvRecords(file)) console.log(record.line, record.fields)
 */
export async function* readCsvRecords(file: Pick<InputFile, 'path' | 'gzip'>): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(file)) yield* batch;
}

// Awaiting once per record costs more than parsing it: hand records over in the batches the parser produced.
/**
 * The records of readCsvRecords, in the same order, as arrays of whatever the parser had ready.
 * @example for await (const batch of readCsvBatches(file)) for (const record of batch) console.log(record.line)
 */
export async function* readCsvBatches(file: Pick<InputFile, 'path' | 'gzip'>): AsyncGenerator<CsvRecord[]> {
  // Empty lines are kept (and dropped below) so that line numbers can be counted from the raw text:
  // csv-parse's own line count drifts on CRLF inside quoted fields.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, skip_records_with_error: true });
  const skipped: Array<{ afterRecords: number; raw: string; message: string }> = [];
  parser.on('skip', (error: Error & { raw?: string }) => {
    skipped.push({ afterRecords: parser.info.records, raw: stripLineEnding(error.raw ?? ''), message: error.message.replace(/ at line \d+.*$/, '') });
  });
  const source = createReadStream(file.path);
  const decoder = new Utf8Decoder(file.path);
  const fail = (error: Error) => parser.destroy(error instanceof UptakeError ? error : new UptakeError('input', `cannot read the file: ${error.message}`, { file: file.path, cause: error }));
  source.on('error', fail);
  decoder.on('error', fail);
  if (file.gzip) {
    const gunzip = createGunzip();
    gunzip.on('error', (error) => fail(new UptakeError('input', `expected gzip data: ${error.message}`, { file: file.path, cause: error })));
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
      for (const item of items as Array<{ record: string[]; raw: string }>) {
        takeSkipped(received, out);
        received += 1;
        const raw = stripLineEnding(item.raw);
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
  }
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
