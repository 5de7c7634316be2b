import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendRun, readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { makeFifo } from '../helpers/special-files.js';
import { descendants, eventually, sandbox, startUptake, stillRunning, type Sandbox } from '../helpers/uptake-process.js';
import { missedMondayInput } from '../helpers/missed-monday.js';

// Real `uptake run` processes, real signals: the fake kernel's `sleep N` cell holds the notebook stage
// while Chromium starts beside it.
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

const runArgs = (notebook: string, ...extra: string[]) => ['run', '--input', 'data/sample', '--out', box.out, '--notebook', notebook, '--no-deliver', '--no-warehouse', ...extra];
const hidden = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.2026')) : []);

// The signal that aborts a run: exit 130, saying so; how long the run took to end after it.
async function abortWith(uptake: ReturnType<typeof startUptake>, signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP', during = ''): Promise<{ result: Awaited<ReturnType<typeof startUptake>['child']>; elapsedMs: number }> {
  const signalledAt = Date.now();
  process.kill(uptake.child.pid!, signal);
  const result = await uptake.child;
  const elapsedMs = Date.now() - signalledAt;
  expect(result.exitCode).toBe(130);
  expect(result.stderr).toContain(`uptake: the run for 2026-W47 was aborted by ${signal}${during}; nothing more was published or delivered`);
  return { result, elapsedMs };
}

