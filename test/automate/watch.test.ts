import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { UptakeError } from '../../src/errors.js';
import { batchWeeks, watch, type WatchBatch, type Watcher, type WatchOptions } from '../../src/automate/watch.js';
import { appendRun, readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import type { JobRequest } from '../../src/automate/job.js';
import { parseConfig } from '../../src/config/read-config.js';
import { formatStatus, statusReport } from '../../src/automate/status-report.js';
import { processIdentity } from '../../src/util/process-identity.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const AI_HEADER = 'event_id,user_id,task_type,started_at,status\n';
const W47_ROWS = 'e1,u1,x,2026-11-17T09:00:00Z,completed\ne2,u2,x,2026-11-18T10:00:00Z,completed\n';
const W46_ROWS = 'e3,u1,x,2026-11-10T09:00:00Z,completed\n';
const MANUAL_W47 = 'task_id,user_id,task_type,started_at\nt1,u1,x,2026-11-19T09:00:00Z\n';

let root: string;
let inbox: string;
let output: string;
let watcher: Watcher | null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'uptake-watch-'));
  inbox = join(root, 'inbox');
  output = join(root, 'output');
  await mkdir(inbox);
  watcher = null;
});
afterEach(async () => {
  await watcher?.close();
  await rm(root, { recursive: true, force: true });
});

/** Starts a watcher whose batches and job calls the test can await. */
async function startWatcher(overrides: Partial<WatchOptions> = {}) {
  const batches: WatchBatch[] = [];
  const requests: JobRequest[] = [];
  const waiters: Array<() => void> = [];
  watcher = await watch(inbox, {
    // What the job was asked, less the batch's snapshot folder and change check (tested on their own).
    job: async ({ reason, weeks }) => void requests.push({ reason, weeks }),
    debounceMs: 300,
    stableMs: 250,
    ledgerPath: statePaths(output).watchLedger,
    outputDir: output,
    onBatch: (batch) => {
      batches.push(batch);
      for (const wake of waiters.splice(0)) wake();
    },
    ...overrides,
  });
  /** Resolves once `count` batches have been handled; fails after a bounded wait. */
  async function batchCount(count: number, timeoutMs = 15_000): Promise<WatchBatch[]> {
    const deadline = Date.now() + timeoutMs;
    while (batches.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} batches within ${timeoutMs} ms, saw ${batches.length}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, left);
      });
    }
    return batches;
  }
  return { batches, requests, batchCount };
}

const freshNames = (batch: WatchBatch) => batch.fresh.map((file) => file.path.slice(inbox.length + 1));

