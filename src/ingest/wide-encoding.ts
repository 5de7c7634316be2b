import { UptakeError } from '../errors.js';

export type WideEncoding = 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

// Positions of the NUL bytes that ASCII text (every header) has in each encoding, per code unit.
const PATTERNS: Array<[encoding: WideEncoding, unitBytes: number, nulAt: number[]]> = [
  ['UTF-32LE', 4, [1, 2, 3]],
  ['UTF-32BE', 4, [0, 1, 2]],
  ['UTF-16LE', 2, [1]],
  ['UTF-16BE', 2, [0]],
];
/** Bytes looked at, and enough to tell a wide encoding by: the first header names. */
export const WIDE_SAMPLE_BYTES = 256;

// UTF-16 without a BOM is valid UTF-8 byte for byte (NULs between letters): the file would read as one
// unknown column. Such files are told by their BOM, else by NULs where the encoding puts them in ASCII.
/**
 * The UTF-16 or UTF-32 encoding `bytes` (a file's start) are in, or undefined (UTF-8 or other).
 * @example wideEncodingOf(Buffer.from('id,user\n', 'utf16le')) // 'UTF-16LE'
 */
export function wideEncodingOf(bytes: Uint8Array): WideEncoding | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'UTF-32LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16LE';
  const sample = bytes.subarray(0, WIDE_SAMPLE_BYTES);
  for (const [encoding, unitBytes, nulAt] of PATTERNS) {
    const units = Math.floor(sample.length / unitBytes);
    if (units < 2) continue;
    let matching = 0;
    for (let unit = 0; unit < units; unit += 1) {
      const at = unit * unitBytes;
      let nuls = 0;
      for (let index = 0; index < unitBytes; index += 1) if (sample[at + index] === 0) nuls += 1;
      if (nuls === nulAt.length && nulAt.every((offset) => sample[at + offset] === 0)) matching += 1;
    }
    // a non-Latin letter breaks the pattern here and there; UTF-8 text has no run of NULs at all
    if (matching * 4 >= units * 3) return encoding;
  }
  return undefined;
}

/**
 * The error of a file in a wide encoding.
 * @example throw wideEncodingError('in/ai_logs.csv', 'UTF-16LE')
 */
export function wideEncodingError(file: string, encoding: WideEncoding): UptakeError {
  return new UptakeError('input', `the file is ${encoding}; expected UTF-8 (save or export it as UTF-8, e.g. \`iconv -f ${encoding} -t UTF-8\`)`, { file });
}

/** Packed bytes a CSV export is mistaken for: gzip data (named .csv, or gzipped twice), a zip archive (an .xlsx workbook). */
export type PackedFormat = 'gzip' | 'zip';

// Such bytes are no UTF-8 text: without this look at their first bytes they were reported as a line of bytes
// that are not UTF-8, to be re-exported as UTF-8.
/**
 * What a file's text (after gunzip) is when it is no text at all but a wide encoding or packed bytes, or undefined.
 * @example notTextOf(gzipSync('a,b\n')) // 'gzip'
 */
export function notTextOf(bytes: Uint8Array): WideEncoding | PackedFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08) return 'gzip';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  return wideEncodingOf(bytes);
}

/**
 * The error of a file whose text is in a wide encoding or packed (notTextOf); `gzip`: the file was unzipped first.
 * @example throw notTextError('in/ai_logs.csv', 'gzip', false)
 */
export function notTextError(file: string, kind: WideEncoding | PackedFormat, gzip: boolean): UptakeError {
  if (kind === 'gzip') {
    return new UptakeError('input', gzip ? 'the file is gzip data once unzipped (gzipped twice?); expected CSV text' : 'the file is gzip data; expected CSV text (a gzip file is read when its name ends in .csv.gz)', { file });
  }
  if (kind === 'zip') return new UptakeError('input', 'the file is a zip archive (an .xlsx workbook?); expected CSV text (export the sheet as CSV)', { file });
  return wideEncodingError(file, kind);
}
