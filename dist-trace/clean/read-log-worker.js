// Worker thread entry: reads the log files, or chunks of a large one, the main thread hands it, one at a time (see read-log-files.ts).
import { parentPort } from 'node:worker_threads';
import { UptakeError } from '../errors.js';
import { DEFAULT_INPUT_LIMITS } from '../ingest/input-limits.js';
import { transferListOf } from '../ingest/log-rows.js';
import { readLogChunk, readLogFile } from './read-log-file.js';
const port = parentPort;
const send = (message, transfer = []) => port.postMessage(message, transfer);
let zones = new Map();
let defaultZone = 'UTC';
let plausible = { earliestMs: -Infinity, latestMs: Infinity };
let limits = DEFAULT_INPUT_LIMITS;
let chunkBytes;
port.on('message', async (request) => {
    if (request.type === 'zones') {
        ({ zones, defaultZone, plausible, limits, chunkBytes } = request);
        return;
    }
    if (request.type === 'chunk') {
        await readChunk(request);
        return;
    }
    const { file, fileIndex } = request;
    try {
        const result = await readLogFile(file, { zones, defaultZone, plausible, limits, chunkBytes, onProgress: (message) => send({ type: 'progress', message }) });
        const part = result.rows.toPart();
        const { report, quarantine, rowsRead, quarantined, afterClock } = result;
        send({ type: 'done', fileIndex, part, report, quarantine, unreadable: [...result.unreadable], rowsRead, quarantined, afterClock }, transferListOf(part));
    }
    catch (error) {
        if (error instanceof UptakeError) {
            const where = error.file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : '';
            const message = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
            send({ type: 'failed', fileIndex, error: { kind: error.kind, message, file: error.file, line: error.line } });
        }
        else {
            send({ type: 'failed', fileIndex, error: { kind: 'internal', message: error?.stack ?? String(error) } });
        }
    }
});
// A chunk arrives as a Uint8Array (its buffer transferred): its bytes go back the same way for the next chunk.
async function readChunk(request) {
    const { file, fileIndex, chunk, header } = request;
    const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length);
    const buffer = chunk.bytes.buffer;
    try {
        const result = await readLogChunk(file, { ...chunk, bytes }, header, { zones, defaultZone, plausible, limits, onProgress: () => { } });
        const { rows, unreadable, ...rest } = result;
        const part = rows.toPart();
        send({ type: 'chunk-done', fileIndex, chunkIndex: chunk.index, part, unreadable: [...unreadable], bytes: buffer, ...rest }, [...transferListOf(part), buffer]);
    }
    catch {
        // the file is read again whole, which reports what is wrong (with its line)
        send({ type: 'chunk-failed', fileIndex, chunkIndex: chunk.index, bytes: buffer }, [buffer]);
    }
}
//# sourceMappingURL=read-log-worker.js.map