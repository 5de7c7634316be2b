import { writeFileAtomic } from '../util/atomic-write.js';
import { neutraliseFormula } from '../util/neutralise-formula.js';
import type { QuarantineRecord } from './types.js';

const QUOTE = 0x22;
/** What makes a cell quoted, as csv-stringify quotes it: a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;
const LINE_END = Buffer.from('\n');
const HEADER = Buffer.from('file,line,reason,detail,raw\n');
/** Rows are joined into blocks of about this many bytes, each one write. */
const BLOCK_BYTES = 1024 * 1024;

// csv-stringify doubles quotes with replaceAll, whose result is a rope of two pieces per quote until something
// flattens it: a quarantined record of 6 MB of `,""` took 300 MB of heap to write, and twenty such records
// (a 120 MB file, every record under inputLimits.maxRecordBytes) ended the process in V8's out-of-memory abort.
// A cell is written as bytes instead: its UTF-8 once, and once more quoted, off the JavaScript heap.
/**
 * A CSV cell as RFC 4180 (and csv-stringify) writes it, in UTF-8: quoted, its quotes doubled, when it holds
 * a comma, a quote or a line break; as it is otherwise.
 * @example csvCell('say "hi", then') // Buffer of `"say ""hi"", then"`
 */
export function csvCell(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (!NEEDS_QUOTES.test(text)) return bytes;
  let quotes = 0;
  for (let at = 0; at < bytes.length; at += 1) if (bytes[at] === QUOTE) quotes += 1;
  const cell = Buffer.allocUnsafe(bytes.length + quotes + 2);
  let to = 0;
  cell[to++] = QUOTE;
  for (let at = 0; at < bytes.length; at += 1) {
    const byte = bytes[at];
    cell[to++] = byte;
    if (byte === QUOTE) cell[to++] = QUOTE;
  }
  cell[to] = QUOTE;
  return cell;
}

// The raw text is whatever an export held, `=cmd|' /C calc'!A0` included: a spreadsheet opening the
// file must not run it, so every text cell is neutralised like the metric exports' cells.
/**
 * Writes quarantined rows as CSV (file, line, reason, detail, raw), raw text as read except that a
 * cell starting like a formula (= + - @ tab CR) gets a leading single quote. The file is written from
 * its rows' bytes, in blocks, never joined into one string (V8's longest is 512 MB).
 * @example await writeQuarantine('output/quarantine.csv', data.quarantine)
 */
export async function writeQuarantine(path: string, records: Iterable<QuarantineRecord>): Promise<void> {
  await writeFileAtomic(path, quarantineBlocks(records));
}

// The blocks are made as they are written: 3,000,000 quarantined rows held their whole file (400 MB) until it was written.
function* quarantineBlocks(records: Iterable<QuarantineRecord>): Generator<Buffer> {
  yield HEADER;
  const blocks: Buffer[] = [];
  // short cells are joined as text, a block's text encoded at once (a Buffer a cell cost a microsecond each:
  // 5,000,000 quarantined rows `a` spent most of validate's 50 s so); a long one is written as bytes (csvCell)
  let text: string[] = [];
  let textLength = 0;
  const flush = () => {
    if (text.length > 0) blocks.push(Buffer.from(text.join(''), 'utf8'));
    text = [];
    textLength = 0;
  };
  const previous = { file: '', reason: '', detail: '' };
  const shown = { file: '', reason: '', detail: '' };
  for (const record of records) {
    // a file name, reason or detail the row before had too is quoted once
    for (const column of ['file', 'reason', 'detail'] as const) {
      if (record[column] !== previous[column]) {
        previous[column] = record[column];
        shown[column] = shortCell(neutraliseFormula(record[column])) ?? csvCell(neutraliseFormula(record[column])).toString('utf8');
      }
    }
    const raw = neutraliseFormula(record.raw);
    const rawText = shortCell(raw);
    const row = `${shown.file},${record.line},${shown.reason},${shown.detail},`;
    text.push(row);
    textLength += row.length;
    if (rawText === undefined) {
      flush();
      blocks.push(csvCell(raw), LINE_END);
    } else {
      text.push(rawText, '\n');
      textLength += rawText.length + 1;
    }
    // rows go out in blocks: one write a row would be a system call for every one of a million rows
    if (textLength >= BLOCK_BYTES) flush();
    if (blocks.length > 0) yield* blocks.splice(0);
  }
  flush();
  yield* blocks;
}

/** Cells up to this many characters are quoted as text; longer ones as bytes (csvCell). */
const SHORT_CELL = 4096;

// The text of a short cell as csvCell writes it (quoted, quotes doubled, when it holds a comma, a quote or a line
// break), or undefined for a long one.
function shortCell(cell: string): string | undefined {
  if (cell.length > SHORT_CELL) return undefined;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
