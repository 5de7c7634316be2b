import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readStateFile } from '../util/read-state-file.js';

/** An input file `uptake watch` is waiting for: not whole yet, so left out of the reports built meanwhile. */
export interface WaitingFile {
  file: string;
  /** When the watcher first found it not ready (ISO). */
  since: string;
  why: string;
  /** When it is read as it is (watch.incompleteMaxWaitMs after it last changed), or null while it still changes. */
  read_as_is_at: string | null;
}

/** What a running watcher is waiting for, as `uptake status` reads it. */
export interface WatchWaiting {
  pid: number;
  host: string;
  at: string;
  waiting: WaitingFile[];
}

// The watcher runs unattended: what it waits for must be visible to `uptake status`, another process.
/**
 * Writes the watcher's waiting files to `path` (atomically; an empty list removes the file).
 * @example await writeWatchWaiting('output/.uptake/watch-waiting.json', { pid: 42, host: 'box', at: now, waiting: [] })
 */
export async function writeWatchWaiting(path: string, state: WatchWaiting): Promise<void> {
  if (state.waiting.length === 0) await rm(path, { force: true });
  else await writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The watcher's waiting files as last written, or null when there is no such file or it is unreadable
 * (status must not fail on it: the watcher rewrites it with its next batch).
 * @example const state = await readWatchWaiting('output/.uptake/watch-waiting.json') // { pid: 42, waiting: [...] } or null
 */
export async function readWatchWaiting(path: string): Promise<WatchWaiting | null> {
  const text = await readStateFile(path, 'the watcher\'s list of files it waits for').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as WatchWaiting;
    return typeof parsed?.pid === 'number' && Array.isArray(parsed.waiting) ? parsed : null;
  } catch {
    return null;
  }
}
