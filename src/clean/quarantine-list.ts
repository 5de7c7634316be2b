import type { QuarantineRecord } from './types.js';

// A file of millions of unreadable rows kept one object a row ({file, line, reason, raw, detail}: the object,
// its raw string and its detail string, each with V8's headers) peaked at 2.19 GB where the same file of good
// rows took 1.46 GB, and the records were copied again by every thread that sent them and every merge. They are
// kept in columns instead: file and reason as codes, the line in a Float64Array, raw and detail as UTF-8 bytes
// in blocks (a block handed between threads and into a store whole); a record is an object again only when read.

/**
 * One run of quarantined records in columns, as it crosses threads (its buffers transferred) and goes into a
 * store (v8 serialize): `files`/`reasons` are the dictionaries the codes index, `lineShift` is added to every
 * line (a chunk's lines counted from its start), and record `i`'s raw then detail lie in `blocks[block[i]]`
 * from `offset[i]`, `rawBytes[i]` then `detailBytes[i]` long.
 */
export interface QuarantinePart {
  files: string[];
  reasons: string[];
  fileCodes: Uint32Array;
  reasonCodes: Uint32Array;
  lines: Float64Array;
  lineShift: number;
  blocks: Uint8Array[];
  block: Uint32Array;
  offset: Uint32Array;
  rawBytes: Uint32Array;
  detailBytes: Uint32Array;
}

/** Bytes of raw and detail text per block; a longer record takes a block of its own. */
const BLOCK_BYTES = 1 << 20;
const FIRST_ROWS = 64;

/**
 * Collects quarantined records as they are read, in columns (see QuarantinePart).
 * @example const built = new QuarantineBuilder(); built.push({ file, line: 3, reason: 'missing_id', raw, detail }); built.toPart()
 */
export class QuarantineBuilder {
  length = 0;
  private readonly files: string[] = [];
  private readonly reasons: string[] = [];
  private readonly fileCode = new Map<string, number>();
  private readonly reasonCode = new Map<string, number>();
  private fileCodes = new Uint32Array(FIRST_ROWS);
  private reasonCodes = new Uint32Array(FIRST_ROWS);
  private lines = new Float64Array(FIRST_ROWS);
  private block = new Uint32Array(FIRST_ROWS);
  private offset = new Uint32Array(FIRST_ROWS);
  private rawBytes = new Uint32Array(FIRST_ROWS);
  private detailBytes = new Uint32Array(FIRST_ROWS);
  private readonly blocks: Uint8Array[] = [];
  private current: Buffer | undefined;
  private used = 0;

  push(record: QuarantineRecord): void {
    const at = this.length;
    if (at === this.lines.length) this.grow();
    this.fileCodes[at] = codeOf(record.file, this.files, this.fileCode);
    this.reasonCodes[at] = codeOf(record.reason, this.reasons, this.reasonCode);
    this.lines[at] = record.line;
    const rawLength = Buffer.byteLength(record.raw, 'utf8');
    const detailLength = Buffer.byteLength(record.detail, 'utf8');
    const bytes = rawLength + detailLength;
    if (this.current === undefined || this.used + bytes > this.current.length) {
      this.seal();
      this.current = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes));
      this.used = 0;
    }
    this.block[at] = this.blocks.length;
    this.offset[at] = this.used;
    this.used += this.current.write(record.raw, this.used, rawLength, 'utf8');
    this.used += this.current.write(record.detail, this.used, detailLength, 'utf8');
    this.rawBytes[at] = rawLength;
    this.detailBytes[at] = detailLength;
    this.length += 1;
  }

  /** The records collected, as one part (trimmed to what they use; the builder is done with). */
  toPart(): QuarantinePart {
    this.seal();
    const n = this.length;
    return {
      files: this.files, reasons: this.reasons, lineShift: 0, blocks: this.blocks,
      fileCodes: this.fileCodes.slice(0, n), reasonCodes: this.reasonCodes.slice(0, n), lines: this.lines.slice(0, n),
      block: this.block.slice(0, n), offset: this.offset.slice(0, n), rawBytes: this.rawBytes.slice(0, n), detailBytes: this.detailBytes.slice(0, n),
    };
  }

  // the block being filled joins the list, cut to what it holds (a copy, so the rest of its memory goes)
  private seal(): void {
    if (this.current === undefined) return;
    if (this.used > 0) this.blocks.push(this.used === this.current.length ? this.current : Uint8Array.prototype.slice.call(this.current, 0, this.used));
    this.current = undefined;
    this.used = 0;
  }

  private grow(): void {
    const size = this.lines.length * 2;
    const grown = <T extends Uint32Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (length: number) => T)(size);
      next.set(array);
      return next;
    };
    this.fileCodes = grown(this.fileCodes);
    this.reasonCodes = grown(this.reasonCodes);
    this.lines = grown(this.lines);
    this.block = grown(this.block);
    this.offset = grown(this.offset);
    this.rawBytes = grown(this.rawBytes);
    this.detailBytes = grown(this.detailBytes);
  }
}