describe('watch', () => {
  it('waits for a file written in two steps and runs once, on the whole content', async () => {
    // The pause between the two writes is longer than the burst window and shorter than stableMs:
    // only waiting for a stable size keeps the half-written file from running.
    const { requests, batchCount } = await startWatcher({ debounceMs: 50, stableMs: 1500 });
    const path = join(inbox, 'ai_logs_2026-W47.csv');
    await writeFile(path, AI_HEADER + W47_ROWS.split('\n')[0] + '\n');
    await new Promise((pause) => setTimeout(pause, 400));
    await appendFile(path, W47_ROWS.split('\n')[1] + '\n');

    const [first] = await batchCount(1);
    expect(first.outcome).toBe('ran');
    expect(first.fresh.map((file) => file.sha256)).toEqual([sha256(AI_HEADER + W47_ROWS)]);
    expect(requests).toEqual([{ reason: 'watch', weeks: ['2026-W47'] }]);

    // A later file shows the watcher is still live; the two-step file never comes back.
    await writeFile(join(inbox, 'manual_logs_2026-W47.csv'), MANUAL_W47);
    const all = await batchCount(2);
    expect(freshNames(all[1])).toEqual(['manual_logs_2026-W47.csv']);
    expect(all.flatMap(freshNames).filter((name) => name === 'ai_logs_2026-W47.csv')).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it('folds a burst of three files into one run for the weeks they touch, ignoring other names', async () => {
    const { requests, batchCount } = await startWatcher();
    await Promise.all([
      writeFile(join(inbox, 'ai_logs_a.csv'), AI_HEADER + W47_ROWS),
      writeFile(join(inbox, 'ai_logs_b.csv'), AI_HEADER + W46_ROWS),
      writeFile(join(inbox, 'manual_logs_a.csv'), MANUAL_W47),
      writeFile(join(inbox, 'notes.txt'), 'not an input'),
      writeFile(join(inbox, 'ai_logs_c.csv.part'), 'still downloading'),
    ]);
    const [batch] = await batchCount(1);
    expect(freshNames(batch)).toEqual(['ai_logs_a.csv', 'ai_logs_b.csv', 'manual_logs_a.csv']);
    expect(requests).toEqual([{ reason: 'watch', weeks: ['2026-W46', '2026-W47'] }]);

    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.reason, run.outcome, run.weeks])).toEqual([['watch', 'ok', ['2026-W46', '2026-W47']]]);
    const ledger = JSON.parse(await readFile(statePaths(output).watchLedger, 'utf8'));
    expect(Object.keys(ledger.files).sort()).toEqual([sha256(AI_HEADER + W47_ROWS), sha256(AI_HEADER + W46_ROWS), sha256(MANUAL_W47)].sort());
    expect(ledger.files[sha256(AI_HEADER + W46_ROWS)]).toMatchObject({ file: 'ai_logs_b.csv', bytes: (AI_HEADER + W46_ROWS).length, weeks: ['2026-W46'] });
  });

  it('reads a file into its store once: every later batch links that copy, and the run reads the links', async () => {
    const store = join(output, '.uptake', 'watch-snapshot', 'store');
    const linkedFrom: Array<Record<string, number>> = [];
    const { batchCount } = await startWatcher({
      job: async (request) => {
        const inodes: Record<string, number> = {};
        for (const name of await readdir(request.input!)) inodes[name] = (await stat(join(request.input!, name))).ino;
        linkedFrom.push(inodes);
      },
    });
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    await batchCount(1);
    const firstCopy = join(store, sha256(AI_HEADER + W47_ROWS), 'ai_logs_2026-W47.csv');
    const firstInode = (await stat(firstCopy)).ino;
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    const [, second] = await batchCount(2);
    expect(second.outcome).toBe('ran');
    const secondCopy = join(store, sha256(AI_HEADER + W46_ROWS), 'ai_logs_2026-W46.csv');
    // The first file was not read (copied) again: the second run links the very copy the first one did.
    expect(linkedFrom).toEqual([
      { 'ai_logs_2026-W47.csv': firstInode },
      { 'ai_logs_2026-W46.csv': (await stat(secondCopy)).ino, 'ai_logs_2026-W47.csv': firstInode },
    ]);
    expect((await readdir(store)).sort()).toEqual([sha256(AI_HEADER + W46_ROWS), sha256(AI_HEADER + W47_ROWS)].sort());
  });

  it('refuses to start beside another live watcher of the same output folder (exit 10), and starts once that one is gone', async () => {
    const runLog = statePaths(output).runLog;
    await mkdir(join(output, '.uptake'), { recursive: true });
    await writeFile(runLog, `${JSON.stringify({ event: 'watcher-start', at: '2026-12-06T08:00:00.000Z', dir: inbox, pid: 4242, host: hostname() })}\n`);
    const refused = await startWatcher({ isAlive: (pid) => pid === 4242 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'busy', exitCode: 10 });
    expect((refused as Error).message).toBe(`expected no other uptake watch writing to ${output}, but pid 4242 on ${hostname()} has watched ${inbox} since 2026-12-06T08:00:00.000Z; stop it first (uptake status shows it), or give this one another output folder`);
    await startWatcher({ isAlive: () => false });
  });

  it.skipIf(processIdentity(process.pid).boot === undefined)('starts when the last watcher\'s pid lives on as another process (reused after a reboot), and status shows that one as gone', async () => {
    const parent = processIdentity(process.ppid);
    await appendRun(statePaths(output).runLog, { event: 'watcher-start', at: '2026-11-20T10:00:00.000Z', dir: inbox, pid: process.ppid, host: hostname(), boot: parent.boot, started: String(Number(parent.started) - 1) });
    const config = parseConfig({ output });
    expect((await statusReport(config, { now: Date.parse('2026-11-21T10:00:00Z'), last: 5 })).watcher).toMatchObject({ pid: process.ppid, alive: false });
    await startWatcher();
    // the very process as the last watcher: refused (exit 10)
    await watcher!.close();
    watcher = null;
    await appendRun(statePaths(output).runLog, { event: 'watcher-start', at: '2026-11-20T11:00:00.000Z', dir: inbox, pid: process.ppid, host: hostname(), ...parent });
    await expect(startWatcher()).rejects.toMatchObject({ kind: 'busy', exitCode: 10 });
  });

  it('shows a direction override in a file name escaped in its log lines, never as is', async () => {
    const lines: string[] = [];
    const { batchCount } = await startWatcher({ log: (line) => lines.push(line) });
    await writeFile(join(inbox, 'ai_logs_w47\u202E.csv'), AI_HEADER + W47_ROWS);
    await batchCount(1);
    expect(lines.some((line) => line.includes('new ai_logs_w47\\u202E.csv;'))).toBe(true);
    expect(lines.filter((line) => line.includes('\u202E'))).toEqual([]);
  });

  it('measures the quiet period with the clock it is given', async () => {
    // A clock stopped before the file was written: the file never looks quiet, so it waits.
    const stopped = Date.now() - 60_000;
    const { requests, batchCount } = await startWatcher({
      clock: { now: () => stopped, setTimeout: (callback, delayMs) => setTimeout(callback, delayMs), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    });
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [batch] = await batchCount(1);
    expect(batch.outcome).toBe('nothing-new');
    expect(batch.waiting.map((file) => basename(file.path))).toEqual(['ai_logs_2026-W47.csv']);
    expect(batch.waiting[0].why).toMatch(/^its modification time, 20\d\d-.*Z, is 1\.0 min ahead of this machine's clock, set by another machine's clock or kept by a copy; waiting until it has not changed for 250 ms$/);
    expect(requests).toEqual([]);
  });

  it('takes a file whose modification time is hours ahead of the clock once it has not changed for stableMs, not hours later', async () => {
    const path = join(inbox, 'ai_logs_2026-W47.csv');
    await writeFile(path, AI_HEADER + W47_ROWS);
    const ahead = new Date(Date.now() + 2 * 3_600_000);
    await utimes(path, ahead, ahead);
    const { requests, batchCount } = await startWatcher();
    const [first, second] = await batchCount(2);
    expect(first.outcome).toBe('nothing-new');
    expect(first.waiting.map((file) => file.why)).toEqual([expect.stringMatching(/^its modification time, .*, is 2\.0 h ahead of this machine's clock/)]);
    expect(second.outcome).toBe('ran');
    expect(freshNames(second)).toEqual(['ai_logs_2026-W47.csv']);
    expect(requests).toEqual([{ reason: 'watch', weeks: ['2026-W47'] }]);
  });

  it('does not run again for the same content under another name', async () => {
    const lines: string[] = [];
    const { requests, batchCount } = await startWatcher({ log: (line) => lines.push(line) });
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    await batchCount(1);
    await copyFile(join(inbox, 'ai_logs_2026-W47.csv'), join(inbox, 'ai_logs_copy.csv'));
    const [, second] = await batchCount(2);
    expect(second.outcome).toBe('nothing-new');
    expect(second.duplicates.map((file) => [file.path.slice(inbox.length + 1), file.firstSeenAs])).toEqual([['ai_logs_copy.csv', 'ai_logs_2026-W47.csv']]);
    expect(lines).toContain('uptake watch: ai_logs_copy.csv has the content of ai_logs_2026-W47.csv, already processed; no run');
    expect(requests).toHaveLength(1);
  });

  it('runs again when a file is put back to content it held before (a correction undone), also after a restart', async () => {
    const path = join(inbox, 'ai_logs_2026-W47.csv');
    const original = AI_HEADER + W47_ROWS;
    const corrected = AI_HEADER + W47_ROWS.replace('e2,u2,x,2026-11-18T10:00:00Z,completed', 'e2,u2,x,2026-11-18T10:00:00Z,abandoned');
    const first = await startWatcher();
    await writeFile(path, original);
    await first.batchCount(1);
    await writeFile(path, corrected);
    await first.batchCount(2);
    // the folder holds the original again: the last report (from the corrected file) no longer matches it
    await writeFile(path, original);
    const [, , third] = await first.batchCount(3);
    expect(third.outcome).toBe('ran');
    expect(third.fresh.map((file) => file.sha256)).toEqual([sha256(original)]);
    expect(first.requests).toEqual([1, 2, 3].map(() => ({ reason: 'watch', weeks: ['2026-W47'] })));
    await watcher!.close();
    // put back while nobody watches: the ledger knows the name last held the original
    await writeFile(path, corrected);
    const second = await startWatcher();
    const [batch] = await second.batchCount(1);
    expect(batch.outcome).toBe('ran');
    expect(freshNames(batch)).toEqual(['ai_logs_2026-W47.csv']);
    expect(second.requests).toEqual([{ reason: 'watch', weeks: ['2026-W47'] }]);
    await watcher!.close();
    // the same content once more: nothing new
    const third2 = await startWatcher();
    const [again] = await third2.batchCount(1);
    expect(again.outcome).toBe('nothing-new');
    expect(third2.requests).toEqual([]);
  });

  it('does not report a week that only the last hours of a file reach into (another zone) until a file of its own lands', async () => {
    const logs: string[] = [];
    const { requests, batchCount } = await startWatcher({ timezone: 'Asia/Tokyo', log: (line) => logs.push(line) });
    // cut in UTC: its last rows are Monday morning of 2026-W49 in Tokyo
    await writeFile(join(inbox, 'ai_logs_2026-W48.csv'), `${AI_HEADER}e1,u1,x,2026-11-23T00:05:00Z,completed\ne2,u2,x,2026-11-29T23:50:00Z,completed\n`);
    const [first] = await batchCount(1);
    expect(first.outcome).toBe('ran');
    expect(requests).toEqual([{ reason: 'watch', weeks: ['2026-W48'] }]);
    expect(first.edgeWeeks.map((week) => week.week)).toEqual(['2026-W49']);
    expect(logs).toContain(
      'uptake watch: 2026-W49 not reported: only the edge of ai_logs_2026-W48.csv reaches into it (2026-11-30 00:00 to 08:50 Asia/Tokyo); it is reported once a file of its own lands, or by the scheduled run',
    );
    const ledger = JSON.parse(await readFile(statePaths(output).watchLedger, 'utf8'));
    expect(Object.values(ledger.files)).toMatchObject([{ weeks: ['2026-W48', '2026-W49'], span: { first: '2026-11-23T00:05:00.000Z', last: '2026-11-29T23:50:00.000Z' } }]);

    // December's roster speaks for W49 to W53, of which only W49 holds logs, and only an edge: nothing runs,
    // and the roster is not read again
    await writeFile(join(inbox, 'user_monthly_summary_2026-12.csv'), 'user_id,team,month\nu1,Legal,2026-12\n');
    const [, second] = await batchCount(2);
    expect(second.outcome).toBe('edge');
    expect(requests).toHaveLength(1);

    // W49's own export: W49 is reported
    await writeFile(join(inbox, 'ai_logs_2026-W49.csv'), `${AI_HEADER}e3,u1,x,2026-11-30T00:05:00Z,completed\ne4,u2,x,2026-12-04T10:00:00Z,completed\n`);
    const [, , third] = await batchCount(3);
    expect(third.outcome).toBe('ran');
    expect(requests.at(-1)).toEqual({ reason: 'watch', weeks: ['2026-W49'] });
    expect(freshNames(third)).toEqual(['ai_logs_2026-W49.csv']);
  });

  it('after a restart, reruns nothing already in the ledger and runs only for a file that arrived meanwhile', async () => {
    const first = await startWatcher();
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    await first.batchCount(1);
    await watcher!.close();
    // Lands while nobody watches.
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);

    const lines: string[] = [];
    const second = await startWatcher({ log: (line) => lines.push(line) });
    const [batch] = await second.batchCount(1);
    expect(freshNames(batch)).toEqual(['ai_logs_2026-W46.csv']);
    expect(lines).toContain('uptake watch: ai_logs_2026-W47.csv was processed before, unchanged; no run');
    expect(batch.duplicates.map((file) => file.firstSeenAs)).toEqual(['ai_logs_2026-W47.csv']);
    expect(second.requests).toEqual([{ reason: 'watch', weeks: ['2026-W46'] }]);
    await watcher!.close();

    const third = await startWatcher();
    const [again] = await third.batchCount(1);
    expect(again.outcome).toBe('nothing-new');
    expect(third.requests).toEqual([]);
  });

  it('counts a file renamed into place once', async () => {
    const { requests, batchCount } = await startWatcher();
    await writeFile(join(inbox, '.incoming.tmp'), AI_HEADER + W47_ROWS);
    await rename(join(inbox, '.incoming.tmp'), join(inbox, 'ai_logs_2026-W47.csv'));
    const [batch] = await batchCount(1);
    expect(freshNames(batch)).toEqual(['ai_logs_2026-W47.csv']);
    expect(requests).toHaveLength(1);
  });

  it('waits for a slow copy by another process (pauses longer than stableMs) and runs once on the whole file', async () => {
    const whole = gzipSync(AI_HEADER + W47_ROWS + W46_ROWS);
    const { requests, batchCount, batches } = await startWatcher({ debounceMs: 50, stableMs: 200 });
    const path = join(inbox, 'ai_logs_2026-W47.csv.gz');
    // A child process writes the file in three pieces, pausing 1 s (five quiet periods) between them.
    const script = `const fs = require('fs'); const [path, hex] = process.argv.slice(1); const bytes = Buffer.from(hex, 'hex');
      const cut = [0, Math.floor(bytes.length / 3), Math.floor((2 * bytes.length) / 3), bytes.length];
      let piece = 0; const next = () => { fs.appendFileSync(path, bytes.subarray(cut[piece], cut[piece + 1])); piece += 1; if (piece < 3) setTimeout(next, 1000); }; next();`;
    const copier = spawn(process.execPath, ['-e', script, path, whole.toString('hex')], { stdio: 'ignore' });
    await new Promise((done) => copier.once('exit', done));
    const ran = async () => {
      for (let count = 1; ; count += 1) {
        const seen = await batchCount(count);
        if (seen.some((batch) => batch.outcome === 'ran')) return;
      }
    };
    await ran();
    expect(requests).toEqual([{ reason: 'watch', weeks: ['2026-W46', '2026-W47'] }]);
    const run = batches.find((batch) => batch.outcome === 'ran')!;
    expect(run.fresh.map((file) => file.sha256)).toEqual([createHash('sha256').update(whole).digest('hex')]);
    const waited = batches.flatMap((batch) => batch.waiting.map((waiting) => waiting.why));
    expect(waited.length).toBeGreaterThan(0);
    expect(waited.every((why) => why.startsWith('the gzip stream ends before its trailer') || why.startsWith('it was modified'))).toBe(true);
  });

  it('runs on a snapshot; a file that changes during the run holds delivery and makes a second run', async () => {
    const path = join(inbox, 'ai_logs_2026-W47.csv');
    const seenInSnapshot: string[] = [];
    const heldFor: Array<string | null> = [];
    const { batchCount } = await startWatcher({
      job: async (request) => {
        seenInSnapshot.push(await readFile(join(request.input!, 'ai_logs_2026-W47.csv'), 'utf8'));
        if (seenInSnapshot.length === 1) {
          await appendFile(path, 'e9,u9,x,2026-11-19T09:00:00Z,completed\n');
          await new Promise((settle) => setTimeout(settle, 50));
        }
        heldFor.push(await request.inputChanged!());
      },
    });
    await writeFile(path, AI_HEADER + W47_ROWS);
    const [first, second] = await batchCount(2);
    expect(first.outcome).toBe('ran');
    expect(first.changedDuringRun).toBe('ai_logs_2026-W47.csv');
    expect(heldFor).toEqual(['ai_logs_2026-W47.csv', null]);
    expect(second.outcome).toBe('ran');
    expect(seenInSnapshot).toEqual([AI_HEADER + W47_ROWS, AI_HEADER + W47_ROWS + 'e9,u9,x,2026-11-19T09:00:00Z,completed\n']);
    // The batch's folder of links is gone; the store keeps one copy, of the file's content now.
    const snapshot = join(output, '.uptake', 'watch-snapshot');
    expect(await readdir(snapshot)).toEqual(['store']);
    expect(await readdir(join(snapshot, 'store'))).toEqual([sha256(AI_HEADER + W47_ROWS + 'e9,u9,x,2026-11-19T09:00:00Z,completed\n')]);
    await watcher!.close();
    expect(await readdir(join(output, '.uptake'))).not.toContain('watch-snapshot');
  });

  it('marks input the run refuses (UptakeError input) as rejected, keeps watching, and tries it again only once it changes', async () => {
    const path = join(inbox, 'ai_logs_2026-W47.csv');
    const { requests, batchCount } = await startWatcher({
      job: async (request) => {
        requests.push({ reason: request.reason, weeks: request.weeks });
        for (const name of await readdir(request.input!)) {
          const text = await readFile(join(request.input!, name), 'utf8');
          if (text.includes('huge')) throw new UptakeError('input', 'expected at most 1 GB decompressed, got more', { file: join(request.input!, name) });
        }
      },
    });
    await writeFile(path, AI_HEADER + 'huge,u1,x,2026-11-17T09:00:00Z,completed\n');
    const [rejected] = await batchCount(1);
    expect(rejected.outcome).toBe('rejected');
    const ledger = JSON.parse(await readFile(statePaths(output).watchLedger, 'utf8'));
    expect(Object.values(ledger.files)).toEqual([expect.objectContaining({ file: 'ai_logs_2026-W47.csv', rejected: expect.stringContaining('expected at most 1 GB decompressed') })]);
    await rename(path, join(inbox, 'ai_logs_2026-W47b.csv'));
    const [, again] = await batchCount(2);
    expect(again.outcome).toBe('nothing-new');
    await writeFile(join(inbox, 'ai_logs_2026-W47b.csv'), AI_HEADER + W47_ROWS);
    const [, , fixed] = await batchCount(3);
    expect(fixed.outcome).toBe('ran');
    expect(requests).toHaveLength(2);
  });

  it('an input error naming no new file (the roster has not arrived) rejects nothing: the file is retried with the next arrival', async () => {
    let calls = 0;
    const { requests, batchCount } = await startWatcher({
      job: async (request) => {
        calls++;
        requests.push({ reason: request.reason, weeks: request.weeks });
        if (calls === 1) throw new UptakeError('input', 'expected at least one user_monthly_summary* file', { file: request.input! });
      },
    });
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [failed] = await batchCount(1);
    expect(failed.outcome).toBe('error');
    expect(JSON.parse(await readFile(statePaths(output).watchLedger, 'utf8').catch(() => '{"files":{}}')).files).toEqual({});
    await writeFile(join(inbox, 'manual_logs_2026-W47.csv'), 'task_id\n');
    const [, retried] = await batchCount(2);
    expect(retried.outcome).toBe('ran');
    expect(retried.fresh.map((file) => basename(file.path)).sort()).toEqual(['ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv']);
    expect(requests).toHaveLength(2);
  });

  it('watches the folder again when it is deleted and made anew, or replaced by a rename, and says so', async () => {
    const lines: string[] = [];
    const { requests, batchCount } = await startWatcher({ debounceMs: 50, stableMs: 200, folderCheckMs: 100, log: (line) => lines.push(line) });
    /** Waits for batches (a file may first wait to be quiet) until the job was asked `count` times. */
    const runs = async (count: number) => {
      for (let batches = 1; requests.length < count; batches += 1) await batchCount(batches);
    };
    await rm(inbox, { recursive: true });
    await new Promise((pause) => setTimeout(pause, 400));
    expect(lines).toContain(`uptake watch: ${inbox} is gone; watching for it to come back`);
    await mkdir(inbox);
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    await runs(1);
    expect(lines).toContain(`uptake watch: ${inbox} is a new folder (the one watched was gone); watching it`);
    // a folder built aside and renamed over the watched one (its files are already there)
    const aside = join(root, 'aside');
    await mkdir(aside);
    await writeFile(join(aside, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    await rename(inbox, join(root, 'old'));
    await rename(aside, inbox);
    await runs(2);
    expect(lines).toContain(`uptake watch: ${inbox} is a new folder (the one watched was replaced); watching it`);
    expect(requests).toEqual([{ reason: 'watch', weeks: ['2026-W47'] }, { reason: 'watch', weeks: ['2026-W46'] }]);
  });

  it('ignores a FIFO named like input instead of blocking on it', async () => {
    const { requests, batchCount } = await startWatcher({ job: async (request) => void requests.push(request) });
    execFileSync('mkfifo', [join(inbox, 'ai_logs_2026-W48.csv')]);
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const batches = await batchCount(1);
    expect(batches.flatMap((batch) => batch.fresh.map((file) => basename(file.path)))).toEqual(['ai_logs_2026-W47.csv']);
    expect(requests).toHaveLength(1);
  });

  it('says once, at the start and with the next batch, that a file named like input has a name that is not UTF-8', async () => {
    const badName = (week: string) => Buffer.concat([Buffer.from(join(inbox, `ai_logs_2026-${week}`)), Buffer.from([0xff]), Buffer.from('.csv')]);
    writeFileSync(badName('W45'), AI_HEADER + W46_ROWS);
    const lines: string[] = [];
    const { batchCount } = await startWatcher({ log: (line) => lines.push(line) });
    writeFileSync(badName('W48'), AI_HEADER + W47_ROWS);
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [batch] = await batchCount(1);
    expect(freshNames(batch)).toEqual(['ai_logs_2026-W47.csv']);
    const said = (week: string) => lines.filter((line) => line === `uptake watch: the file name \`ai_logs_2026-${week}\\xff.csv\` is not UTF-8 (its bytes that are not UTF-8 are shown as \\xNN); it is ignored: rename the file`);
    expect(said('W45')).toHaveLength(1);
    expect(said('W48')).toHaveLength(1);
    expect(lines.findIndex((line) => line.includes('W45\\xff'))).toBe(lines.findIndex((line) => line.startsWith('uptake watch: watching')) + 1);
  });

  it('builds the weeks of a processed file that is deleted again without it, and runs it again when it is put back', async () => {
    const lines: string[] = [];
    const requests: JobRequest[] = [];
    const { batchCount } = await startWatcher({ log: (line) => lines.push(line), job: async ({ weeks, rebuildOnly }) => void requests.push({ reason: 'watch', weeks, rebuildOnly }) });
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [first] = await batchCount(1);
    expect(first.outcome).toBe('ran');
    await rm(join(inbox, 'ai_logs_2026-W46.csv'));
    const [, deleted] = await batchCount(2);
    expect(deleted.outcome).toBe('ran');
    expect(deleted.fresh).toEqual([]);
    expect(deleted.removed).toEqual([{ path: join(inbox, 'ai_logs_2026-W46.csv'), sha256: sha256(AI_HEADER + W46_ROWS), weeks: ['2026-W46'] }]);
    expect(lines).toContain(`uptake watch: ai_logs_2026-W46.csv left ${inbox}; its weeks (2026-W46) are built again without it`);
    // the file is back as it was: the reports lack it, so it runs again
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    const [, , restored] = await batchCount(3);
    expect(restored.outcome).toBe('ran');
    expect(freshNames(restored)).toEqual(['ai_logs_2026-W46.csv']);
    expect(requests.map((request) => request.weeks)).toEqual([['2026-W46', '2026-W47'], ['2026-W46'], ['2026-W46']]);
    // (the deletion's rebuild delivers nothing; the file back is new data)
    expect(requests.map((request) => request.rebuildOnly ?? false)).toEqual([false, true, false]);
  });

  it('builds nothing again when a processed file is renamed in the folder, and still sees its deletion under the new name', async () => {
    const { requests, batchCount } = await startWatcher();
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    await batchCount(1);
    await rename(join(inbox, 'ai_logs_2026-W46.csv'), join(inbox, 'ai_logs_2026-W46-final.csv'));
    const [, renamed] = await batchCount(2);
    expect(renamed.outcome).toBe('nothing-new');
    expect(renamed.removed).toEqual([]);
    expect(requests.map((request) => request.weeks)).toEqual([['2026-W46']]);
    await rm(join(inbox, 'ai_logs_2026-W46-final.csv'));
    const [, , deleted] = await batchCount(3);
    expect(deleted.outcome).toBe('ran');
    expect(deleted.removed.map((file) => basename(file.path))).toEqual(['ai_logs_2026-W46-final.csv']);
    expect(requests.map((request) => request.weeks)).toEqual([['2026-W46'], ['2026-W46']]);
  });

  it('keeps failed files out of the ledger and retries them with the next arrival', async () => {
    let calls = 0;
    const { requests, batchCount } = await startWatcher({
      job: async (request) => {
        calls++;
        requests.push(request);
        if (calls === 1) throw new Error('notebook kernel died');
      },
    });
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [failed] = await batchCount(1);
    expect(failed.outcome).toBe('error');
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    const [, retried] = await batchCount(2);
    expect(retried.outcome).toBe('ran');
    expect(freshNames(retried)).toEqual(['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv']);
    expect(requests.map((request) => request.weeks)).toEqual([['2026-W47'], ['2026-W46', '2026-W47']]);
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.outcome, run.error?.message ?? null])).toEqual([
      ['error', 'notebook kernel died'],
      ['ok', null],
    ]);
  });
});

describe('watch: a run that cannot start', () => {
  it('says a file whose copy cannot be written (its folder is a file), tells onStartFailure, and takes the file once it can', async () => {
    const state = join(root, 'state');
    const lines: string[] = [];
    const failures: unknown[] = [];
    const { requests, batchCount } = await startWatcher({
      ledgerPath: join(state, 'watch-ledger.json'),
      log: (line) => lines.push(line),
      onStartFailure: async (error) => void failures.push(error),
    });
    // the watcher's copies go beside its ledger: a file where that folder should be (a disk that went away, say)
    await rm(state, { recursive: true, force: true });
    await writeFile(state, 'not a folder\n');
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [failed] = await batchCount(1);
    expect(failed.outcome).toBe('error');
    expect(requests).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(UptakeError);
    expect((failures[0] as UptakeError).kind).toBe('output');
    expect((failures[0] as UptakeError).message).toContain(join(state, 'watch-snapshot', 'store'));
    expect(lines.filter((line) => line.includes('cannot take in'))).toEqual([
      expect.stringMatching(/^uptake watch: cannot take in ai_logs_2026-W47\.csv: .*cannot write.*; tried again with the next arrival or restart$/),
    ]);
    // the folder is back: the next arrival takes both files
    await rm(state, { force: true });
    await mkdir(state);
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    const [, ran] = await batchCount(2);
    expect(ran.outcome).toBe('ran');
    expect(freshNames(ran)).toEqual(['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv']);
    expect(requests.map((request) => request.weeks)).toEqual([['2026-W46', '2026-W47']]);
    expect(failures).toHaveLength(1);
  });

  it('keeps watching when its ledger cannot be saved after a run (a folder in its place): says so, and saves it with the next batch', async () => {
    const ledgerPath = join(root, 'state', 'watch-ledger.json');
    const lines: string[] = [];
    const { requests, batchCount } = await startWatcher({ ledgerPath, log: (line) => lines.push(line) });
    await mkdir(ledgerPath, { recursive: true });
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    for (const deadline = Date.now() + 15_000; !lines.some((line) => line.includes('are looked at again')); ) {
      if (Date.now() > deadline) throw new Error(`expected the failed save to be said:\n${lines.join('\n')}`);
      await new Promise((wake) => setTimeout(wake, 50));
    }
    expect(lines.filter((line) => line.includes('are looked at again'))).toEqual([
      expect.stringMatching(new RegExp(`^uptake watch: .*watch-ledger\\.json.*; ai_logs_2026-W47\\.csv are looked at again with the next arrival or restart$`)),
    ]);
    await rm(ledgerPath, { recursive: true });
    await writeFile(join(inbox, 'ai_logs_2026-W46.csv'), AI_HEADER + W46_ROWS);
    const [ran] = await batchCount(1);
    expect(ran.outcome).toBe('ran');
    // (its run went well: it is not run again, and the ledger keeps it with the next save)
    expect(freshNames(ran)).toEqual(['ai_logs_2026-W46.csv']);
    expect(requests.map((request) => request.weeks)).toEqual([['2026-W47'], ['2026-W46']]);
    expect(Object.values(JSON.parse(await readFile(ledgerPath, 'utf8')).files).map((entry) => (entry as { file: string }).file).sort()).toEqual(['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv']);
  });

  it('tells onStartFailure when the run lock cannot be taken (the output state folder is a file), and not the job', async () => {
    const failures: unknown[] = [];
    const { requests, batchCount } = await startWatcher({
      ledgerPath: join(root, 'state', 'watch-ledger.json'),
      onStartFailure: async (error) => void failures.push(error),
    });
    await rm(join(output, '.uptake'), { recursive: true, force: true });
    await writeFile(join(output, '.uptake'), 'not a folder\n');
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    const [failed] = await batchCount(1);
    expect(failed.outcome).toBe('error');
    expect(requests).toEqual([]);
    expect(failures).toEqual([failed.error]);
    expect((failed.error as UptakeError).kind).toBe('output');
    expect((failed.error as UptakeError).message).toContain(join(output, '.uptake'));
  });
});

describe('watch: a file that stays cut short', () => {
  const CUT = AI_HEADER + 'e7,u7,x,2026-11-17T11:00:00Z,completed\nyevt-last,u2,x';
  /** Waits for batches until `done` holds of them. */
  const until = async (batchCount: (count: number) => Promise<WatchBatch[]>, done: (batches: WatchBatch[]) => boolean) => {
    for (let count = 1; ; count += 1) if (done(await batchCount(count))) return;
  };

  it('is left out of the runs meanwhile (they say so), shown by status, reminded of, then read as it is after watch.incompleteMaxWaitMs', async () => {
    const lines: string[] = [];
    const asked: JobRequest[] = [];
    const { batches, batchCount } = await startWatcher({
      debounceMs: 50,
      stableMs: 100,
      incompleteMaxWaitMs: 2000,
      log: (line) => lines.push(line),
      job: async (request) => void asked.push({ ...request, input: (await readdir(request.input!)).sort().join(' ') }),
    });
    const droppedAt = Date.now();
    await writeFile(join(inbox, 'ai_logs_cut.csv'), CUT);
    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    await until(batchCount, (seen) => seen.some((batch) => batch.outcome === 'ran'));
    const why = 'its last record has 3 of 5 fields and no line end';
    // The run for the whole file reads it alone, and is told what it was made without.
    expect(asked).toHaveLength(1);
    expect(asked[0].input).toBe('ai_logs_2026-W47.csv');
    expect(asked[0].leftOut).toEqual([{ file: 'ai_logs_cut.csv', why: `not complete yet: ${why}`, since: expect.any(String) }]);
    const since = Date.parse(asked[0].leftOut![0].since);
    expect(since).toBeGreaterThanOrEqual(droppedAt - 1000);
    expect(batches.find((batch) => batch.outcome === 'ran')!.leftOut).toEqual(asked[0].leftOut);

    // While it is waited for, `uptake status` shows it: the file, since when, why, and when it is read as it is.
    const config = parseConfig({ output });
    const report = await statusReport(config, { now: Date.now(), last: 5 });
    expect(report.watcher?.waiting).toEqual([{ file: 'ai_logs_cut.csv', since: asked[0].leftOut![0].since, why, read_as_is_at: expect.any(String) }]);
    const readAt = Date.parse(report.watcher!.waiting[0].read_as_is_at!);
    expect(readAt - since).toBeGreaterThanOrEqual(1000);
    expect(readAt - since).toBeLessThanOrEqual(2000);
    expect(formatStatus(report)).toContain(`  waiting for ai_logs_cut.csv since ${asked[0].leftOut![0].since}: ${why} (left out of the reports built meanwhile; read as it is at ${report.watcher!.waiting[0].read_as_is_at} unless completed first)`);

    // Past the limit the file is read as it is: the run reads it with the rest, and is told it was cut short.
    await until(batchCount, (seen) => seen.filter((batch) => batch.outcome === 'ran').length === 2);
    const asIs = batches.filter((batch) => batch.outcome === 'ran')[1];
    expect(asIs.fresh.map((file) => [basename(file.path), file.readAsIs, file.sha256])).toEqual([['ai_logs_cut.csv', why, sha256(CUT)]]);
    expect(asked[1]).toMatchObject({ weeks: ['2026-W47'], input: 'ai_logs_2026-W47.csv ai_logs_cut.csv', leftOut: [], readAsIs: [{ file: 'ai_logs_cut.csv', why }] });
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(1900);
    const ledger = JSON.parse(await readFile(statePaths(output).watchLedger, 'utf8'));
    expect(ledger.files[sha256(CUT)]).toMatchObject({ file: 'ai_logs_cut.csv', weeks: ['2026-W47'] });
    expect(ledger.files[sha256(CUT)].rejected).toBeUndefined();

    // The log said it once, reminded of it (a quarter of the limit: every 500 ms), then said it was read as it is.
    const about = lines.filter((line) => line.includes('ai_logs_cut.csv') && !line.startsWith('uptake watch: new '));
    expect(about[0]).toMatch(new RegExp(`^uptake watch: ai_logs_cut\\.csv is not complete yet \\(${why}\\); waiting; it is read as it is at \\S+ unless it is completed first \\(watch\\.incompleteMaxWaitMs\\)$`));
    const reminders = about.filter((line) => line.startsWith('uptake watch: still waiting for ai_logs_cut.csv, since '));
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    expect(reminders.length).toBeLessThanOrEqual(4);
    expect(about.at(-1)).toMatch(/^uptake watch: ai_logs_cut\.csv has not been completed in 0\.0 min since it last changed \(its last record has 3 of 5 fields and no line end; watch\.incompleteMaxWaitMs is 0\.0 min\); reading it as it is/);
    expect(about).toHaveLength(reminders.length + 2);
    expect(lines).toContain(`uptake watch: new ai_logs_2026-W47.csv; weeks 2026-W47; running; left out: ai_logs_cut.csv (not complete yet: ${why})`);
    // Nothing is waited for any more: status says no file.
    expect((await statusReport(config, { now: Date.now(), last: 5 })).watcher?.waiting).toEqual([]);
  });

  it('is read as it is at once when it last changed longer ago than the limit (a watcher started late)', async () => {
    await writeFile(join(inbox, 'ai_logs_cut.csv'), CUT);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(inbox, 'ai_logs_cut.csv'), hourAgo, hourAgo);
    const asked: JobRequest[] = [];
    const { batchCount } = await startWatcher({ incompleteMaxWaitMs: 60_000, job: async (request) => void asked.push(request) });
    const [batch] = await batchCount(1);
    expect(batch.outcome).toBe('ran');
    expect(batch.waiting).toEqual([]);
    expect(asked[0].readAsIs).toEqual([{ file: 'ai_logs_cut.csv', why: 'its last record has 3 of 5 fields and no line end' }]);
  });

  it('one cut short whose modification time is ahead of the clock is read as it is once it has not changed for the limit as the watcher saw it', async () => {
    await writeFile(join(inbox, 'ai_logs_cut.csv'), CUT);
    const ahead = new Date(Date.now() + 3_600_000);
    await utimes(join(inbox, 'ai_logs_cut.csv'), ahead, ahead);
    const asked: JobRequest[] = [];
    const { batches, batchCount } = await startWatcher({ incompleteMaxWaitMs: 1_500, job: async (request) => void asked.push(request) });
    // (it was waited for again and again, its wait started anew each time: never read)
    const deadline = Date.now() + 15_000;
    while (asked.length === 0 && Date.now() < deadline) await batchCount(batches.length + 1);
    expect(asked.map((request) => request.readAsIs)).toEqual([[{ file: 'ai_logs_cut.csv', why: 'its last record has 3 of 5 fields and no line end' }]]);
  });

  it('a file the run refuses once read as it is is rejected, and later runs leave it out (they say so) instead of failing on it', async () => {
    // Bytes that are not text, with an open quote: "stops inside a quoted field".
    const binary = Buffer.concat([Buffer.from('event_id,user_id\n"'), Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x2c, 0xc3])]);
    const asked: JobRequest[] = [];
    const { batches, batchCount } = await startWatcher({
      debounceMs: 50,
      stableMs: 100,
      incompleteMaxWaitMs: 500,
      job: async (request) => {
        asked.push(request);
        for (const name of await readdir(request.input!)) {
          if ((await readFile(join(request.input!, name))).includes(0xff)) throw new UptakeError('input', 'expected UTF-8 text, found bytes that are not valid UTF-8', { file: join(request.input!, name) });
        }
      },
    });
    await writeFile(join(inbox, 'ai_logs_bin.csv'), binary);
    await until(batchCount, (seen) => seen.some((batch) => batch.outcome === 'rejected'));
    expect(batches.flatMap((batch) => batch.waiting.map((waiting) => waiting.why))).toContain('its last record stops inside a quoted field');
    const ledger = JSON.parse(await readFile(statePaths(output).watchLedger, 'utf8'));
    expect(ledger.files[createHash('sha256').update(binary).digest('hex')]).toMatchObject({ file: 'ai_logs_bin.csv', rejected: expect.stringContaining('ai_logs_bin.csv: expected UTF-8 text, found bytes that are not valid UTF-8') });

    await writeFile(join(inbox, 'ai_logs_2026-W47.csv'), AI_HEADER + W47_ROWS);
    await until(batchCount, (seen) => seen.some((batch) => batch.outcome === 'ran'));
    const ran = batches.find((batch) => batch.outcome === 'ran')!;
    expect(freshNames(ran)).toEqual(['ai_logs_2026-W47.csv']);
    const refused = ledger.files[createHash('sha256').update(binary).digest('hex')];
    expect(ran.leftOut).toEqual([{ file: 'ai_logs_bin.csv', why: `a run refused this content: ${refused.rejected}`, since: refused.processedAt }]);
    expect(asked.at(-1)!.leftOut).toEqual(ran.leftOut);
  });
});

describe('batchWeeks', () => {
  const ledger = (entries: Array<{ file: string; weeks: string[] }>) => ({
    entries: () => entries.map((entry) => ({ ...entry, bytes: 1, processedAt: '2026-11-24T00:00:00.000Z' })),
  });
  const november = ['2026-W45', '2026-W46', '2026-W47', '2026-W48'];

  it('keeps a new roster month to the weeks that hold logs, in the batch or the ledger', () => {
    const fresh = [
      { path: '/in/user_monthly_summary_2026-11.csv', weeks: november },
      { path: '/in/ai_logs_2026-W46.csv', weeks: ['2026-W46'] },
    ];
    const known = ledger([
      { file: 'ai_logs_2026-W45.csv', weeks: ['2026-W45'] },
      { file: 'user_monthly_summary_2026-10.csv', weeks: ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'] },
    ]);
    expect(batchWeeks(fresh, known)).toEqual(['2026-W45', '2026-W46']);
  });

  it('keeps every week of new log files', () => {
    const fresh = [{ path: '/in/manual_logs_x.csv', weeks: ['2026-W47', '2026-W48'] }];
    expect(batchWeeks(fresh, ledger([]))).toEqual(['2026-W47', '2026-W48']);
  });
});
