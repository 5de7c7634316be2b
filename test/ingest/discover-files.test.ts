import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { afterEach, describe, expect, test } from 'vitest';
import { UptakeError } from '../../src/errors.js';
import { discoverFiles, foldersWithInput, lookalikeNames, otherSpellingNames } from '../../src/ingest/discover-files.js';
import { readInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import { readCsvRecordsFast } from '../../src/ingest/read-csv-fast.js';
import { readCsvRecords } from '../../src/ingest/read-csv.js';
import { ROSTER_HEADER } from '../helpers/input-folder.js';

let dir: string;
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A complete input folder (one file of each kind) with `extra` made in it; returns the folder. */
function folderWith(extra: (dir: string) => void): string {
  dir = mkdtempSync(join(tmpdir(), 'uptake-discover-'));
  writeFileSync(join(dir, 'ai_logs_1.csv'), 'event_id,user_id,task_type,started_at,status\ne1,u1,report,2026-11-16T09:00:00Z,done\n');
  writeFileSync(join(dir, 'manual_logs_1.csv'), 'task_id,user_id,task_type,started_at\n');
  writeFileSync(join(dir, 'user_monthly_summary_1.csv'), `${ROSTER_HEADER}\n`);
  extra(dir);
  return dir;
}

async function discoveryError(folder: string): Promise<UptakeError> {
  const error = await discoverFiles(folder).then(() => undefined, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(UptakeError);
  return error as UptakeError;
}

describe('discoverFiles and paths that are not readable files', () => {
  test('a dangling symbolic link names its missing target', async () => {
    const folder = folderWith((at) => symlinkSync(join(at, 'gone.csv'), join(at, 'ai_logs_2.csv')));
    const error = await discoveryError(folder);
    expect([error.message, error.exitCode]).toEqual([`${join(folder, 'ai_logs_2.csv')}: expected a readable CSV file, but it is a symbolic link to \`${join(folder, 'gone.csv')}\`, which does not exist`, 3]);
  });

  test('a symbolic link loop', async () => {
    const folder = folderWith((at) => {
      symlinkSync(join(at, 'ai_logs_3.csv'), join(at, 'ai_logs_2.csv'));
      symlinkSync(join(at, 'ai_logs_2.csv'), join(at, 'ai_logs_3.csv'));
    });
    expect((await discoveryError(folder)).message).toBe(`${join(folder, 'ai_logs_2.csv')}: expected a readable CSV file, but it is a symbolic link in a loop`);
  });

  test('a directory and a named pipe named like input (a pipe would block the read forever)', async () => {
    const withDirectory = folderWith((at) => mkdirSync(join(at, 'manual_logs_2.csv.gz')));
    expect((await discoveryError(withDirectory)).message).toBe(`${join(withDirectory, 'manual_logs_2.csv.gz')}: expected a readable CSV file, but it is a folder`);
    rmSync(withDirectory, { recursive: true, force: true });
    const withFifo = folderWith((at) => execFileSync('mkfifo', [join(at, 'user_monthly_summary_2.csv')]));
    expect((await discoveryError(withFifo)).message).toBe(`${join(withFifo, 'user_monthly_summary_2.csv')}: expected a readable CSV file, but it is a named pipe (FIFO)`);
  });

  test('a symbolic link to a readable file is read like the file', async () => {
    const folder = folderWith((at) => {
      writeFileSync(join(at, 'elsewhere.txt'), 'event_id,user_id,task_type,started_at,status\n');
      symlinkSync(join(at, 'elsewhere.txt'), join(at, 'ai_logs_2.csv'));
    });
    // the link's size is its target's: 45 bytes of header
    expect((await discoverFiles(folder)).map((file) => [file.name, file.bytes])).toEqual([['ai_logs_1.csv', 84], ['ai_logs_2.csv', 45], ['manual_logs_1.csv', 37], ['user_monthly_summary_1.csv', ROSTER_HEADER.length + 1]]);
  });

  test('a file that disappears after discovery is an input error from either reader', async () => {
    const folder = folderWith(() => {});
    const file = { path: join(folder, 'ai_logs_9.csv'), gzip: false };
    const fast = await readCsvRecordsFast(file, () => {}).then(() => undefined, (error: UptakeError) => error);
    const slow = await (async () => { for await (const _ of readCsvRecords(file)) void _; })().then(() => undefined, (error: UptakeError) => error);
    for (const error of [fast, slow]) {
      expect(error).toBeInstanceOf(UptakeError);
      expect([error?.kind, error?.message]).toEqual(['input', `${file.path}: cannot read the file: ENOENT: no such file or directory, open '${file.path}'`]);
    }
  });

  // Root reads any file: the unreadable file is then tried by the CLI run as `nobody` (the build is tested).
  test('a file the user may not read: exit 3 naming it, no stack trace', async () => {
    const folder = folderWith((at) => {
      writeFileSync(join(at, 'ai_logs_2.csv'), 'event_id\n');
      chmodSync(join(at, 'ai_logs_2.csv'), 0o000);
    });
    const expected = `${join(folder, 'ai_logs_2.csv')}: expected a readable CSV file, but it cannot be read: permission denied (EACCES)`;
    if (process.getuid?.() !== 0) {
      expect((await discoveryError(folder)).message).toBe(expected);
      return;
    }
    chmodSync(folder, 0o755);
    const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main, 'validate', '--input', folder], { encoding: 'utf8', uid: 65534, gid: 65534, cwd: folder, timeout: 60_000 });
    expect([run.status, run.stderr.trim()]).toEqual([3, `uptake: ${expected}`]);
  });

  // Node decodes such a name with U+FFFD: no file has that name, and the run once stopped saying the file had
  // disappeared. A file named like input must have a UTF-8 name; other files stay ignored.
  test('a file named like input whose name is not UTF-8 is an error naming the folder and the name\'s bytes', async () => {
    const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => Buffer.from(part as string)));
    const folder = folderWith((at) => {
      writeFileSync(bytes(join(at, 'ai_logs_'), [0xff, 0xfe], 'é_', [0xc3], '.csv.gz'), 'x');
      writeFileSync(bytes(join(at, 'notes_'), [0xff], '.txt'), 'x');
    });
    const error = await discoveryError(folder);
    expect([error.message, error.exitCode]).toEqual([
      `${folder}: expected file names in UTF-8, but the name \`ai_logs_\\xff\\xfeé_\\xc3.csv.gz\` is not (its bytes that are not UTF-8 are shown as \\xNN): rename the file`, 3,
    ]);
    rmSync(folder, { recursive: true, force: true });
    const ignored = folderWith((at) => writeFileSync(bytes(join(at, 'notes_'), [0xff], '.csv'), 'x'));
    expect((await discoverFiles(ignored)).map((file) => file.name)).toEqual(['ai_logs_1.csv', 'manual_logs_1.csv', 'user_monthly_summary_1.csv']);
  });
});

