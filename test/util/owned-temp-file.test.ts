import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { ownedTempPath, removeDeadWritersTemps } from '../../src/util/owned-temp-file.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { undoneAfterEach } from '../helpers/special-files.js';

const { folder, later } = undoneAfterEach();

// A real writer caught mid-write: it opens its temp file beside `target` (named as writeFileAtomic names it),
// writes half the data and waits; the test kills it with kill -9 or lets it live. Resolves with its temp file.
async function writerMidWrite(target: string): Promise<{ child: ChildProcess; temporary: string }> {
  const source = `
    const { ownedTempPath } = await import(${JSON.stringify(join(process.cwd(), 'dist/util/owned-temp-file.js'))});
    const { openSync, writeSync } = await import('node:fs');
    const temporary = ownedTempPath(process.argv[1]);
    writeSync(openSync(temporary, 'wx'), 'file,line,reason\\nai_logs.csv,12,');
    process.stdout.write(temporary + '\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source, target], { stdio: ['ignore', 'pipe', 'inherit'] });
  later(() => child.kill('SIGKILL'));
  const temporary = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before writing`)));
  });
  return { child, temporary };
}

async function killNine(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('ownedTempPath', () => {
  it('names the temp file beside its target after this process and host', () => {
    expect(ownedTempPath('q/q.csv')).toMatch(new RegExp(`^q/\\.q\\.csv\\.${process.pid}-[0-9a-f]{6}-[0-9a-f]{12}\\.tmp$`));
  });
});

describe('removeDeadWritersTemps and writeFileAtomic', () => {
  it('the next write to a target removes what a writer killed mid-write left, never a live writer\'s', async () => {
    const dir = folder();
    const target = join(dir, 'q.csv');
    const killed = await writerMidWrite(target);
    const live = await writerMidWrite(target);
    const otherTarget = await writerMidWrite(join(dir, 'metrics.json'));
    await Promise.all([killNine(killed.child), killNine(otherTarget.child)]);
    // Another host's (its pid cannot be checked here), and an older version's owner-less ones, fresh and 2 days old.
    const otherHost = join(dir, `.q.csv.${killed.child.pid}-000000-0a1b2c3d4e5f.tmp`);
    const ownerlessFresh = join(dir, '.q.csv.0a1b2c3d4e5f.tmp');
    const ownerlessOld = join(dir, '.q.csv.aabbccddeeff.tmp');
    for (const path of [otherHost, ownerlessFresh, ownerlessOld]) writeFileSync(path, 'partial');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(ownerlessOld, twoDaysAgo, twoDaysAgo);

    await writeFileAtomic(target, 'file,line,reason\n');

    expect(readFileSync(target, 'utf8')).toBe('file,line,reason\n');
    expect(readdirSync(dir).sort()).toEqual(
      [target, otherHost, ownerlessFresh, live.temporary, otherTarget.temporary].map((path) => path.slice(dir.length + 1)).sort(),
    );
  });

  it('removes nothing of a target nobody wrote, and reports what it removed', async () => {
    const dir = folder();
    const target = join(dir, 'dead-man.json');
    expect(await removeDeadWritersTemps(target)).toEqual([]);
    const killed = await writerMidWrite(target);
    await killNine(killed.child);
    expect(await removeDeadWritersTemps(target)).toEqual([killed.temporary]);
  });

  it('uptake validate --quarantine removes the temp file a validate killed mid-write left', async () => {
    const dir = folder();
    const quarantine = join(dir, 'q', 'q.csv');
    mkdirSync(join(dir, 'q'));
    const killed = await writerMidWrite(quarantine);
    await killNine(killed.child);
    const validate = await execa('node', [join(process.cwd(), 'dist/cli/main.js'), 'validate', '--input', join(process.cwd(), 'data/sample'), '--quarantine', quarantine], {
      cwd: dir,
      reject: false,
    });
    expect(validate.exitCode).toBe(0);
    expect(readdirSync(join(dir, 'q'))).toEqual(['q.csv']);
    expect(readFileSync(quarantine, 'utf8').split('\n')[0]).toBe('file,line,reason,detail,raw');
  }, 60_000);
});
