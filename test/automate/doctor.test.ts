import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { IS_ROOT, makeFifo, mountSmallDisk } from '../helpers/special-files.js';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, execaSync } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, startSmtp, type Receiver, type TestServer } from '../deliver/local-servers.js';
import { runDoctor } from '../../src/automate/doctor.js';
import { parseConfig } from '../../src/config/read-config.js';

// `uptake doctor` (the built CLI) against servers on loopback that the test starts: an SMTP server
// with a login, a Slack receiver, and a port where no PostgreSQL answers.
const cli = join(process.cwd(), 'dist/cli/main.js');
let dir: string;
let smtp: TestServer;
let slack: Receiver;
let closedPort: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-doctor-'));
  smtp = await startSmtp();
  slack = await startReceiver([{ status: 400, body: 'invalid_payload' }]);
  // A port that was free a moment ago: nothing listens there.
  const probe: Server = createServer();
  await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((closed) => probe.close(closed));
});
afterEach(async () => {
  await smtp.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

function doctor(config: object, env: Record<string, string> = {}) {
  const path = join(dir, 'uptake.config.json');
  writeFileSync(path, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: join(dir, 'output'), ...config }));
  return execa('node', [cli, 'doctor', '--config', path, '--quick'], { reject: false, env: { ...process.env, TEST_SMTP_PASSWORD: 's3cret', ...env } });
}
const email = () => ({ enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] });

