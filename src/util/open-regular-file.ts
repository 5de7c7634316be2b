import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { isUptakeError, UptakeError, type UptakeErrorKind } from '../errors.js';
import { notRegularFile } from './file-kind.js';

// open() of a FIFO waits for a writer, in one of libuv's few threads, for good: nothing can stop it, and the
// process cannot even exit (exiting joins those threads). Opened without blocking, a FIFO opens at once; fstat
// of the descriptor then says what was opened (a FIFO, a device, a folder), whatever the path named when it was
// listed: a file replaced after that is caught here, and the bytes read come from what was checked.
/** open()'s flags for a file that may turn out not to be a regular file. */
export const READ_WITHOUT_BLOCKING = constants.O_RDONLY | constants.O_NONBLOCK;

/** What the path should be, in the words of the error for anything else (see notRegularFile). */
export interface RegularFileWords {
  /** e.g. `the input file`, `the config file`. */
  what: string;
  kind: UptakeErrorKind;
  /** What to do instead of moving it away; default `name another path`. */
  instead?: string;
}

/** How every reader of an input file names one that is not a regular file (exit 3). */
export const INPUT_FILE: RegularFileWords = { what: 'the input file', kind: 'input', instead: 'put the CSV export back' };

/**
 * Opens `path` for reading without blocking and returns the handle with its stats, when it is a regular file
 * (a symbolic link to one will do). Anything else (a FIFO, a folder, a device, a socket) is closed again and is
 * UptakeError(`words.kind`) naming the path, what it should be and what it is. Errors of opening it (ENOENT,
 * EACCES, ELOOP) are thrown as they are, for the caller to word. Reads from the handle behave as usual.
 * @example const { handle, info } = await openRegularFile('data/ai_logs_2026-W47.csv', INPUT_FILE)
 */
export async function openRegularFile(path: string, words: RegularFileWords): Promise<{ handle: FileHandle; info: Stats }> {
  const handle = await open(path, READ_WITHOUT_BLOCKING);
  let info: Stats;
  try {
    info = await handle.stat();
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (info.isFile()) return { handle, info };
  await handle.close();
  throw notRegularFile(path, words.what, words.kind, info, words.instead);
}

/**
 * openRegularFile for callers that cannot wait; returns the file descriptor (the caller closes it).
 * @example const fd = openRegularFileSync('templates/report.css', { what: 'the report stylesheet', kind: 'render' })
 */
export function openRegularFileSync(path: string, words: RegularFileWords): number {
  const fd = openSync(path, READ_WITHOUT_BLOCKING);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notRegularFile(path, words.what, words.kind, info, words.instead);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * openRegularFile for an input file (a log, a roster, a file hashed for the store's ledger): one that cannot be
 * opened (gone or unreadable since the folder was listed) is UptakeError('input') too, naming it.
 * @example const { handle, info } = await openInputFile('data/ai_logs_2026-W47.csv') // a FIFO there: exit 3
 */
export async function openInputFile(path: string): Promise<{ handle: FileHandle; info: Stats }> {
  try {
    return await openRegularFile(path, INPUT_FILE);
  } catch (error) {
    if (isUptakeError(error)) throw error;
    throw new UptakeError('input', `cannot read the file: ${(error as Error).message}`, { file: path, cause: error });
  }
}
