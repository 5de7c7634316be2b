import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
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

/**
 * Lists the input files of a folder by name prefix, in name order.
 * @example await discoverFiles('data/sample') // [{ name: 'ai_logs_2026-W40.csv', kind: 'ai_logs', ... }, ...]
 */
export async function discoverFiles(inputDir: string, required: InputKind[] = REQUIRED_KINDS): Promise<InputFile[]> {
  let names: string[];
  try {
    names = await readdir(inputDir);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what = code === 'ENOTDIR' ? 'is a file' : code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
    throw new UptakeError('input', `expected an input folder holding ai_logs*, manual_logs* and user_monthly_summary* CSV files, but it ${what}`, { file: inputDir, cause });
  }
  const files: InputFile[] = [];
  for (const name of names.sort()) {
    const kind = kindOfFileName(name);
    if (!kind) continue;
    const path = join(inputDir, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    files.push({ path, name, kind, gzip: name.toLowerCase().endsWith('.gz'), bytes: info.size });
  }
  for (const kind of required) {
    if (!files.some((file) => file.kind === kind)) {
      throw new UptakeError('input', `expected at least one ${kind}*.csv or ${kind}*.csv.gz file, found none (files: ${names.length ? names.join(', ') : 'none'})`, { file: inputDir });
    }
  }
  return files;
}
