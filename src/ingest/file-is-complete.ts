import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { openInputFile } from '../util/open-regular-file.js';

/** Whether a file that stopped growing is whole, and if not, why. */
export type Completeness = { complete: true } | { complete: false; why: string };

const TAIL_BYTES = 64 * 1024;

// A copy that pauses looks finished to a size check. A file counts once it reads to its end: a gzip
// stream with its trailer (the reader's gunzip says), and a last record that is whole (a line end, or
// as many fields as the header): lastRecordProbe, fed the bytes as the one read of the file goes by.
/** Why a file that failed while read to its end (a torn gzip stream, say) is not complete. */
export function unreadable(path: string, error: unknown): { complete: false; why: string } {
  const message = (error as Error)?.message ?? String(error);
  return { complete: false, why: path.endsWith('.gz') ? `the gzip stream ends before its trailer (${message})` : `it cannot be read to its end (${message})` };
}

/** Fed a file's (decompressed) bytes in order, says whether its last record is whole. */
export interface LastRecordProbe {
  add(chunk: Buffer): void;
  verdict(): Completeness;
}

/**
 * The last-record check, for a reader that reads the file anyway (one pass: takeInFile).
 * @example const probe = lastRecordProbe(); probe.add(Buffer.from('a,b\n1,2')); probe.verdict() // { complete: true }
 */
export function lastRecordProbe(): LastRecordProbe {
  let head = '';
  let tail = Buffer.alloc(0);
  return {
    add(chunk) {
      if (head.length < TAIL_BYTES && !head.includes('\n')) head += chunk.toString('utf8', 0, Math.min(chunk.length, TAIL_BYTES));
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
    },
    verdict() {
      const text = tail.toString('utf8');
      // (a line end is LF, CRLF or a lone CR, as the readers take them)
      if (text.length === 0 || text.endsWith('\n') || text.endsWith('\r')) return { complete: true };
      const header = head.split(/\r\n|\r|\n/)[0];
      const lastLine = text.slice(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
      if (lastLine === header) return { complete: true };
      try {
        const [headerFields] = parse(header, { relax_column_count: true }) as string[][];
        const [lastFields] = parse(lastLine, { relax_column_count: true }) as string[][];
        if (lastFields && headerFields && lastFields.length === headerFields.length) return { complete: true };
        return { complete: false, why: `its last record has ${lastFields?.length ?? 0} of ${headerFields?.length ?? 0} fields and no line end` };
      } catch {
        return { complete: false, why: 'its last record stops inside a quoted field' };
      }
    },
  };
}

/**
 * Whether a plain (not gzipped) file of `bytes` bytes ends with a whole record (lastRecordProbe), from its first and
 * last 64 KB only: what the input's settling asks of a file that stopped changing, since a copy that stalls halfway
 * looks finished to its size and mtime.
 * @example await plainFileEnd('data/in/ai_logs_2026-W47.csv', 5_301_244) // { complete: false, why: 'its last record has 3 of 7 fields and no line end' }
 */
export async function plainFileEnd(path: string, bytes: number): Promise<Completeness> {
  const { handle } = await openInputFile(path);
  try {
    const probe = lastRecordProbe();
    let text = true;
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      const part = buffer.subarray(0, bytesRead);
      text &&= !part.includes(0) && utf8Within(part, position > 0, position + bytesRead < bytes);
      probe.add(part);
    };
    await read(0, Math.min(bytes, TAIL_BYTES));
    if (bytes > TAIL_BYTES) await read(Math.max(TAIL_BYTES, bytes - TAIL_BYTES), Math.min(TAIL_BYTES, bytes - TAIL_BYTES));
    // (bytes that are no UTF-8 text, UTF-16 or a binary file say, hold no records this can tell: the reader says what they are)
    return text ? probe.verdict() : { complete: true };
  } finally {
    await handle.close();
  }
}

// Whether a part of a file is UTF-8, a character cut at its start or end (where the part was cut out) aside.
function utf8Within(part: Buffer, cutAtStart: boolean, cutAtEnd: boolean): boolean {
  const continuation = (at: number) => (part[at] & 0xc0) === 0x80;
  let from = 0;
  let to = part.length;
  if (cutAtStart) while (from < to && continuation(from)) from += 1;
  if (cutAtEnd && to > from) {
    to -= 1;
    while (to > from && continuation(to)) to -= 1;
  }
  return isUtf8(part.subarray(from, to));
}
