import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFifo } from '../helpers/special-files.js';
import { sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

// A copy of the sample whose ai_logs_2026-W47.csv is still being written, by a real process, when
// `uptake metrics` or `uptake run` starts (the input-settle wait, config `inputSettle`).
const SAMPLE_LOG = join(process.cwd(), 'data/sample/ai_logs_2026-W47.csv');
// Writes `source` to `target` in `chunks` pieces `everyMs` apart; with `forever`, then keeps appending a line.
const WRITER = `
const { appendFileSync, readFileSync, writeFileSync } = require('node:fs');
const [source, target, chunks, everyMs, forever] = process.argv.slice(1);
const bytes = readFileSync(source);
const size = Math.ceil(bytes.length / Number(chunks));
writeFileSync(target, bytes.subarray(0, size));
console.log('started');
let index = 1;
const timer = setInterval(() => {
  if (index < Number(chunks)) appendFileSync(target, bytes.subarray(index * size, (index + 1) * size));
  else if (forever === 'yes') appendFileSync(target, 'e,u,t,x,2026-11-17T09:00:00Z,60,success\\n');
  else clearInterval(timer);
  index += 1;
}, Number(everyMs));`;

let box: Sandbox;
const writers: ResultPromise[] = [];
beforeEach(() => {
  box = sandbox();
});
afterEach(async () => {
  for (const writer of writers.splice(0)) {
    writer.kill('SIGKILL');
    await writer.catch(() => undefined);
  }
  box.remove();
});

// The sample without ai_logs_2026-W47.csv, and a writer process that has begun writing it.
async function folderBeingWritten(options: { chunks: number; everyMs: number; forever?: boolean }): Promise<{ input: string; config: string }> {
  const input = join(box.dir, 'in');
  cpSync(join(process.cwd(), 'data/sample'), input, { recursive: true, preserveTimestamps: true });
  rmSync(join(input, 'ai_logs_2026-W47.csv'));
  const writer = execa('node', ['-e', WRITER, SAMPLE_LOG, join(input, 'ai_logs_2026-W47.csv'), String(options.chunks), String(options.everyMs), options.forever ? 'yes' : 'no'], { reject: false });
  writers.push(writer);
  await new Promise<void>((started) => writer.stdout?.once('data', () => started()));
  return { input, config: join(box.dir, 'uptake.config.json') };
}

describe('an input file still being written when a command starts', () => {
  it('`uptake metrics` waits for it, says so, and prints the complete file\'s metrics', async () => {
    const complete = await startUptake(['metrics', '--input', 'data/sample', '--json'], box.env).child;
    expect(complete.exitCode).toBe(0);
    // written over 6 s: the command starts and looks at the folder well before the writer is done, even on a busy machine
    const { input, config } = await folderBeingWritten({ chunks: 60, everyMs: 100 });
    writeFileSync(config, JSON.stringify({ inputSettle: { quietMs: 500, maxWaitMs: 20_000 } }));
    const metrics = await startUptake(['metrics', '--input', input, '--json', '--config', config], box.env).child;
    expect(metrics.stderr).toMatch(new RegExp(`waiting for ${join(input, 'ai_logs_2026-W47.csv')}: it changed \\d+\\.\\d s ago`));
    expect(metrics.exitCode).toBe(0);
    expect(JSON.parse(String(metrics.stdout))).toEqual(JSON.parse(String(complete.stdout)));
  }, 60_000);

  it('`uptake store rebuild` waits for it before it empties the store, and the rebuilt store gives the complete file\'s metrics', async () => {
    const complete = await startUptake(['metrics', '--input', 'data/sample', '--json'], box.env).child;
    const { input, config } = await folderBeingWritten({ chunks: 60, everyMs: 100 });
    writeFileSync(config, JSON.stringify({ inputSettle: { quietMs: 500, maxWaitMs: 20_000 } }));
    const store = join(box.dir, 'store.duckdb');
    const rebuild = await startUptake(['store', 'rebuild', '--input', input, '--store', store, '--config', config], box.env).child;
    expect(rebuild.stderr).toMatch(new RegExp(`waiting for ${join(input, 'ai_logs_2026-W47.csv')}: it changed \\d+\\.\\d s ago`));
    expect(rebuild.exitCode).toBe(0);
    expect(rebuild.stderr).toContain(`uptake store rebuild: ${store} recomputed from 16 log files`);
    const metrics = await startUptake(['metrics', '--input', input, '--json', '--config', config, '--store', store], box.env).child;
    expect(metrics.stderr).toContain('skipped 16 of 16 log files');
    expect(JSON.parse(String(metrics.stdout))).toEqual(JSON.parse(String(complete.stdout)));
  }, 60_000);

  it('`uptake store rebuild` stops with exit 3 on a file still changing after inputSettle.maxWaitMs, and leaves the store as it was', async () => {
    const store = join(box.dir, 'store.duckdb');
    const first = await startUptake(['metrics', '--input', 'data/sample', '--json', '--store', store], box.env).child;
    expect(first.exitCode).toBe(0);
    const { input, config } = await folderBeingWritten({ chunks: 4, everyMs: 50, forever: true });
    writeFileSync(config, JSON.stringify({ inputSettle: { quietMs: 500, maxWaitMs: 1500 } }));
    const rebuild = await startUptake(['store', 'rebuild', '--input', input, '--store', store, '--config', config], box.env).child;
    expect(rebuild.exitCode).toBe(3);
    expect(rebuild.stderr).toContain(`uptake: ${join(input, 'ai_logs_2026-W47.csv')}: expected an input file that stopped changing`);
    const again = await startUptake(['metrics', '--input', 'data/sample', '--json', '--store', store], box.env).child;
    expect(again.stderr).toContain('skipped 16 of 16 log files');
    expect(again.stdout).toBe(first.stdout);
  }, 60_000);

  it('`uptake run` stops with exit 3 naming a file still changing after inputSettle.maxWaitMs, and writes no report', async () => {
    const { input, config } = await folderBeingWritten({ chunks: 4, everyMs: 50, forever: true });
    writeFileSync(config, JSON.stringify({ input, output: box.out, inputSettle: { quietMs: 500, maxWaitMs: 1500 }, warehouse: { duckdbPath: null } }));
    const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-deliver'], box.env).child;
    const path = join(input, 'ai_logs_2026-W47.csv');
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`waiting for ${path}: it changed`);
    expect(run.stderr).toMatch(new RegExp(`uptake: ${path}: expected an input file that stopped changing \\(quiet for 0\\.5 s, inputSettle\\.quietMs\\), but it was still changing after a wait of \\d+\\.\\d s \\(inputSettle\\.maxWaitMs\\)`));
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(readdirSync(box.out).filter((name) => /^\.?\d{4}-W\d\d/.test(name))).toEqual([]);
    expect(readFileSync(join(box.out, '.uptake', 'runs.jsonl'), 'utf8')).toMatch(/"exitCode":3/);
  }, 60_000);
});