describe('SIGINT/SIGTERM to uptake run', () => {
  it('lets the run in progress finish and publish, then exits 0', async () => {
    const uptake = startUptake(runArgs(box.notebook(2)), box.env);
    await uptake.waitFor(/cell 1\/2 .*sleep 2|cell 2\/2 .*sleep 2/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(result.exitCode).toBe(0);
    expect(uptake.lines).toContain('uptake run: SIGTERM: stopping after the run in progress (at most 120 s; send it again to abort now)');
    expect(readdirSync(join(box.out, '2026-W47'))).toContain('manifest.json');
    expect(String(result.stdout).trim()).toBe(join(box.out, '2026-W47'));
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 60_000);

  it('a second signal aborts at once: exit 130, nothing published, no child process or temp folder left', async () => {
    const uptake = startUptake(runArgs(box.notebook(60)), box.env);
    await uptake.waitFor(/cell 2\/2 .*sleep 60/);
    const children = descendants(uptake.child.pid!);
    expect(children.length).toBeGreaterThan(0);
    process.kill(uptake.child.pid!, 'SIGINT');
    await uptake.waitFor(/SIGINT: stopping after the run in progress/);
    const { result } = await abortWith(uptake, 'SIGINT');
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(hidden(box.out)).toEqual([]);
    expect(await eventually(() => stillRunning(children).length === 0)).toBe(true);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 60_000);

  it('a run that outlasts --stop-grace is aborted cleanly (exit 130, nothing published)', async () => {
    const uptake = startUptake(runArgs(box.notebook(60), '--stop-grace', '1'), box.env);
    await uptake.waitFor(/cell 2\/2 .*sleep 60/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(result.exitCode).toBe(130);
    expect(uptake.lines).toContain('uptake run: the run in progress did not finish within 1 s of SIGTERM: aborting it');
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(hidden(box.out)).toEqual([]);
  }, 60_000);
});

describe('the second SIGTERM to uptake run while it parses a large log file', () => {
  it('aborts within a second (the parse was waited for, seconds per chunk): exit 130, nothing published', async () => {
    const input = join(box.dir, 'input');
    mkdirSync(input);
    const rows = Array.from({ length: 400_000 }, (_, index) => `e${index},u${index % 977},Finance,report_drafting,2026-11-16 09:${String(index % 60).padStart(2, '0')}:00,2026-11-16 10:00:00,done,0.5,no,"draft report number ${index}, with a comma"`);
    for (const name of ['manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join('data/sample', name), join(input, name));
    writeFileSync(join(input, 'ai_logs_big.csv'), `event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt\n${rows.join('\n')}\n`);
    // one thread reads the file whole: one long parse
    const uptake = startUptake(['run', '--input', input, '--out', box.out, '--notebook', box.notebook(0), '--no-deliver', '--no-warehouse', '--no-store'], { ...box.env, UPTAKE_READ_THREADS: '1' });
    await uptake.waitFor(/reading 2 log files on 1 threads/);
    await new Promise((parsing) => setTimeout(parsing, 1000));
    process.kill(uptake.child.pid!, 'SIGTERM');
    await uptake.waitFor(/SIGTERM: stopping after the run in progress/);
    const { result, elapsedMs } = await (async () => {
      const signalledAt = Date.now();
      process.kill(uptake.child.pid!, 'SIGTERM');
      const ended = await uptake.child;
      return { result: ended, elapsedMs: Date.now() - signalledAt };
    })();
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain('uptake: the run for the latest week was aborted by SIGTERM; nothing more was published or delivered');
    expect(elapsedMs).toBeLessThan(1500);
    expect(readdirSync(box.out).filter((name) => name !== '.uptake')).toEqual([]);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 60_000);
});

// On SIGUSR2, a preload blocks each of libuv's four file threads in open() of a FIFO that no process writes to:
// every file operation of the run waits for good from then on, its abort too (the staging folder is never removed),
// and process.exit, which joins those threads, would wait with them.
const BLOCK_FILE_THREADS = `
import { open } from 'node:fs';
process.on('SIGUSR2', () => {
  for (let thread = 0; thread < 4; thread += 1) open(process.env.STUCK_FIFO, 'r', () => {});
  process.stderr.write('test: every file thread is blocked\\n');
});
`;

// uptake run, its file I/O blocked for good during ingest, then aborted (SIGTERM twice).
async function abortedWithIoStuck(): Promise<ReturnType<typeof startUptake>> {
  const fifo = join(box.dir, 'nobody-writes.fifo');
  makeFifo(fifo);
  const preload = join(box.dir, 'block-file-threads.mjs');
  writeFileSync(preload, BLOCK_FILE_THREADS);
  const uptake = startUptake(runArgs(box.notebook(60)), { ...box.env, UV_THREADPOOL_SIZE: '4', STUCK_FIFO: fifo }, ['--import', pathToFileURL(preload).href]);
  await uptake.waitFor(/^\[1\/7\] ingest \.\.\.$/);
  process.kill(uptake.child.pid!, 'SIGUSR2');
  await uptake.waitFor(/^test: every file thread is blocked$/);
  process.kill(uptake.child.pid!, 'SIGTERM');
  await uptake.waitFor(/SIGTERM: stopping after the run in progress/);
  process.kill(uptake.child.pid!, 'SIGTERM');
  await uptake.waitFor(/second SIGTERM: aborting the run in progress now/);
  return uptake;
}

describe('an aborted run whose file I/O never completes', () => {
  const stuck: Array<ReturnType<typeof startUptake>> = [];
  afterEach(async () => {
    for (const uptake of stuck.splice(0)) {
      if (uptake.child.exitCode === null && uptake.child.signalCode === null) uptake.child.kill('SIGKILL');
      await uptake.child;
    }
  });

  it('ends all the same 10 s after the abort: by SIGINT, which shells report as 130, saying why; no child process left', async () => {
    const uptake = await abortedWithIoStuck();
    stuck.push(uptake);
    const abortedAt = Date.now();
    const children = descendants(uptake.child.pid!);
    const result = await uptake.child;
    const elapsedMs = Date.now() - abortedAt;
    expect(elapsedMs).toBeGreaterThan(9_000);
    expect(elapsedMs).toBeLessThan(20_000);
    // process.exit would wait for the blocked threads for good: the process ends by SIGINT's default action
    expect(result.signal).toBe('SIGINT');
    expect(uptake.lines).toContain('uptake run: the aborted run did not stop within 10 s (it waits on something that does not end): exiting without it');
    expect(uptake.lines).toContain('uptake: the run in progress was aborted by SIGTERM and did not stop within 10 s: uptake ended without waiting for it (the next run removes what it left)');
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(await eventually(() => stillRunning(children).length === 0)).toBe(true);
  }, 60_000);

  it('a signal after the abort ends it at once', async () => {
    const uptake = await abortedWithIoStuck();
    stuck.push(uptake);
    const signalledAt = Date.now();
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(result.signal).toBe('SIGINT');
    expect(uptake.lines).toContain('uptake run: SIGTERM after the abort: exiting now, without waiting for the run to stop');
    expect(uptake.lines).toContain('uptake: the run in progress was aborted by SIGTERM and had not stopped at the next SIGTERM: uptake ended without waiting for it (the next run removes what it left)');
  }, 60_000);
});

// A mail server that takes the whole message and then never answers: a try holds delivery for minutes.
// `silentFrom: 'MAIL'` never answers the sender's address instead, before any of the message was sent.
// `heard` resolves when the server got what it then leaves unanswered.
async function startSilentSmtp(silentFrom: 'end of data' | 'MAIL' = 'end of data'): Promise<{ port: number; heard: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let heard = () => {};
  const heardPromise = new Promise<void>((resolve) => (heard = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.write('220 silent ESMTP\r\n');
    let inData = false;
    socket.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('latin1').split('\r\n')) {
        if (inData) {
          if (line === '.') heard(); // the message is whole, and never acknowledged
          continue;
        }
        if (line === '') continue;
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL' && silentFrom === 'MAIL') {
          heard();
          return;
        }
        if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else socket.write(verb === 'EHLO' ? '250-silent\r\n250 SIZE 100000000\r\n' : '250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    heard: heardPromise,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// uptake run on the sample, mailing to a server on `port` that never answers, once at its delivery stage.
async function runAtDelivery(port: number, email: Record<string, unknown>, args: string[]): Promise<ReturnType<typeof startUptake>> {
  const config = join(box.dir, 'uptake.config.json');
  writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, warehouse: { duckdbPath: null }, email: { enabled: true, host: '127.0.0.1', port, to: ['ops@example.com'], ...email } }));
  const uptake = startUptake(['run', '--config', config, '--notebook', box.notebook(0), ...args], box.env);
  await uptake.waitFor(/^\[7\/7\] deliver \.\.\.$/);
  return uptake;
}

// the server has read the whole message and not answered: it may yet send it, and the abort says so
const mailing = ' while the report was being sent by email (the mail server may have taken it: look before sending it again)';
describe('SIGTERM to uptake run while the mail server does not answer', () => {
  it('the end of --stop-grace aborts the delivery at once: exit 130, no retry, no other channel', async () => {
    const smtp = await startSilentSmtp();
    try {
      const uptake = await runAtDelivery(smtp.port, { retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 200 } }, ['--stop-grace', '1']);
      await smtp.heard;
      const { elapsedMs } = await abortWith(uptake, 'SIGTERM', mailing);
      expect(elapsedMs).toBeLessThan(15_000);
      expect(uptake.lines.some((line) => line.includes('alerts:'))).toBe(false);
    } finally {
      await smtp.close();
    }
  }, 60_000);

  it('a second signal aborts the delivery at once', async () => {
    const smtp = await startSilentSmtp();
    try {
      const uptake = await runAtDelivery(smtp.port, {}, []);
      await smtp.heard;
      process.kill(uptake.child.pid!, 'SIGINT');
      await uptake.waitFor(/SIGINT: stopping after the run in progress/);
      const { elapsedMs } = await abortWith(uptake, 'SIGINT', mailing);
      expect(elapsedMs).toBeLessThan(10_000);
    } finally {
      await smtp.close();
    }
  }, 60_000);

  // the server had not been given the message (it never answered MAIL FROM): "may have taken it" sent the operator looking for it
  it('before the server had the message, says the report was not delivered', async () => {
    const smtp = await startSilentSmtp('MAIL');
    try {
      const uptake = await runAtDelivery(smtp.port, {}, []);
      await smtp.heard;
      process.kill(uptake.child.pid!, 'SIGTERM');
      await uptake.waitFor(/SIGTERM: stopping after the run in progress/);
      await abortWith(uptake, 'SIGTERM', ' while the report was being sent by email (the mail server did not have the whole message yet: the report was not delivered)');
    } finally {
      await smtp.close();
    }
  }, 60_000);
});

// SIGHUP is what a run or a schedule left in an SSH or tmux session gets when the session ends.
describe('SIGHUP to uptake run, as SIGTERM', () => {
  it('lets the run in progress finish and publish, then exits 0: no staging folder, no lock left', async () => {
    const uptake = startUptake(runArgs(box.notebook(2)), box.env);
    await uptake.waitFor(/cell 1\/2 .*sleep 2|cell 2\/2 .*sleep 2/);
    process.kill(uptake.child.pid!, 'SIGHUP');
    const result = await uptake.child;
    expect(result.signal).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(uptake.lines).toContain('uptake run: SIGHUP: stopping after the run in progress (at most 120 s; send it again to abort now)');
    expect(readdirSync(join(box.out, '2026-W47'))).toContain('manifest.json');
    expect(hidden(box.out)).toEqual([]);
    expect(existsSync(statePaths(box.out).runLock)).toBe(false);
    expect((await readRuns(statePaths(box.out).runLog)).map((run) => run.outcome)).toEqual(['ok']);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 60_000);

  it('a second SIGHUP aborts at once: exit 130, nothing published, no staging folder, lock or child process left', async () => {
    const uptake = startUptake(runArgs(box.notebook(60)), box.env);
    await uptake.waitFor(/cell 2\/2 .*sleep 60/);
    const children = descendants(uptake.child.pid!);
    process.kill(uptake.child.pid!, 'SIGHUP');
    await uptake.waitFor(/SIGHUP: stopping after the run in progress/);
    await abortWith(uptake, 'SIGHUP');
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(hidden(box.out)).toEqual([]);
    expect(existsSync(statePaths(box.out).runLock)).toBe(false);
    expect(await eventually(() => stillRunning(children).length === 0)).toBe(true);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 60_000);
});

describe('SIGHUP to uptake schedule while it waits', () => {
  it('stops it as SIGTERM does: exit 0', async () => {
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, schedule: { cron: '0 6 * * 1', timezone: 'UTC' } }));
    const uptake = startUptake(['schedule', '--config', config, '--no-deliver'], box.env);
    await uptake.waitFor(/^uptake schedule: waiting \(Ctrl-C to stop\)$/);
    process.kill(uptake.child.pid!, 'SIGHUP');
    const result = await uptake.child;
    expect(result.signal).toBeUndefined();
    expect(result.exitCode).toBe(0);
    // (no run was in progress: none is waited for)
    expect(uptake.lines).toContain('uptake schedule: SIGHUP: stopping (no run in progress)');
    expect(uptake.lines.filter((line) => line.includes('the run in progress'))).toEqual([]);
  }, 60_000);
});

describe('kill -9 of uptake run', () => {
  it('takes the kernel and Chromium along (and their temp folders), and the next run removes the staging folder it left', async () => {
    const uptake = startUptake(runArgs(box.notebook(60)), box.env);
    await uptake.waitFor(/cell 2\/2 .*sleep 60/);
    // Chromium starts beside the notebook: wait until it is up (it has made the folder of its singleton
    // socket in TMPDIR, org.chromium.Chromium.*, which a kill -9 used to leave there).
    expect(await eventually(() => readdirSync(box.tmp).some((name) => name.startsWith('org.chromium.Chromium.')))).toBe(true);
    const pid = uptake.child.pid!;
    const children = descendants(pid);
    expect(readdirSync(box.tmp).sort()).toEqual([
      expect.stringMatching(/^org\.chromium\.Chromium\./),
      expect.stringMatching(new RegExp(`^uptake-chromium-${pid}-`)),
      expect.stringMatching(new RegExp(`^uptake-kernel-${pid}-`)),
    ]);
    process.kill(uptake.child.pid!, 'SIGKILL');
    await uptake.child;
    expect(await eventually(() => stillRunning(children).length === 0)).toBe(true);
    // The watchdogs removed the kernel's and Chromium's folders (and Chromium's own one in TMPDIR);
    // the staging folder waits for the next run.
    expect(await eventually(() => readdirSync(box.tmp).length === 0)).toBe(true);
    expect(hidden(box.out)).toEqual([expect.stringMatching(/^\.2026-W47\.[0-9a-f]{12}\.tmp$/)]);

    const next = startUptake(runArgs(box.notebook(0)), box.env);
    const result = await next.child;
    expect(result.exitCode).toBe(0);
    expect(hidden(box.out)).toEqual([]);
    expect(readdirSync(join(box.out, '2026-W47'))).toContain('manifest.json');
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 90_000);
});

describe('kill -9 of uptake run and of every process under it, watchdogs included', () => {
  it('leaves the temp folders (nobody is left to remove them), and the next run removes them', async () => {
    const uptake = startUptake(runArgs(box.notebook(60)), box.env);
    await uptake.waitFor(/cell 2\/2 .*sleep 60/);
    expect(await eventually(() => readdirSync(box.tmp).some((name) => name.startsWith('org.chromium.Chromium.')))).toBe(true);
    const everything = [uptake.child.pid!, ...descendants(uptake.child.pid!)];
    for (const pid of everything) process.kill(pid, 'SIGKILL');
    await uptake.child;
    expect(await eventually(() => stillRunning(everything).length === 0)).toBe(true);
    expect(readdirSync(box.tmp).map((name) => name.replace(/[-.][^-.]+$/, '')).sort()).toEqual(['org.chromium.Chromium', `uptake-chromium-${uptake.child.pid}`, `uptake-kernel-${uptake.child.pid}`]);

    const next = startUptake(runArgs(box.notebook(0)), box.env);
    expect((await next.child).exitCode).toBe(0);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 90_000);
});

describe('SIGTERM to uptake schedule during its start-up catch-up run', () => {
  it('lets the catch-up run finish, starts nothing more, and exits 0', async () => {
    // The report notebook runs on the sandbox's fake `tslab` kernel. A catch-up run reports the week before its
    // occurrence's (the last Monday 06:00 UTC): the data ends with that week, exported an hour ago.
    const input = join(box.dir, 'input');
    const { due } = missedMondayInput(input);
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ input, output: box.out, schedule: { cron: '0 6 * * 1', timezone: 'UTC' } }));
    await appendRun(statePaths(box.out).runLog, { event: 'scheduler-start', at: '2026-01-01T00:00:00.000Z', cron: '0 6 * * 1', timezone: 'UTC', pid: 1, host: 'x' });
    const uptake = startUptake(['schedule', '--config', config, '--no-deliver'], box.env);
    await uptake.waitFor(/^\[1\/7\] ingest \.\.\.$/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(result.exitCode).toBe(0);
    expect(uptake.lines).toContain('uptake schedule: SIGTERM: stopping after the run in progress (at most 120 s; send it again to abort now)');
    expect(uptake.lines).not.toContain('uptake schedule: waiting (Ctrl-C to stop)');
    const runs = await readRuns(statePaths(box.out).runLog);
    expect(runs.map((run) => [run.reason, run.outcome])).toEqual([['catch-up', 'ok']]);
    expect(readdirSync(join(box.out, due))).toContain('manifest.json');
  }, 90_000);
});

describe('SIGTERM to uptake watch during a run', () => {
  it('lets the week in progress finish and publish, leaves the other weeks of the batch and its files for the next start, and exits 0', async () => {
    const incoming = join(box.dir, 'incoming');
    mkdirSync(incoming);
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ output: box.out, warehouse: { duckdbPath: null } }));
    const uptake = startUptake(['watch', incoming, '--config', config, '--no-deliver', '--stable-ms', '200', '--debounce-ms', '100'], box.env);
    await uptake.waitFor(/uptake watch: watching /);
    // (W46's own export too: W47's holds a few of W46's last hours, an edge the watcher would not report alone)
    for (const name of ['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join('data/sample', name), join(incoming, name));
    await uptake.waitFor(/^\[1\/7\] ingest \.\.\.$/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(result.exitCode).toBe(0);
    expect(uptake.lines).toContain('uptake watch: SIGTERM: stopping after the run in progress (at most 120 s; send it again to abort now)');
    expect(uptake.lines).toContain('uptake watch: new ai_logs_2026-W46.csv, ai_logs_2026-W47.csv, manual_logs_2026-W47.csv.gz, user_monthly_summary_2026-11.csv; weeks 2026-W46, 2026-W47; running');
    expect(readdirSync(join(box.out, '2026-W46'))).toContain('manifest.json');
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(uptake.lines).toContain('uptake watch: run failed (stopped before reporting 2026-W47); these files are retried with the next arrival or restart');
    expect(existsSync(statePaths(box.out).watchLedger)).toBe(false);
  }, 90_000);
});

describe('runSignal', () => {
  it('aborts with the stop signals, or once the run lock is lost, with the reason of whichever came first', async () => {
    const { runSignal } = await import('../../src/cli/stop-signals.js');
    const [stop, lost] = [new AbortController(), new AbortController()];
    const signal = runSignal({ abort: stop.signal }, lost.signal);
    expect(signal.aborted).toBe(false);
    lost.abort(new Error('the lock is another run\'s'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe("the lock is another run's");
    stop.abort(new Error('SIGTERM'));
    expect((signal.reason as Error).message).toBe("the lock is another run's");
    const alone = new AbortController();
    expect(runSignal({ abort: alone.signal })).toBe(alone.signal);
  });
});

describe('a stop signal to a command without a run to finish', () => {
  it('`uptake metrics` ends at once on SIGTERM, saying so, with exit 130 (not silently with 143)', async () => {
    const uptake = startUptake(['metrics', '--input', 'data/sample', '--week', 'latest'], box.env);
    await uptake.waitFor(/found \d+ input files/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(result.exitCode).toBe(130);
    expect(result.stdout).toBe('');
    expect(uptake.lines.at(-1)).toBe('uptake: stopped by SIGTERM before it finished');
  });
});