function codeOf(value: string, values: string[], codes: Map<string, number>): number {
  let code = codes.get(value);
  if (code === undefined) {
    code = values.length;
    values.push(value);
    codes.set(value, code);
  }
  return code;
}

/** The buffers of a part, to transfer it to another thread. */
export function quarantineTransferList(part: QuarantinePart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [part.fileCodes, part.reasonCodes, part.lines, part.block, part.offset, part.rawBytes, part.detailBytes, ...part.blocks]) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}

/**
 * The part with its lines shifted by `lines` more (a chunk's lines after the lines before it).
 * @example shiftedPart(part, 5000).lineShift // part.lineShift + 5000
 */
export function shiftedPart(part: QuarantinePart, lines: number): QuarantinePart {
  return { ...part, lineShift: part.lineShift + lines };
}

/**
 * The part with every record's file named `file` (a store's file as the input folder is spelled now).
 * @example atFile(part, 'exports/ai_logs_1.csv').files // ['exports/ai_logs_1.csv']
 */
export function atFile(part: QuarantinePart, file: string): QuarantinePart {
  return { ...part, files: part.files.map(() => file) };
}

/**
 * A part from records (a store kept before the quarantine was kept in columns, or a test).
 * @example partOfRecords([{ file: 'a.csv', line: 2, reason: 'missing_id', raw: ',u1', detail: 'expected a non-empty `event_id`' }]).lines // Float64Array [2]
 */
export function partOfRecords(records: Iterable<QuarantineRecord>): QuarantinePart {
  const built = new QuarantineBuilder();
  for (const record of records) built.push(record);
  return built.toPart();
}

/**
 * Every quarantined record of a run, in order: parts, each read as records on demand.
 * @example for (const record of data.quarantine) console.log(record.line, record.reason)
 */
export class Quarantine implements Iterable<QuarantineRecord> {
  readonly length: number;

  constructor(readonly parts: QuarantinePart[] = []) {
    this.length = parts.reduce((sum, part) => sum + part.lines.length, 0);
  }

  *[Symbol.iterator](): Iterator<QuarantineRecord> {
    for (const part of this.parts) for (let at = 0; at < part.lines.length; at += 1) yield recordOf(part, at);
  }

  /** Every record as an object (a test, or a small quarantine; a large one is read by iterating). */
  records(): QuarantineRecord[] {
    return [...this];
  }

  /** Records per reason, in order of first appearance. */
  countByReason(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const part of this.parts) {
      // (a part's reasons are coded in the order their first record stands, as counting record by record met them)
      const perCode = new Array<number>(part.reasons.length).fill(0);
      for (const code of part.reasonCodes) perCode[code] += 1;
      for (const [code, reason] of part.reasons.entries()) if (perCode[code] > 0) counts[reason] = (counts[reason] ?? 0) + perCode[code];
    }
    return counts;
  }
}

function recordOf(part: QuarantinePart, at: number): QuarantineRecord {
  const bytes = part.blocks[part.block[at]];
  const start = part.offset[at];
  const rawEnd = start + part.rawBytes[at];
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    file: part.files[part.fileCodes[at]],
    line: part.lines[at] + part.lineShift,
    reason: part.reasons[part.reasonCodes[at]],
    raw: text.toString('utf8', start, rawEnd),
    detail: text.toString('utf8', rawEnd, rawEnd + part.detailBytes[at]),
  };
}
