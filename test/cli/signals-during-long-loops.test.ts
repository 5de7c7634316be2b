import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

// A command stopped by SIGTERM while it reads a large file on the main thread, or appends its rows to the store:
// Node runs the signal's handler only between turns of its event loop, and parsing a 40 MB file (or appending its
// 280,000 rows to DuckDB) was one turn of 1.5 to 3 s. Real processes of the built CLI, real signals.
const CLI = join(process.cwd(), 'dist/cli/main.js');
const SAMPLE = join(process.cwd(), 'data/sample');
let folder: string;
let input: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'uptake-long-loops-'));
  input = join(folder, 'input');
  const lines = readFileSync(join(SAMPLE, 'ai_logs_2026-W47.csv'), 'utf8').split('\n');
  const rows = lines.slice(1).filter((line) => line.startsWith('evt-') && !line.includes('"'));
  const text: string[] = [lines[0]];
  let bytes = 0;
  // about 40 MB of distinct events, over the 32 MiB chunk size: read in two pieces, each parsed in one go before
  for (let index = 0; bytes < 40_000_000; index += 1) {
    const line = `x${index}-${rows[index % rows.length]}`;
    text.push(line);
    bytes += line.length + 1;
  }
  rmSync(input, { recursive: true, force: true });
  mkdirSync(input);
  writeFileSync(join(input, 'ai_logs_2026-W47.csv'), `${text.join('\n')}\n`);
  for (const name of ['manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join(SAMPLE, name), join(input, name));
  // written a while ago: no waiting for the files to settle
  const past = new Date(Date.now() - 60_000);
  for (const name of ['ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) utimesSync(join(input, name), past, past);
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI, sends SIGTERM once stderr shows `when` (and `afterMs` more), and says how long it took to end after it. */
function stopWhen(args: string[], when: string, afterMs: number): Promise<{ code: number | null; stderr: string; stoppedInMs: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, UPTAKE_READ_THREADS: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sentAt = 0;
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      if (sentAt === 0 && stderr.includes(when)) {
        sentAt = -1;
        setTimeout(() => {
          sentAt = performance.now();
          child.kill('SIGTERM');
        }, afterMs);
      }
    });
    child.on('close', (code) => done({ code, stderr, stoppedInMs: sentAt > 0 ? performance.now() - sentAt : Number.NaN }));
  });
}

it('validate stops within moments of SIGTERM while it parses a 40 MB file on the main thread, exit 130', async () => {
  const ended = await stopWhen(['validate', '--input', input], 'found 3 input files', 400);
  expect(ended.stderr).toContain('uptake: stopped by SIGTERM before it finished');
  expect(ended.code).toBe(130);
  expect(ended.stoppedInMs).toBeLessThan(1200);
}, 60_000);

it('metrics --store stops within moments of SIGTERM while it appends the rows to the store, exit 130', async () => {
  const store = join(folder, 'store.duckdb');
  const ended = await stopWhen(['metrics', '--input', input, '--store', store], 'cleaned: ', 50);
  expect(ended.stderr).toContain('uptake: stopped by SIGTERM before it finished');
  expect(ended.code).toBe(130);
  expect(ended.stoppedInMs).toBeLessThan(1200);
}, 60_000);