// The tester's case: an input file replaced by a FIFO (`mv -T`) after the settle check, while the command reads
// the folder. The swap follows the line uptake prints once it has listed the folder: whether a reader opens the
// FIFO (on this thread or a reading thread) or the check after the reading finds it, the command stops at once.
describe.each([
  { how: 'on this thread', env: { UPTAKE_READ_THREADS: '0' }, store: [] },
  { how: 'on reading threads', env: { UPTAKE_READ_THREADS: '2' }, store: [] },
  { how: 'through a store (its files hashed)', env: {}, store: ['--store', 'store.duckdb'] },
])('an input file replaced by a FIFO while `uptake metrics` reads the folder $how', ({ env, store }) => {
  // a command that hangs after all is killed, not left behind
  const started: ResultPromise[] = [];
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await child;
    }
  });

  it('stops it within seconds with exit 3, naming the file', async () => {
    const input = join(box.dir, 'in');
    cpSync(join(process.cwd(), 'data/sample'), input, { recursive: true, preserveTimestamps: true });
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ inputSettle: { quietMs: 0 } }));
    const replaced = join(input, 'manual_logs_2026-W47.csv.gz');
    const args = ['metrics', '--input', input, '--json', '--config', config, ...store.map((arg) => (arg.endsWith('.duckdb') ? join(box.dir, arg) : arg))];
    const uptake = startUptake(args, { ...box.env, ...env });
    started.push(uptake.child);
    await uptake.waitFor(/found 19 input files in /);
    makeFifo(join(box.dir, 'fifo.tmp'));
    renameSync(join(box.dir, 'fifo.tmp'), replaced);
    const swappedAt = Date.now();
    const result = await uptake.child;
    expect(Date.now() - swappedAt).toBeLessThan(10_000);
    expect(result.exitCode).toBe(3);
    const message = String(result.stderr).split('\n').find((line) => line.startsWith('uptake: '));
    expect(message).toMatch(/^uptake: .*: expected the input (file to be a regular file, got|files to stay the same while they were read, but this one was replaced by) a named pipe \(FIFO\)/);
    expect(message?.startsWith(`uptake: ${replaced}: `)).toBe(true);
  }, 60_000);
});
