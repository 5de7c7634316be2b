import { parse } from 'csv-parse/sync';
const TAIL_BYTES = 64 * 1024;
// A copy that pauses looks finished to a size check. A file counts once it reads to its end: a gzip
// stream with its trailer (the reader's gunzip says), and a last record that is whole (a line end, or
// as many fields as the header): lastRecordProbe, fed the bytes as the one read of the file goes by.
/** Why a file that failed while read to its end (a torn gzip stream, say) is not complete. */
export function unreadable(path, error) {
    const message = error?.message ?? String(error);
    return { complete: false, why: path.endsWith('.gz') ? `the gzip stream ends before its trailer (${message})` : `it cannot be read to its end (${message})` };
}
/**
 * The last-record check, for a reader that reads the file anyway (one pass: takeInFile).
 * @example const probe = lastRecordProbe(); probe.add(Buffer.from('a,b\n1,2')); probe.verdict() // { complete: true }
 */
export function lastRecordProbe() {
    let head = '';
    let tail = Buffer.alloc(0);
    return {
        add(chunk) {
            if (head.length < TAIL_BYTES && !head.includes('\n'))
                head += chunk.toString('utf8', 0, Math.min(chunk.length, TAIL_BYTES));
            tail = Buffer.concat([tail, chunk]);
            if (tail.length > TAIL_BYTES)
                tail = tail.subarray(tail.length - TAIL_BYTES);
        },
        verdict() {
            const text = tail.toString('utf8');
            if (text.length === 0 || text.endsWith('\n'))
                return { complete: true };
            const header = head.split(/\r?\n/)[0];
            const lastLine = text.slice(text.lastIndexOf('\n') + 1);
            if (lastLine === header)
                return { complete: true };
            try {
                const [headerFields] = parse(header, { relax_column_count: true });
                const [lastFields] = parse(lastLine, { relax_column_count: true });
                if (lastFields && headerFields && lastFields.length === headerFields.length)
                    return { complete: true };
                return { complete: false, why: `its last record has ${lastFields?.length ?? 0} of ${headerFields?.length ?? 0} fields and no line end` };
            }
            catch {
                return { complete: false, why: 'its last record stops inside a quoted field' };
            }
        },
    };
}
//# sourceMappingURL=file-is-complete.js.map