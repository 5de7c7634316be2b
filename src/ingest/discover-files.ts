import { isUtf8 } from 'node:buffer';
import { constants, type Stats } from 'node:fs';
import { access, lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError, isSystemError, systemErrorText } from '../errors.js';
import { fileKind } from '../util/file-kind.js';
import { hasControlCharacters, printable, someNames } from '../util/some-names.js';
import type { InputKind } from './types.js';

export interface InputFile {
  /** Path as the user can find it (input folder + name). */
  path: string;
  name: string;
  kind: InputKind;
  gzip: boolean;
  bytes: number;
}

const PREFIXES: Array<[string, InputKind]> = [
  ['ai_logs', 'ai_logs'],
  ['manual_logs', 'manual_logs'],
  ['user_monthly_summary', 'user_monthly_summary'],
];

export const REQUIRED_KINDS: InputKind[] = ['ai_logs', 'manual_logs', 'user_monthly_summary'];

/** The kind a file name announces, or null for files uptake does not read. */
export function kindOfFileName(name: string): InputKind | null {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.csv') && !lower.endsWith('.csv.gz')) return null;
  for (const [prefix, kind] of PREFIXES) if (lower.startsWith(prefix)) return kind;
  return null;
}

/** One listing of an input folder (a run reads it once): each entry's name, as bytes and as text, and whether it is a folder. */
export interface FolderListing {
  folder: string;
  entries: Array<{ bytes: Buffer; name: string; isDirectory: boolean }>;
}

/**
 * Lists an input folder once, for discoverFiles and the names a run says it skipped (lookalikeNames,
 * otherSpellingNames, foldersWithInput): a folder that cannot be listed is the error discoverFiles gives.
 * @example const listing = await listInputFolder('data/sample'); await discoverFiles('data/sample', REQUIRED_KINDS, listing)
 */
