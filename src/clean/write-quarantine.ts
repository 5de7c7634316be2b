import { writeFileAtomic } from '../util/atomic-write.js';
import { neutraliseFormula } from '../util/neutralise-formula.js';
import type { QuarantineRecord } from './types.js';

const QUOTE = 0x22;
/** What makes a cell quoted, as csv-stringify quotes it: a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;
const COMMA = Buffer.from(',');
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
export async function writeQuarantine(path: string, records: QuarantineRecord[]): Promise<void> {
  const blocks: Buffer[] = [];
  let block: Buffer[] = [HEADER];
  let blockBytes = HEADER.length;
  for (const record of records) {
    const text = (cell: string) => csvCell(neutraliseFormula(cell));
    const row = [text(record.file), COMMA, Buffer.from(String(record.line)), COMMA, text(record.reason), COMMA, text(record.detail), COMMA, text(record.raw), LINE_END];
    block.push(...row);
    blockBytes += row.reduce((sum, piece) => sum + piece.length, 0);
    // rows go out in blocks: one write a row would be a system call for every one of a million rows
    if (blockBytes >= BLOCK_BYTES) {
      blocks.push(Buffer.concat(block));
      block = [];
      blockBytes = 0;
    }
  }
  if (block.length > 0) blocks.push(Buffer.concat(block));
  await writeFileAtomic(path, blocks);
}
