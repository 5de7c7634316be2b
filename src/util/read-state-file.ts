import { closeSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { UptakeError, type UptakeErrorKind } from '../errors.js';
import { notRegularFile } from './file-kind.js';
import { openRegularFileSync, READ_WITHOUT_BLOCKING } from './open-regular-file.js';

// A file a user names (a config, a notebook, a template) or uptake keeps (the watch ledger, the run lock, the
// run log) that is a FIFO would block its reader for good, and a device would hand back anything: it is opened
// without blocking and read only when it is a regular file (see openRegularFile).

/**
 * The text of the file at `path`, read only when it is a regular file: another kind of path (a FIFO, a device,
 * a folder, a socket) is UptakeError(`kind`) naming it and `what` it should be. Errors of opening it (ENOENT,
 * EACCES) are thrown as they are, for the caller to word.
 * @example const text = await readRegularFile('uptake.config.json', 'the config file', 'config')
 */
export async function readRegularFile(path: string, what: string, kind: UptakeErrorKind, options: { pipeWaitMs?: number } = {}): Promise<string> {
  const handle = await open(path, READ_WITHOUT_BLOCKING);
  try {
    const info = await handle.stat();
    if (info.isFIFO() && options.pipeWaitMs !== undefined) return await readPipe(handle, path, what, kind, options.pipeWaitMs);
    if (!info.isFile()) throw notRegularFile(path, what, kind, info);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** How long a file given as a pipe (`--config <(jq ...)`, a parameters file) may go without sending: 10 s. */
export const PIPE_WAIT_MS = 10_000;

/** The most a pipe may send (`--config <(yes)` must end too). */
const PIPE_BYTES = 64 * 1024 * 1024;

// A pipe opened without blocking (`--config <(jq ... base.json)`, a named pipe a process writes to): read until
// its writer closes it. Until a writer has written, a read finds nothing (EAGAIN, or an end with no bytes when
// none has opened it yet): it is waited for, at most `waitMs` since the last bytes came.
async function readPipe(handle: FileHandle, path: string, what: string, kind: UptakeErrorKind, waitMs: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let lastData = Date.now();
  for (;;) {
    const buffer = Buffer.alloc(64 * 1024);
    let read = 0;
    try {
      ({ bytesRead: read } = await handle.read(buffer, 0, buffer.length, null));
      if (read === 0 && bytes > 0) return Buffer.concat(chunks).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    if (read > 0) {
      chunks.push(buffer.subarray(0, read));
      bytes += read;
      lastData = Date.now();
      if (bytes > PIPE_BYTES) throw new UptakeError(kind, `expected ${what} from a pipe of at most 64 MiB, got more`, { file: path });
      continue;
    }
    if (Date.now() - lastData > waitMs) {
      throw new UptakeError(kind, `expected ${what}, got a named pipe (FIFO) that no process wrote to for ${waitMs / 1000} s; name a regular file, or write to the pipe`, { file: path });
    }
    await sleep(10);
  }
}

/**
 * readRegularFile for callers that cannot wait (a template read while a page renders).
 * @example const css = readRegularFileSync('templates/report.css', 'the report stylesheet', 'render')
 */
export function readRegularFileSync(path: string, what: string, kind: UptakeErrorKind): string {
  const fd = openRegularFileSync(path, { what, kind });
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of the state file at `path`, or null when there is none; a path that is not a regular file is
 * UptakeError('output') (see readRegularFile).
 * @example const text = await readStateFile('output/.uptake/watch-ledger.json', 'the watch ledger') // null when missing
 */
export async function readStateFile(path: string, what: string): Promise<string | null> {
  try {
    return await readRegularFile(path, what, 'output');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The list under `list` of a state file uptake writes as `{ version: 1, <list>: [...] }`, or [] when there is none;
 * text that is not such JSON is UptakeError('output') saying to delete it, and what deleting it does (`ifDeleted`).
 * @example const runs = await readStateList<UnfinishedRun>('output/.uptake/unfinished-runs.json', 'the unfinished runs', 'runs', 'its runs are then not tried again')
 */
export async function readStateList<T>(path: string, what: string, list: string, ifDeleted: string): Promise<T[]> {
  const text = await readStateFile(path, what);
  if (text === null) return [];
  let parsed: Record<string, unknown> | null;
  try {
    parsed = JSON.parse(text) as Record<string, unknown> | null;
  } catch (cause) {
    throw new UptakeError('output', `expected ${what} to be JSON written by uptake, got unreadable text (${(cause as Error).message}); delete it (${ifDeleted})`, { file: path, cause });
  }
  if (parsed?.version !== 1 || !Array.isArray(parsed[list])) {
    throw new UptakeError('output', `expected ${what} with version 1 and a \`${list}\` list, got ${JSON.stringify(text.slice(0, 80))}; delete it (${ifDeleted})`, { file: path });
  }
  return parsed[list] as T[];
}
