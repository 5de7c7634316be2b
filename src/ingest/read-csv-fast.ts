import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { parse as parseSync } from 'csv-parse/sync';
import Papa from 'papaparse';
import type { InputFile } from './discover-files.js';
import { countNewlines, stripLineEnding, type CsvRecord } from './read-csv.js';

/**
 * The file holds something papaparse and csv-parse might read differently (quoting that breaks RFC 4180,
 * a quoted header, bytes that are not UTF-8) or is too large to hold whole: read it with readCsvBatches,
 * which also reports what is wrong.
 */
export class FastReadUnavailable extends Error {}

/** Above this much text a file is streamed through csv-parse instead of held in memory. */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

async function textOf(file: Pick<InputFile, 'path' | 'gzip'>): Promise<string> {
  const tooLarge = () => new FastReadUnavailable(`it holds more than ${WHOLE_FILE_LIMIT / 1024 / 1024} MB of text`);
  let bytes = await readFile(file.path);
  if (file.gzip) {
    try {
      // decompressing stops at the limit: a huge file is streamed by csv-parse, never held whole
      bytes = await promisify(gunzip)(bytes, { maxOutputLength: WHOLE_FILE_LIMIT + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new FastReadUnavailable(`it is not gzip data (${(error as Error).message})`);
    }
  }
  if (bytes.length > WHOLE_FILE_LIMIT) throw tooLarge();
  // One pass checks and decodes (fatal: bytes that are not UTF-8 throw); it drops a BOM as csv-parse does.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FastReadUnavailable('it is not UTF-8');
  }
}

// csv-parse takes the first line ending as every record's; papaparse is told the same one (other line
// breaks are field text to both). Undefined when the header holds a quote: its line ending might be quoted.
function lineEndingOf(text: string): '\n' | '\r\n' | '\r' | undefined {
  const end = text.search(/[\r\n]/);
  if (end === -1) return '\n';
  if (text.slice(0, end).includes('"')) return undefined;
  if (text[end] === '\n') return '\n';
  return text[end + 1] === '\n' ? '\r\n' : '\r';
}

/** Records held back, at most, while those holding a quote wait for one strict check together. */
const CHECK_BATCH = 4096;

// A quote is where the two parsers can part: csv-parse's relax_quotes reads `"abc"  ` as one literal
// field (and its strict check flags it), papaparse as `abc`. Records whose text holds a quote are read
// strictly by csv-parse, a batch at a time: when RFC 4180 holds, both parsers give the same record;
// when it does not, the whole file goes to csv-parse, which reads and reports it as it always did.
class StrictQuoting {
  private pending: CsvRecord[] = [];
  private quoted: Array<{ line: number; text: string }> = [];

  constructor(private readonly newline: string, private readonly onRecord: (record: CsvRecord) => void) {}

  /** `text` is the record up to its record delimiter: what follows a closing quote must be checked too (`"x"\r` in a file of \n lines). */
  add(record: CsvRecord, text: string): void {
    this.pending.push(record);
    if (text.includes('"')) this.quoted.push({ line: record.line, text });
    if (this.pending.length >= CHECK_BATCH) this.flush();
  }

  flush(): void {
    if (this.quoted.length > 0 && !this.strict(this.quoted)) {
      const broken = this.quoted.find((record) => !this.strict([record]))!;
      throw new FastReadUnavailable(`the record on line ${broken.line} breaks RFC 4180 quoting`);
    }
    const pending = this.pending;
    this.pending = [];
    this.quoted = [];
    for (const record of pending) this.onRecord(record);
  }

  private strict(records: Array<{ text: string }>): boolean {
    try {
      return parseSync(records.map((record) => record.text).join(this.newline), { relax_column_count: true, record_delimiter: this.newline }).length === records.length;
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
 * @example await readCsvRecordsFast(file, (record) => console.log(record.line, record.fields))
 */
export async function readCsvRecordsFast(file: Pick<InputFile, 'path' | 'gzip'>, onRecord: (record: CsvRecord) => void): Promise<void> {
  const text = await textOf(file);
  const newline = lineEndingOf(text);
  if (newline === undefined) throw new FastReadUnavailable('its header holds a quote');
  const checks = new StrictQuoting(newline, onRecord);
  let line = 1;
  let from = 0;
  let failure: unknown;
  Papa.parse<string[]>(text, {
    delimiter: ',', quoteChar: '"', escapeChar: '"', newline, header: false, dynamicTyping: false, skipEmptyLines: false,
    step: (result, parser) => {
      if (failure !== undefined) return;
      if (result.errors.length > 0) {
        failure = new FastReadUnavailable(`papaparse reports ${result.errors[0].code} near line ${line}`);
        parser.abort();
        return;
      }
      const record = text.slice(from, result.meta.cursor);
      const raw = stripLineEnding(record);
      from = result.meta.cursor;
      const start = line;
      line += countNewlines(raw) + 1;
      if (raw === '' && result.data.length <= 1) return; // an empty line, as readCsvBatches skips it
      try {
        checks.add({ fields: result.data, line: start, raw }, record.endsWith(newline) ? record.slice(0, -newline.length) : record);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure !== undefined) throw failure;
  if (from !== text.length) throw new FastReadUnavailable(`papaparse stopped at character ${from} of ${text.length}`);
  checks.flush();
}