describe('names holding control characters', () => {
  // an escape sequence in a file name cleared or recoloured the terminal with every progress line naming it,
  // and a line break split the one-line message
  test('a file named like input with a control character in its name is an error showing them as \\xNN', async () => {
    const folder = folderWith((at) => writeFileSync(join(at, 'ai_logs_\u001b[2J\u0007\r\nx\u0085.csv'), 'x'));
    const error = await discoveryError(folder);
    expect([error.message, error.exitCode]).toEqual([
      `${folder}: expected file names without control characters, but the name \`ai_logs_\\x1b[2J\\x07\\x0d\\x0ax\\x85.csv\` holds some (shown as \\xNN): rename the file`, 3,
    ]);
  });

  test('other names are shown with them as \\xNN: the folder listing, and the lookalikes a run skips', async () => {
    dir = mkdtempSync(join(tmpdir(), 'uptake-discover-'));
    writeFileSync(join(dir, 'notes\u001b[31m.txt'), 'x');
    expect((await discoveryError(dir)).message).toBe(`${dir}: expected at least one ai_logs*.csv or ai_logs*.csv.gz file, found none (files: notes\\x1b[31m.txt)`);
    writeFileSync(join(dir, 'ai_logs_\u001b[31m.tsv'), 'x');
    expect(await lookalikeNames(dir)).toEqual(['ai_logs_\\x1b[31m.tsv']);
  });
});

