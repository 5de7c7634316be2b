import { beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csv, inputFolder } from '../helpers/input-folder.js';
import { IS_ROOT, NOT_ROOT_REASON, makeFifo, mountSmallDisk, undoneAfterEach } from '../helpers/special-files.js';
import { runCli } from '../helpers/run-cli.js';

// The built CLI as a user runs it, with `env` added.
const uptake = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

const STACK_LINE = /^\s+at /m;
const { folder, later } = undoneAfterEach('uptake-cli-');

let input: string;
beforeAll(() => {
  // One good row and one that is quarantined (no user), so validate has a quarantine file to write.
  input = inputFolder({
    'ai_logs_2026-W47.csv': csv(
      'event_id,user_id,team,task_type,started_at,duration_sec,status',
      'e1,u1,Finance,invoice_matching,2026-11-17T09:00:00Z,60,success',
      'e2,,Finance,invoice_matching,2026-11-17T10:00:00Z,60,success',
    ),
  });
  return () => rmSync(input, { recursive: true, force: true });
});

describe('output paths that are not regular files, through the CLI', () => {
  test('`validate --quarantine /dev/null` writes into the device and leaves it one', async () => {
    const before = statSync('/dev/null');
    const result = await uptake(['validate', '--input', input, '--quarantine', '/dev/null']);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').rdev).toBe(before.rdev);
  });

  test('`validate --quarantine FOLDER` is refused with exit 12 and one line naming it', async () => {
    const dir = folder();
    const result = await uptake(['validate', '--input', input, '--quarantine', dir]);
    expect(result.code).toBe(12);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      `uptake: ${dir}: expected a regular file (or a new one), a character device or a FIFO to write, got a folder; nothing was written`,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  test('`validate --quarantine FIFO` with nobody reading is refused instead of hanging', async () => {
    const fifo = join(folder(), 'q.csv');
    makeFifo(fifo);
    const result = await uptake(['validate', '--input', input, '--quarantine', fifo]);
    expect(result.code).toBe(12);
    expect(result.stderr).toContain(`uptake: ${fifo}: expected a regular file (or a new one), a character device or a FIFO to write, got a FIFO that no process is reading`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('`execute --out /dev/stdout`', () => {
  function tinyNotebook(): string {
    const path = join(folder(), 'tiny.ipynb');
    writeFileSync(
      path,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
        cells: [{ cell_type: 'code', id: 'c1', metadata: {}, execution_count: null, outputs: [], source: 'console.log(6 * 7)' }],
      }),
    );
    return path;
  }

  test('into a pipe: the executed notebook is all that stdout carries', async () => {
    const result = await uptake(['execute', tinyNotebook(), '--out', '/dev/stdout']);
    expect(result.code).toBe(0);
    const notebook = JSON.parse(result.stdout) as { cells: Array<{ outputs: Array<{ text: string[] | string }> }> };
    expect([notebook.cells[0].outputs[0].text].flat().join('')).toBe('42\n');
    expect(result.stderr).toContain('wrote /dev/stdout');
  }, 90_000);

  test('into a file opened for appending (`>> log`): appended, the file neither emptied nor replaced', async () => {
    const log = join(folder(), 'run.log');
    writeFileSync(log, 'earlier line\n');
    const inode = statSync(log).ino;
    const descriptor = openSync(log, 'a');
    const child = spawn(process.execPath, ['dist/cli/main.js', 'execute', tinyNotebook(), '--out', '/dev/stdout'], { stdio: ['ignore', descriptor, 'ignore'] });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    closeSync(descriptor);
    expect(code).toBe(0);
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('earlier line\n{')).toBe(true);
    expect(JSON.parse(text.slice('earlier line\n'.length)).nbformat).toBe(4);
    expect(statSync(log).ino).toBe(inode);
  }, 90_000);
});

describe('`execute --cwd`', () => {
  test('naming no folder is exit 2 naming it, before a kernel starts', async () => {
    const missing = join(folder(), 'nowhere');
    const result = await uptake(['execute', 'notebooks/team-deep-dive.ipynb', '--cwd', missing, '--out', join(folder(), 'a.ipynb')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`uptake: expected --cwd to name a folder, got ${missing}, which does not exist\n`);
    const file = await uptake(['execute', 'notebooks/team-deep-dive.ipynb', '--cwd', 'README.md', '--out', join(folder(), 'a.ipynb')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('uptake: expected --cwd to name a folder, got README.md, which is not a folder\n');
  });
});

describe('a full or read-only disk, through the CLI', () => {
  test.skipIf(!IS_ROOT)(`a full disk: exit 12, one line with the path and ENOSPC, no stack trace (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'disk', { sizeKb: 64 });
    later(disk.unmount);
    // Fill it: every later block written fails with ENOSPC.
    try {
      writeFileSync(join(disk.path, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // full, as intended
    }
    const target = join(disk.path, 'quarantine.csv');
    const result = await uptake(['validate', '--input', input, '--quarantine', target]);
    expect(result.code).toBe(12);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(`uptake: ${target}: cannot write: no space left on device (ENOSPC)`);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(disk.path)).toEqual(['filler']);
  });

  test.skipIf(!IS_ROOT)(`a full disk under \`run\`'s output folder: exit 12 naming the run lock it could not write (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'out', { sizeKb: 64 });
    later(disk.unmount);
    mkdirSync(join(disk.path, '.uptake'));
    try {
      writeFileSync(join(disk.path, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // full, as intended
    }
    const result = await uptake(['run', '--input', input, '--out', disk.path, '--no-deliver', '--no-warehouse']);
    expect(result.code).toBe(12);
    // (it said "write failed: no space left on device (ENOSPC)", naming no file)
    expect(result.stderr.trim().split('\n').at(-1)).toBe(`uptake: ${disk.path}/.uptake/run.lock: cannot write: no space left on device (ENOSPC)`);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(join(disk.path, '.uptake'))).toEqual([]);
  });

  test.skipIf(!IS_ROOT)(`a read-only output folder for \`run\`: exit 12 naming the errno and the path; --debug adds the stack (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'out', { sizeKb: 64 });
    later(disk.unmount);
    disk.makeReadOnly();
    const args = ['run', '--input', input, '--out', disk.path, '--no-deliver', '--no-warehouse'];
    const result = await uptake(args);
    expect(result.code).toBe(12);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(`uptake: ${disk.path}/.uptake: cannot write: read-only file system (EROFS)`);
    expect(result.stderr).not.toMatch(STACK_LINE);
    const debug = await uptake([...args, '--debug']);
    expect(debug.code).toBe(12);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});

describe('settings are checked before any work', () => {
  test('a malformed UPTAKE_POSTGRES_URL stops `run` with exit 4 before ingest, naming the variable and not its text', async () => {
    const out = folder();
    const result = await uptake(['run', '--input', input, '--out', out, '--no-deliver'], { UPTAKE_POSTGRES_URL: 'postgres://uptake:hunter2@db:54x2/uptake' });
    expect(result.code).toBe(4);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      'uptake: warehouse: expected the environment variable UPTAKE_POSTGRES_URL (`warehouse.postgresUrlEnv`) to hold a URL like postgres://user:password@host:5432/database, got one that is not a well-formed URL (check the port and that `@`, `:` and `/` inside the password are percent-encoded)',
    );
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toContain('[1/7]');
    expect(readdirSync(out).filter((name) => name !== '.uptake')).toEqual([]);
  });

  test('a malformed Slack webhook stops `run` with exit 4 before ingest', async () => {
    const out = folder();
    const config = join(folder(), 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ slack: { enabled: true } }));
    const result = await uptake(['run', '--input', input, '--out', out, '--config', config, '--no-warehouse'], { UPTAKE_SLACK_WEBHOOK: 'https://hooks.slack.com/services/T0 /B0/secret' });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('uptake: slack.enabled is true, so expected a webhook URL (https://…) in the environment variable UPTAKE_SLACK_WEBHOOK, got one that holds spaces or control characters');
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toContain('[1/7]');
  });

  test('a bad cron stops every command that reads the config, `validate` included, with exit 4', async () => {
    const config = join(folder(), 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ schedule: { cron: '0 6 * * mon-xyz' } }));
    const result = await uptake(['validate', '--input', input, '--config', config, '--quarantine', '/dev/null']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`uptake: ${config}: \`schedule.cron\`: expected a cron expression such as "0 6 * * 1"`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
