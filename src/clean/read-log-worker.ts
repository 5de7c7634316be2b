// Worker thread entry: reads the log files the main thread hands it, one at a time (see read-log-files.ts).
import { parentPort } from 'node:worker_threads';
import { UptakeError } from '../errors.js';
import { DEFAULT_INPUT_LIMITS } from '../ingest/input-limits.js';
import { transferListOf } from '../ingest/log-rows.js';
import { readLogFile, type RosterZones } from './read-log-file.js';
import type { PlausibleWindow } from './quarantine.js';
import type { WorkerMessage, WorkerRequest } from './read-log-files.js';

const port = parentPort!;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
let zones: RosterZones = new Map();
let defaultZone = 'UTC';
let plausible: PlausibleWindow = { earliestMs: -Infinity, latestMs: Infinity };
let limits = DEFAULT_INPUT_LIMITS;

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'zones') {
    ({ zones, defaultZone, plausible, limits } = request);
    return;
  }
  const { file, fileIndex } = request;
  try {
    const result = await readLogFile(file, { zones, defaultZone, plausible, limits, onProgress: (message) => send({ type: 'progress', message }) });
    const part = result.rows.toPart();
    const { report, quarantine, rowsRead, quarantined } = result;
    send({ type: 'done', fileIndex, part, report, quarantine, unreadable: [...result.unreadable], rowsRead, quarantined }, transferListOf(part));
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