describe('a run lists its input folder once', () => {
  // the files and the three kinds of names skipped each listed the folder anew: four listings of what may be a large
  // folder on a network share, and four views of a folder that may change meanwhile
  test('to find its files and the names it says it skipped (the same listing for all four)', async () => {
    const input = folderWith((at) => {
      mkdirSync(join(at, '2026-11'));
      writeFileSync(join(at, '2026-11', 'ai_logs_w47.csv'), 'x\n');
      for (const name of ['ai_logs_d.tsv', 'ai-logs-2026-W45.csv']) writeFileSync(join(at, name), 'x\n');
    });
    const listed: string[] = [];
    const readdir = fsPromises.readdir;
    fsPromises.readdir = ((path: Parameters<typeof readdir>[0], ...rest: unknown[]) => {
      listed.push(String(path));
      return (readdir as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof readdir;
    syncBuiltinESMExports();
    const progress: string[] = [];
    try {
      await readInput(input, parseConfig({}), { onProgress: (line) => progress.push(line) });
    } finally {
      fsPromises.readdir = readdir;
      syncBuiltinESMExports();
    }
    expect(listed.filter((path) => path === input)).toEqual([input]);
    expect(progress.slice(0, 4)).toEqual([
      `found 3 input files in ${input}`,
      'skipped ai_logs_d.tsv: named like input, but only *.csv and *.csv.gz files (not hidden) are read',
      "skipped ai-logs-2026-W45.csv: named like input, but a file's kind is read from a name starting ai_logs, manual_logs or user_monthly_summary (with the underscores)",
      `skipped 2026-11/: input files are read from ${input} itself, not from its subfolders`,
    ]);
  });
});

describe('files named like input that are not read', () => {
  // exports filed by month (`in/2026-11/ai_logs_….csv`) were left out of the report without a word
  test('in a subfolder: a run says it did not look into the folder; hidden folders and folders without input pass unmentioned', async () => {
    const input = folderWith((at) => {
      for (const folder of ['2026-11', '2026-10', '.uptake', 'notes']) mkdirSync(join(at, folder));
      writeFileSync(join(at, '2026-11', 'ai_logs_w47.csv'), 'x\n');
      writeFileSync(join(at, '2026-10', 'USER_MONTHLY_SUMMARY.CSV.GZ'), 'x\n');
      writeFileSync(join(at, '.uptake', 'ai_logs_w47.csv'), 'x\n');
      writeFileSync(join(at, 'notes', 'readme.txt'), 'x\n');
    });
    expect(await foldersWithInput(input)).toEqual(['2026-10/', '2026-11/']);
    const progress: string[] = [];
    await readInput(input, parseConfig({}), { onProgress: (line) => progress.push(line) });
    expect(progress.slice(0, 2)).toEqual([`found 3 input files in ${input}`, `skipped 2026-10/, 2026-11/: input files are read from ${input} itself, not from its subfolders`]);
  });

  test('spelt with hyphens, spaces or no separator are listed and a run says it skipped them (an export system renaming its files left their rows out without a word)', async () => {
    const input = folderWith((at) => {
      for (const name of ['ai-logs-2026-W45.csv.gz', 'AILogs_w46.csv', 'manual logs w47.csv', 'User-Monthly-Summary-2026-11.csv', 'ai_logbook.csv', 'aim_logs.csv', '.ai-logs.csv']) writeFileSync(join(at, name), 'x\n');
    });
    expect(await otherSpellingNames(input)).toEqual(['AILogs_w46.csv', 'User-Monthly-Summary-2026-11.csv', 'ai-logs-2026-W45.csv.gz', 'manual logs w47.csv']);
    const progress: string[] = [];
    await readInput(input, parseConfig({}), { onProgress: (line) => progress.push(line) });
    expect(progress.slice(0, 2)).toEqual([
      `found 3 input files in ${input}`,
      "skipped AILogs_w46.csv, User-Monthly-Summary-2026-11.csv, ai-logs-2026-W45.csv.gz, manual logs w47.csv: named like input, but a file's kind is read from a name starting ai_logs, manual_logs or user_monthly_summary (with the underscores)",
    ]);
  });

  test('are listed (any case, hidden ones too) and a run says it skipped them; other files pass unmentioned', async () => {
    const input = folderWith((at) => {
      for (const name of ['ai_logs_d.tsv', '.ai_logs_e.csv', 'AI_LOGS_c.csv~', 'manual_logs_w47.csv.bak', 'user_monthly_summary.xlsx', 'notes.txt', 'ai_logs_2.CSV']) writeFileSync(join(at, name), 'x\n');
    });
    expect(await lookalikeNames(input)).toEqual(['.ai_logs_e.csv', 'AI_LOGS_c.csv~', 'ai_logs_d.tsv', 'manual_logs_w47.csv.bak', 'user_monthly_summary.xlsx']);
    const progress: string[] = [];
    writeFileSync(join(input, 'ai_logs_2.CSV'), 'event_id,user_id,task_type,started_at,status\n');
    await readInput(input, parseConfig({}), { onProgress: (line) => progress.push(line) });
    expect(progress.slice(0, 2)).toEqual([
      `found 4 input files in ${input}`,
      'skipped .ai_logs_e.csv, AI_LOGS_c.csv~, ai_logs_d.tsv, manual_logs_w47.csv.bak, user_monthly_summary.xlsx: named like input, but only *.csv and *.csv.gz files (not hidden) are read',
    ]);
  });
});