export async function listInputFolder(inputDir: string): Promise<FolderListing> {
  try {
    const entries = await readdir(inputDir, { withFileTypes: true, encoding: 'buffer' });
    return { folder: inputDir, entries: entries.map((entry) => ({ bytes: entry.name, name: entry.name.toString('utf8'), isDirectory: entry.isDirectory() })) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what = code === 'ENOTDIR' ? 'is a file' : code === 'ENOENT' ? 'does not exist' : `cannot be read: ${unreadableText(cause)}`;
    throw new UptakeError('input', `expected an input folder holding ai_logs*, manual_logs* and user_monthly_summary* CSV files, but it ${what}`, { file: inputDir, cause });
  }
}

// A listing given, or the folder listed now (one that cannot be listed has no names to tell).
async function entriesOf(from: string | FolderListing): Promise<FolderListing['entries']> {
  if (typeof from !== 'string') return from.entries;
  return (await listInputFolder(from).catch(() => null))?.entries ?? [];
}

/**
 * The names in a folder that look like an input file's but are not read: an input prefix (any case, after
 * an optional dot) with another ending (`ai_logs_w47.tsv`, `ai_logs_w47.csv.bak`, `.ai_logs_w47.csv`), in
 * name order. A run says it skipped them: an export saved under the wrong name would otherwise leave the
 * report without a word.
 * @example await lookalikeNames('exports/') // ['ai_logs_2026-W47.csv~']
 */
export async function lookalikeNames(from: string | FolderListing): Promise<string[]> {
  const names = (await entriesOf(from)).map((entry) => entry.name);
  return names
    .filter((name) => kindOfFileName(name) === null && PREFIXES.some(([prefix]) => name.toLowerCase().replace(/^\./, '').startsWith(prefix)))
    .sort()
    .map(printable);
}

/**
 * The names in a folder that spell an input prefix otherwise (`ai-logs_w47.csv`, `AILogs_w47.csv.gz`, `manual logs
 * w47.csv`: hyphens, spaces or no separator for the underscores), in name order; no lookalikeNames of them. Not
 * read (the kind comes from the exact prefix, any case): a run says it skipped them, as an export system renaming
 * its files took their rows out of the report without a word.
 * @example await otherSpellingNames('exports/') // ['ai-logs-2026-W47.csv']
 */
export async function otherSpellingNames(from: string | FolderListing): Promise<string[]> {
  const names = (await entriesOf(from)).map((entry) => entry.name);
  const squash = (text: string) => text.toLowerCase().replace(/[-_\s]+/g, '');
  return names
    .filter((name) => !name.startsWith('.') && kindOfFileName(name) === null && !PREFIXES.some(([prefix]) => name.toLowerCase().startsWith(prefix)))
    .filter((name) => PREFIXES.some(([prefix]) => squash(name).startsWith(squash(prefix))))
    .sort()
    .map(printable);
}

// Exports filed by month (`in/2026-11/ai_logs_….csv`) were left out of the report without a word.
/**
 * The subfolders (not hidden) that hold files named like input, as `name/`, in name order: only the input
 * folder's own files are read, and a run says which folders it did not look into.
 * @example await foldersWithInput('exports/') // ['2026-11/']
 */
export async function foldersWithInput(from: string | FolderListing): Promise<string[]> {
  const inputDir = typeof from === 'string' ? from : from.folder;
  const folders: string[] = [];
  for (const entry of await entriesOf(from)) {
    if (!entry.isDirectory || entry.name.startsWith('.') || kindOfFileName(entry.name) !== null) continue;
    const names = await readdir(join(inputDir, entry.name)).catch(() => [] as string[]);
    if (names.some((name) => kindOfFileName(name) !== null)) folders.push(entry.name);
  }
  return folders.sort().map((name) => `${printable(name)}/`);
}

/**
 * Lists the input files of a folder by name prefix, in name order (from `listing` when the folder was listed already).
 * @example await discoverFiles('data/sample') // [{ name: 'ai_logs_2026-W40.csv', kind: 'ai_logs', ... }, ...]
 */
export async function discoverFiles(inputDir: string, required: InputKind[] = REQUIRED_KINDS, listing?: FolderListing): Promise<InputFile[]> {
  const names = utf8Names(inputDir, (listing ?? (await listInputFolder(inputDir))).entries.map((entry) => entry.bytes));
  const files: InputFile[] = [];
  for (const name of names.sort()) {
    const kind = kindOfFileName(name);
    if (!kind) continue;
    const path = join(inputDir, name);
    const info = await readableFile(path);
    files.push({ path, name, kind, gzip: name.toLowerCase().endsWith('.gz'), bytes: info.size });
  }
  for (const kind of required) {
    if (!files.some((file) => file.kind === kind)) {
      throw new UptakeError('input', `expected at least one ${kind}*.csv or ${kind}*.csv.gz file, found none (files: ${names.length === 0 ? 'none' : someNames(names)})`, { file: inputDir });
    }
  }
  return files;
}

// Node decodes a name that is not UTF-8 with U+FFFD for each bad byte: no file has that name, so its stat
// failed as if the file had gone, and the name would be wrong in every message, ledger and quarantine row.
// A control character (an escape sequence, a line break) would go to the terminal and into the run log with
// every progress line and message that names the file. A file named like input must have a UTF-8 name without
// them; others stay ignored.
/** The folder's entry names as text; an input file's name that is not UTF-8, or holds a control character, is an error naming it with those bytes as `\xNN`. */
function utf8Names(inputDir: string, entries: Buffer[]): string[] {
  return entries.map((entry) => {
    const name = entry.toString('utf8');
    if (kindOfFileName(name) !== null && !isUtf8(entry)) {
      throw new UptakeError('input', `expected file names in UTF-8, but the name \`${shownName(entry)}\` is not (its bytes that are not UTF-8 are shown as \\xNN): rename the file`, { file: inputDir });
    }
    if (kindOfFileName(name) !== null && hasControlCharacters(name)) {
      throw new UptakeError('input', `expected file names without control characters, but the name \`${printable(name)}\` holds some (shown as \\xNN): rename the file`, { file: inputDir });
    }
    return name;
  });
}

/**
 * A byte name as text: its UTF-8 characters as they are (control characters as `\xNN`), every other byte as `\xNN`.
 * @example shownName(Buffer.from([0x61, 0xff, 0x62])) // 'a\\xffb'
 */
export function shownName(bytes: Buffer): string {
  let shown = '';
  let at = 0;
  while (at < bytes.length) {
    const length = utf8LengthAt(bytes, at);
    shown += length > 0 ? printable(bytes.toString('utf8', at, at + length)) : `\\x${bytes[at].toString(16).padStart(2, '0')}`;
    at += Math.max(length, 1);
  }
  return shown;
}

// The length of the whole, valid UTF-8 character at `at` (1 to 4 bytes), or 0 when none starts there.
function utf8LengthAt(bytes: Buffer, at: number): number {
  const lead = bytes[at];
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  return length > 0 && at + length <= bytes.length && isUtf8(bytes.subarray(at, at + length)) ? length : 0;
}

// A file named like input that cannot be read would stop the run later with a stack trace, or hang it
// (a FIFO blocks until someone writes): it stops discovery instead, saying what the path is.
/**
 * The file's stats when `path` is a readable regular file (a link to one will do), else the UptakeError saying what it is.
 * @example await readableFile('incoming/ai_logs_2026-W47.csv') // throws `… but it is a named pipe (FIFO)` for a FIFO
 */
export async function readableFile(path: string): Promise<Stats> {
  const fail = (what: string, cause?: unknown) => new UptakeError('input', `expected a readable CSV file, but it ${what}`, { file: path, cause });
  let info: Stats;
  try {
    info = await stat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw fail('is a symbolic link in a loop', cause);
    if (code === 'ENOENT') {
      const target = await lstat(path).then((link) => (link.isSymbolicLink() ? readlink(path) : undefined), () => undefined);
      throw fail(target === undefined ? 'disappeared while the folder was read' : `is a symbolic link to \`${target}\`, which does not exist`, cause);
    }
    throw fail(`cannot be read: ${unreadableText(cause)}`, cause);
  }
  if (!info.isFile()) throw fail(`is ${fileKind(info)}`);
  try {
    await access(path, constants.R_OK);
  } catch (cause) {
    throw fail(`cannot be read: ${unreadableText(cause)}`, cause);
  }
  return info;
}

function unreadableText(cause: unknown): string {
  return isSystemError(cause) ? systemErrorText(cause) : String((cause as Error)?.message ?? cause);
}
