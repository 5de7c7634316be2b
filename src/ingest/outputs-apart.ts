import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UptakeError } from '../errors.js';
import { isIsoWeek } from '../util/iso-week.js';
import { printable } from '../util/some-names.js';
import { kindOfFileName } from './discover-files.js';

/** A path a command will write, and what named it: an option (`--quarantine`), a config key (`warehouse.duckdbPath`), `the store`. */
export interface OutputPath {
  path: string;
  by: string;
  /**
   * A folder the command writes week folders into (`run --out`): the input folder itself may be one (its week
   * folders are not read as input), but no week folder of it may be or hold the input folder (a run replaces its
   * week folder whole).
   */
  folder?: boolean;
}

/** What a command reads: an input folder (its ai_logs*, manual_logs* and user_monthly_summary* files), and single files. */
export interface InputPaths {
  folder?: string;
  files?: string[];
}

interface Located {
  shown: string;
  real: string;
  id: string | null;
}

// `validate --quarantine exports/ai_logs_a.csv` replaced the export with the quarantine: an output that is
// an input file (by its real path, or as a hard link: the same device and inode), or a new file or folder in the
// input folder named so that the next run reads it as input, is refused before it is written.
/**
 * Throws UptakeError('usage') naming the output and the input it would overwrite; outputs apart from the input
 * pass. A PostgreSQL URL is no path: leave it out.
 * @example await expectOutputsApart([{ path: 'exports/ai_logs_a.csv', by: '--quarantine' }], { folder: 'exports' }) // throws
 */
export async function expectOutputsApart(outputs: OutputPath[], input: InputPaths): Promise<void> {
  const inputFiles = await Promise.all([...(input.folder ? await inputNames(input.folder) : []), ...(input.files ?? [])].map(locate));
  const folder = input.folder ? await locate(input.folder) : null;
  for (const output of outputs) {
    const target = await locate(output.path);
    const overwritten = inputFiles.find((file) => file.real === target.real || (file.id !== null && file.id === target.id));
    if (overwritten) {
      throw new UptakeError('usage', `expected ${output.by} to be apart from the input, but ${printable(output.path)} is the input file ${printable(overwritten.shown)}; name another path`);
    }
    const weekFolder = output.folder && folder !== null ? await weekFolderHolding(output.path, folder.real) : null;
    if (weekFolder !== null) {
      throw new UptakeError('usage', `expected ${output.by} to be apart from the input, but its week folder ${printable(weekFolder)} is or holds the input folder ${printable(folder!.shown)}, and a run replaces its week folder whole; name another path`);
    }
    const readNextTime = folder !== null && dirname(target.real) === folder.real && kindOfFileName(basename(target.real)) !== null;
    if (readNextTime) {
      throw new UptakeError('usage', `expected ${output.by} to be apart from the input, but ${printable(output.path)} is in the input folder ${printable(folder.shown)}, where the next run would read it as input; name another path`);
    }
  }
}

// The week folder (`2026-W47`, or a link named so) of an output folder that is the input folder or holds it, by real path; null when none does.
async function weekFolderHolding(outputFolder: string, inputReal: string): Promise<string | null> {
  const weeks = (await readdir(outputFolder).catch(() => [] as string[])).filter(isIsoWeek).map((name) => join(outputFolder, name));
  for (const week of weeks) {
    const real = await realpath(week).catch(() => null);
    if (real !== null && (inputReal === real || inputReal.startsWith(real.endsWith(sep) ? real : real + sep))) return week;
  }
  return null;
}

async function inputNames(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => kindOfFileName(name) !== null).map((name) => join(folder, name));
}

// The path with its symlinks resolved (of its folder, for a file not written yet), and its device and inode when it exists.
async function locate(path: string): Promise<Located> {
  const info = await stat(path).catch(() => null);
  const real = await realpath(path).catch(async () => join(await realpath(dirname(path)).catch(() => resolve(dirname(path))), basename(path)));
  return { shown: path, real, id: info ? `${info.dev}:${info.ino}` : null };
}