describe('uptake doctor', () => {
  it('fails the output check (exit 9) when a run could not write its state there: a file in the place of .uptake, or a full disk', async () => {
    mkdirSync(join(dir, 'output'));
    writeFileSync(join(dir, 'output', '.uptake'), 'a file where the state folder should be\n');
    const result = await doctor({});
    expect(result.stdout).toContain(`FAIL  output     ${join(dir, 'output')}: expected to write a run's lock and run log in ${join(dir, 'output', '.uptake')}, got: `);
    expect(result.exitCode).toBe(9);
    if (!IS_ROOT) return;
    const disk = mountSmallDisk(dir, 'full', { sizeKb: 64 });
    mkdirSync(join(disk.path, 'output', '.uptake'), { recursive: true });
    // fill the disk to its last byte
    for (let page = 0; ; page++) {
      try {
        writeFileSync(join(disk.path, `filler-${page}`), Buffer.alloc(4096));
      } catch {
        break;
      }
    }
    try {
      const full = await doctor({ output: join(disk.path, 'output') });
      expect(full.stdout).toContain(`FAIL  output     ${join(disk.path, 'output')}: expected to write a run's lock and run log in ${join(disk.path, 'output', '.uptake')}, got: no space left on device (ENOSPC)`);
      expect(full.exitCode).toBe(9);
    } finally {
      disk.unmount();
    }
  });

  it('fails the output check (exit 9) on a run log, run lock or alert ledger that every run would refuse: a FIFO or a folder', async () => {
    const state = join(dir, 'output', '.uptake');
    mkdirSync(state, { recursive: true });
    makeFifo(join(state, 'runs.jsonl'));
    const fifo = await doctor({});
    expect(fifo.stdout).toContain(`FAIL  output     ${join(state, 'runs.jsonl')}: expected the run log to be a regular file, got a named pipe (FIFO); move it away or name another path`);
    expect(fifo.exitCode).toBe(9);
    rmSync(join(state, 'runs.jsonl'));
    mkdirSync(join(state, 'alert-ledger.json'));
    const folder = await doctor({});
    expect(folder.stdout).toContain(`FAIL  output     ${join(state, 'alert-ledger.json')}: expected the alert ledger to be a regular file, got a folder; move it away or name another path`);
    expect(folder.exitCode).toBe(9);
    rmSync(join(state, 'alert-ledger.json'), { recursive: true });
    mkdirSync(join(state, 'unfinished-runs.json'));
    const unfinished = await doctor({});
    expect(unfinished.stdout).toContain(`FAIL  output     ${join(state, 'unfinished-runs.json')}: expected the unfinished runs to be a regular file, got a folder; move it away or name another path`);
    expect(unfinished.exitCode).toBe(9);
    rmSync(join(state, 'unfinished-runs.json'), { recursive: true });
    makeFifo(join(state, 'watch-deliveries.json'));
    const deliveries = await doctor({});
    expect(deliveries.stdout).toContain(`FAIL  output     ${join(state, 'watch-deliveries.json')}: expected the watch deliveries to be a regular file, got a named pipe (FIFO); move it away or name another path`);
    expect(deliveries.exitCode).toBe(9);
  });

  it.runIf(IS_ROOT)('says why an output folder on a read-only disk cannot be written or made, in the words of other output errors', async () => {
    const disk = mountSmallDisk(dir, 'readonly', { sizeKb: 64 });
    mkdirSync(join(disk.path, 'output'));
    disk.makeReadOnly();
    try {
      const existing = await doctor({ output: join(disk.path, 'output') });
      expect(existing.stdout).toContain(`FAIL  output     ${join(disk.path, 'output')}: expected to write to the output folder, got: read-only file system (EROFS)\n`);
      const missing = await doctor({ output: join(disk.path, 'new', 'output') });
      expect(missing.stdout).toContain(`FAIL  output     ${join(disk.path, 'new', 'output')}: expected to write to the output folder, got: read-only file system (EROFS)\n`);
      expect(missing.exitCode).toBe(9);
    } finally {
      disk.unmount();
    }
  });

  it('passes when SMTP logs in and the Slack host answers, and sends nothing', async () => {
    const result = await doctor({ email: email(), slack: { enabled: true, webhookUrl: `${slack.url}` } });
    expect(result.stdout).toContain(`ok    smtp       127.0.0.1:${smtp.port} answered and accepted the login of reporter`);
    expect(result.stdout).toMatch(/ok {4}slack {6}http:\/\/127\.0\.0\.1:\d+ accepts connections; no message was posted/);
    expect(result.stdout).toMatch(/ok {4}chromium {3}\/\S+ \(not started: --quick\)/);
    expect(result.exitCode).toBe(0);
    expect(smtp.received).toEqual([]);
    expect(slack.bodies).toEqual([]);
  });

  it('fails with exit 7 on a wrong SMTP password or a Slack host that refuses, and 8 when PostgreSQL does not answer', async () => {
    const noSlack = await doctor({ slack: { enabled: true, webhookUrl: `http://127.0.0.1:${closedPort}/hooks/x` } });
    expect(noSlack.exitCode).toBe(7);
    expect(noSlack.stdout).toContain(`FAIL  slack      Slack webhook host http://127.0.0.1:${closedPort}: expected to connect, got: connect ECONNREFUSED 127.0.0.1:${closedPort}`);
    const wrong = await doctor({ email: email() }, { TEST_SMTP_PASSWORD: 'wrong' });
    expect(wrong.exitCode).toBe(7);
    expect(wrong.stdout).toMatch(/FAIL {2}smtp {7}SMTP 127\.0\.0\.1:\d+: expected to connect and log in, got: Invalid login: 535/);
    expect(wrong.stderr).toContain('uptake: 1 of ');
    const noDatabase = await doctor({ warehouse: { postgresUrl: `postgres://u:secret@127.0.0.1:${closedPort}/db` } });
    expect(noDatabase.exitCode).toBe(8);
    expect(noDatabase.stdout).toMatch(new RegExp(`FAIL {2}postgres {3}PostgreSQL postgres://u@127\\.0\\.0\\.1:${closedPort}/db: expected to connect, got: .*ECONNREFUSED`));
    expect(noDatabase.stdout).not.toContain('secret');
  });

  it('finishes on an output folder under /proc (Node\'s recursive mkdir went round there for good): the output check fails, the others run', async () => {
    const config = join(dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample') }));
    const result = await execa('node', [cli, 'doctor', '--quick', '--out', '/proc/self/fdinfo', '--config', config], { reject: false, timeout: 90_000 });
    expect(result.stdout).toContain("FAIL  output     /proc/self/fdinfo: expected to write a run's lock and run log in /proc/self/fdinfo/.uptake, got: no such file or directory (ENOENT)");
    // the DuckDB warehouse beside it (the default) is tried by a write too, not by asking for permission (root may)
    expect(result.stdout).toContain('FAIL  duckdb     /proc/self/fdinfo: expected to write the DuckDB file\'s folder, got: ');
    expect(result.stdout).toMatch(/(ok  |FAIL) {2}kernel/);
    expect(result.exitCode).toBe(9);
  }, 120_000);

  // A container started without --init: uptake is PID 1, inherits Chromium's orphaned helpers and cannot reap them.
  it.runIf(IS_ROOT && canUnsharePids())('fails the init check (exit 9) when uptake is PID 1, and passes under an init (a shell) that reaps', async () => {
    const path = join(dir, 'uptake.config.json');
    writeFileSync(path, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: join(dir, 'output') }));
    const doctorArgs = [cli, 'doctor', '--config', path, '--quick'];
    const asPidOne = await execa('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, ...doctorArgs], { reject: false });
    expect(asPidOne.stdout).toMatch(/^FAIL {2}init +expected PID 1 to be an init that reaps orphaned processes, got `\S*node \S+main\.js doctor --config /m);
    expect(asPidOne.stdout).toContain("every PDF leaves Chromium's helper processes as zombies that nothing reaps; run it under an init that reaps them (`docker run --init`");
    expect(asPidOne.exitCode).toBe(9);
    const underInit = await execa('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', `"$@"; exit $?`, 'sh', process.execPath, ...doctorArgs], { reject: false });
    expect(underInit.stdout).toMatch(/^ok {4}init +PID 1 is `sh` \(it reaps orphaned processes\)$/m);
    expect(underInit.exitCode).toBe(0);
  }, 60_000);

  it.runIf(IS_ROOT && canUnsharePids())('uptake schedule as PID 1 says so once when it starts (and goes on)', async () => {
    const path = join(dir, 'uptake.config.json');
    writeFileSync(path, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: join(dir, 'output') }));
    const schedule = execa('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', process.execPath, cli, 'schedule', '--config', path], { reject: false, all: true });
    let seen = '';
    await new Promise<void>((waiting) => schedule.all!.on('data', (chunk: Buffer) => ((seen += chunk.toString()), seen.includes('waiting (Ctrl-C to stop)') && waiting())));
    schedule.kill('SIGTERM');
    const ended = await schedule;
    expect(ended.all!.split('\n')[0]).toMatch(/^uptake schedule: warning: expected PID 1 to be an init that reaps orphaned processes, got `\S*node \S+main\.js schedule --config /);
    expect(ended.all!.match(/warning: expected PID 1/g)).toHaveLength(1);
  }, 60_000);

  // doctor said every check was ok while the report template could not render: the next unattended run failed (exit 6)
  it('fails the template check (exit 6) when the report template does not render, naming the file, the line and the name', async () => {
    const template = join(dir, 'report.html.hbs');
    writeFileSync(template, '<h1>{{title}}</h1>\n<p>{{weekStrat}}</p>\n');
    const config = parseConfig({ input: join(process.cwd(), 'data/sample'), output: join(dir, 'output') });
    const checks = await runDoctor(config, { notebook: join(process.cwd(), 'notebooks/weekly-report.ipynb'), template, quick: true });
    const failed = checks.filter((check) => !check.ok);
    expect(failed.map((check) => [check.name, check.kind])).toEqual([['template', 'render']]);
    expect(failed[0].detail).toMatch(new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2: expected the Handlebars report template to use only the values the report gives it \\(title, week, weekStart, .*\\), got \\{\\{weekStrat\\}\\}, which is neither one of them nor a helper$`));
    const { doctorFailure } = await import('../../src/automate/doctor.js');
    expect(doctorFailure(checks)?.exitCode).toBe(6);
    writeFileSync(template, '<h1>{{title}}</h1>\n<p>{{weekStart}}</p>\n');
    const fixed = await runDoctor(config, { notebook: join(process.cwd(), 'notebooks/weekly-report.ipynb'), template, quick: true });
    expect(fixed.find((check) => check.name === 'template')).toEqual({ name: 'template', ok: true, detail: `${template} renders (with its stylesheet ${join(process.cwd(), 'templates', 'report.css')})` });
  }, 60_000);

  it('a check that gets no answer within its limit fails as not checked, and doctor goes on to the end', async () => {
    // a kernel that starts and never answers: the kernel check alone would wait 90 s for it
    const kernels = join(dir, 'kernels', 'silent');
    mkdirSync(kernels, { recursive: true });
    const silent = join(dir, 'silent-kernel.mjs');
    writeFileSync(silent, 'setTimeout(() => {}, 20_000);\n');
    writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({ argv: [process.execPath, silent, '{connection_file}'], display_name: 'Silent', language: 'typescript' }));
    const notebook = join(dir, 'silent.ipynb');
    writeFileSync(notebook, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'silent', display_name: 'Silent', language: 'typescript' } }, cells: [] }));
    const config = parseConfig({ input: join(process.cwd(), 'data/sample'), output: join(dir, 'output') });
    const started = Date.now();
    const checks = await runDoctor(config, { notebook, env: { ...process.env, JUPYTER_PATH: join(dir), UPTAKE_CHROMIUM: join(dir, 'no-chromium') }, checkLimitSec: { kernel: 3 } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(checks.map((check) => check.name)).toEqual(['config', 'init', 'output', 'input', 'channels', 'warehouse', 'duckdb', 'store', 'template', 'chromium', 'kernel']);
    expect(checks.at(-1)).toEqual({
      name: 'kernel',
      ok: false,
      detail: 'timed out after 3 s: could not be checked (it waits on something that does not end, such as a hung network mount); the checks after it went on',
      kind: 'environment',
    });
  }, 60_000);
});

function canUnsharePids(): boolean {
  return execaSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { reject: false }).exitCode === 0;
}
