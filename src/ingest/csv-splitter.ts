import { Transform, type TransformCallback } from 'node:stream';
import { parse, type Options } from 'csv-parse';

/** What csv-parse emits with `raw: true`: the fields, and the record's text with its line ending. */
export interface ParsedItem {
  record: string[];
  raw: string;
}

/** The csv-parse options readCsvRecords reads with; the splitter falls back to them. */
export const CSV_OPTIONS: Options = { bom: true, relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, skip_records_with_error: true };

const NEED_MORE = -1;
const BAIL = -2;

// csv-parse costs several microseconds a record; almost every record is plain fields and
// well-formed quotes, which a string scan handles exactly as csv-parse would.
/**
 * Text in (strings), csv-parse's items out, record for record as csv-parse with CSV_OPTIONS emits
 * them. Plain and well-quoted records are split here; at the first record that is anything else
 * (a stray closing quote, an unclosed quote, a lone CR, mixed line endings) the rest of the text
 * goes to csv-parse itself, which also reports its skipped records through `onSkip`.
 * @example source.pipe(decoder).pipe(new CsvSplitter((error, afterRecords) => console.log(afterRecords)))
 */
export class CsvSplitter extends Transform {
  private rest = '';
  private started = false;
  /** The record delimiter found at the end of the first record, as csv-parse discovers it. */
  private delimiter: '\n' | '\r\n' | null = null;
  private emitted = 0;
  private fallback: Transform | null = null;

  constructor(private readonly onSkip: (error: Error & { raw?: string }, afterRecords: number) => void) {
    super({ readableObjectMode: true, writableObjectMode: true });
  }

  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = typeof chunk === 'string' ? chunk : String(chunk);
    if (this.fallback) {
      this.writeFallback(text, callback);
      return;
    }
    if (text.length === 0) {
      callback();
      return;
    }
    if (!this.started && text.charCodeAt(0) === 0xfeff) {
      // A byte order mark (one the decoder left): csv-parse's handling of it is its own.
      this.started = true;
      this.startFallback(text, callback);
      return;
    }
    this.rest = this.started ? this.rest + text : text;
    this.started = true;
    this.split(false, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.fallback) {
      this.split(true, (error) => {
        if (error) callback(error);
        else if (this.fallback) this.endFallback(callback);
        else callback();
      });
      return;
    }
    this.endFallback(callback);
  }

  private split(final: boolean, callback: TransformCallback): void {
    const text = this.rest;
    let position = 0;
    while (position < text.length) {
      const item: ParsedItem = { record: [], raw: '' };
      const end = this.readRecord(text, position, final, item.record);
      if (end === NEED_MORE) break;
      if (end === BAIL) {
        this.rest = '';
        this.startFallback(text.slice(position), callback);
        return;
      }
      // csv-parse's raw text of a CRLF record stops before the LF; keep its quirk (the CR is stripped later anyway).
      const crlf = this.delimiter === '\r\n' && text.charCodeAt(end - 1) === 10 && text.charCodeAt(end - 2) === 13;
      item.raw = text.slice(position, crlf ? end - 1 : end);
      this.push(item);
      this.emitted += 1;
      position = end;
    }
    this.rest = position === 0 ? text : text.slice(position);
    callback();
  }

  // One record from `start`: its fields go into `fields`; returns where the next record starts.
  private readRecord(text: string, start: number, final: boolean, fields: string[]): number {
    let position = start;
    let lineFeed = -1; // the next line feed, found once per line rather than once per field
    for (;;) {
      if (text.charCodeAt(position) === 34 /* " */) {
        // Quoted field: "" is a quote; the closing quote must be followed by a comma or the record's end.
        let value = '';
        let from = position + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return final ? BAIL : NEED_MORE;
          if (quote + 1 >= text.length && !final) return NEED_MORE;
          if (text.charCodeAt(quote + 1) === 34) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          position = quote + 1;
          break;
        }
        fields.push(value);
        if (position >= text.length) return final ? position : NEED_MORE;
        const next = text.charCodeAt(position);
        if (next === 44 /* , */) {
          position += 1;
          continue;
        }
        const after = this.recordEnd(text, position, final);
        return after === 0 ? BAIL : after;
      }
      // Unquoted field: up to the next comma or line feed; quotes inside it are plain characters.
      if (lineFeed < position) lineFeed = text.indexOf('\n', position);
      if (lineFeed === -1 && !final) return NEED_MORE;
      const lineEnd = lineFeed === -1 ? text.length : lineFeed;
      const comma = text.indexOf(',', position);
      const fieldEnd = comma !== -1 && comma < lineEnd ? comma : lineEnd;
      let valueEnd = fieldEnd;
      if (fieldEnd === lineEnd && lineFeed !== -1 && text.charCodeAt(lineFeed - 1) === 13 /* \r */ && lineFeed - 1 >= position) valueEnd = lineFeed - 1;
      const value = text.slice(position, valueEnd);
      if (value.includes('\r')) return BAIL;
      fields.push(value);
      if (fieldEnd === comma && comma !== lineEnd) {
        position = comma + 1;
        continue;
      }
      if (lineFeed === -1) return text.length;
      const after = this.recordEnd(text, valueEnd, final);
      return after === 0 ? BAIL : after;
    }
  }

  // The record delimiter at `position`: returns the position after it, or 0 when it is not the file's delimiter.
  private recordEnd(text: string, position: number, final: boolean): number {
    const code = text.charCodeAt(position);
    let found: '\n' | '\r\n' | null = null;
    if (code === 10) found = '\n';
    else if (code === 13 && text.charCodeAt(position + 1) === 10) found = '\r\n';
    else if (code === 13 && position + 1 >= text.length && !final) return NEED_MORE;
    if (found === null) return 0;
    this.delimiter ??= found;
    return found === this.delimiter ? position + found.length : 0;
  }

  private startFallback(text: string, callback: TransformCallback): void {
    const options: Options = { ...CSV_OPTIONS };
    // Mid-file, csv-parse must keep the delimiter it found in the first record (and there is no BOM).
    if (this.emitted > 0 || this.delimiter !== null) {
      options.bom = false;
      if (this.delimiter) options.record_delimiter = this.delimiter;
    }
    const parser = parse(options);
    const before = this.emitted;
    parser.on('skip', (error: Error & { raw?: string }) => this.onSkip(error, before + parser.info.records));
    parser.on('data', (item: ParsedItem) => this.push(item));
    parser.on('error', (error) => this.destroy(error));
    this.fallback = parser;
    this.writeFallback(text, callback);
  }

  private writeFallback(text: string, callback: TransformCallback): void {
    if (this.fallback!.write(text)) callback();
    else this.fallback!.once('drain', () => callback());
  }

  private endFallback(callback: TransformCallback): void {
    this.fallback!.once('end', () => callback());
    this.fallback!.end();
  }

  /** Records emitted by the fast path, before any fallback (csv-parse counts its own). */
  get fastRecords(): number {
    return this.emitted;
  }
}
