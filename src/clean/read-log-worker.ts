// Worker thread entry: reads the log files, or chunks of a large one, the main thread hands it, one at a time (see read-log-files.ts).
import { parentPort } from 'node:worker_threads';
import { UptakeError } from '../errors.js';
import { DEFAULT_INPUT_LIMITS, ReadingMemoryError } from '../ingest/input-limits.js';
import { transferListOf } from '../ingest/log-rows.js';
import { quarantineTransferList } from './quarantine-list.js';
import { readLogChunk, readLogFile, type RosterZones } from './read-log-file.js';
import type { PlausibleWindow } from './quarantine.js';
import type { WorkerMessage, WorkerRequest } from './read-log-files.js';

const port = parentPort!;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
let zones: RosterZones = new Map();
let defaultZone = 'UTC';
let plausible: PlausibleWindow = { earliestMs: -Infinity, latestMs: Infinity };
let limits = DEFAULT_INPUT_LIMITS;
let chunkBytes: number | undefined;

port.on('message', async (request: WorkerRequest) => {
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
    const { report, quarantine, rowsRead, quarantined, afterClock, zoneMonths } = result;
    send({ type: 'done', fileIndex, part, report, quarantine, unreadable: [...result.unreadable], rowsRead, quarantined, afterClock, zoneMonths }, [...transferListOf(part), ...quarantineTransferList(quarantine)]);
  } catch (error) {
    if (error instanceof UptakeError) {
      const where = error.file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : '';
      const message = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
      send({ type: 'failed', fileIndex, error: { kind: error.kind, message, file: error.file, line: error.line } });
    } else {
      send({ type: 'failed', fileIndex, error: { kind: 'internal', message: (error as Error)?.stack ?? String(error) } });
    }
  }
});

// A chunk arrives as a Uint8Array (its buffer transferred): its bytes go back the same way for the next chunk.
async function readChunk(request: Extract<WorkerRequest, { type: 'chunk' }>): Promise<void> {
  const { file, fileIndex, chunk, header } = request;
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length);
  const buffer = chunk.bytes.buffer as ArrayBuffer;
  try {
    const result = await readLogChunk(file, { ...chunk, bytes }, header, { zones, defaultZone, plausible, limits, onProgress: () => {} });
    const { rows, unreadable, ...rest } = result;
    const part = rows.toPart();
    send({ type: 'chunk-done', fileIndex, chunkIndex: chunk.index, part, unreadable: [...unreadable], bytes: buffer, ...rest }, [...transferListOf(part), ...quarantineTransferList(rest.quarantine), buffer]);
  } catch (error) {
    // memory ran short: reading the file again whole would only take more (its line counts from the chunk: left out)
    if (error instanceof ReadingMemoryError) {
      send({ type: 'failed', fileIndex, chunk: true, error: { kind: error.kind, message: error.message.replace(/^.*?: expected/, 'expected'), file: error.file } });
      return;
    }
    // the file is read again whole, which reports what is wrong (with its line)
    send({ type: 'chunk-failed', fileIndex, chunkIndex: chunk.index, bytes: buffer }, [buffer]);
  }
}
