import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { UptakeError, type UptakeErrorKind } from '../errors.js';
import { fileKind } from './file-kind.js';

// A file a user names (a config, a notebook, a template) or uptake keeps (the watch ledger, the run lock, the
// run log) that is a FIFO would block its reader for good, and a device would hand back anything: it is opened
// without blocking and read only when it is a regular file.
const READ_NOW = constants.O_RDONLY | constants.O_NONBLOCK;
const refusal = (path: string, what: string, kind: UptakeErrorKind, info: Parameters<typeof fileKind>[0]) =>
  new UptakeError(kind, `expected ${what} to be a regular file, got ${fileKind(info)}; move it away or name another path`, { file: path });

/**
 * The text of the file at `path`, read only when it is a regular file: another kind of path (a FIFO, a device,
 * a folder, a socket) is UptakeError(`kind`) naming it and `what` it should be. Errors of opening it (ENOENT,
 * EACCES) are thrown as they are, for the caller to word.
 * @example const text = await readRegularFile('uptake.config.json', 'the config file', 'config')
 */
export async function readRegularFile(path: string, what: string, kind: UptakeErrorKind): Promise<string> {
  const handle = await open(path, READ_NOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw refusal(path, what, kind, info);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * readRegularFile for callers that cannot wait (a template read while a page renders).
 * @example const css = readRegularFileSync('templates/report.css', 'the report stylesheet', 'render')
 */
export function readRegularFileSync(path: string, what: string, kind: UptakeErrorKind): string {
  const fd = openSync(path, READ_NOW);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw refusal(path, what, kind, info);
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
