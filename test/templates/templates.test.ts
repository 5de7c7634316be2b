import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { DEFAULT_STOP_GRACE_SEC } from '../../src/cli/stop-signals.js';

// Each template as an ops engineer copies it: its commands run in a shell against a fake `uptake`
// (at node_modules/.bin/uptake, where `npm ci` links the real one) that records what it was given.
const template = (name: string) => readFileSync(join('templates', name), 'utf8');
const SRV = '/srv/uptake';
let srv: string;
beforeEach(() => {
  srv = mkdtempSync(join(tmpdir(), 'uptake-srv-'));
  mkdirSync(join(srv, 'node_modules', '.bin'), { recursive: true });
  const fake = join(srv, 'node_modules', '.bin', 'uptake');
  writeFileSync(fake, '#!/bin/sh\necho "args: $*" >> calls.txt\necho "password: ${UPTAKE_SMTP_PASSWORD:-unset}" >> calls.txt\n');
  chmodSync(fake, 0o755);
  // Secrets as the templates document them: KEY='value' lines, no `export`; a value a shell would mangle unquoted.
  writeFileSync(join(srv, 'uptake.env'), `UPTAKE_SMTP_PASSWORD='${SECRET}'\n`);
});
afterEach(() => {
  rmSync(srv, { recursive: true, force: true });
});
const calls = () => readFileSync(join(srv, 'calls.txt'), 'utf8').trim().split('\n');
const SECRET = 'pa$$w0rd&x; y';
const defaultOutput = parseConfig({}).output;

describe('templates/crontab.txt', () => {
  it('runs each line in a shell with cron\'s bare environment: uptake is found, and KEY=value secrets reach it', () => {
    const lines = template('crontab.txt').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const variables = Object.fromEntries(lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split(/=(.*)/s).slice(0, 2)));
    const jobs = lines.filter((line) => !/^[A-Z_]+=/.test(line)).map((line) => line.trim().split(/\s+/).slice(5).join(' '));
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      execFileSync('/bin/sh', ['-c', job.replaceAll(SRV, srv)], { env: { PATH: variables.PATH.replaceAll(SRV, srv), HOME: srv }, stdio: 'ignore' });
    }
    expect(calls()).toEqual([
      'args: run --week due --config uptake.config.json',
      `password: ${SECRET}`,
      'args: status --check --notify --config uptake.config.json',
      `password: ${SECRET}`,
    ]);
    expect(existsSync(join(srv, 'output', 'cron.log'))).toBe(true);
  });
});

describe('templates/uptake.service', () => {
  const unit = Object.fromEntries(
    template('uptake.service')
      .split('\n')
      .filter((line) => /^[A-Za-z]+=/.test(line))
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );

  it('runs as a non-root user that may write the output folder (the state and DuckDB file live there), and stops gracefully', () => {
    expect(unit.User).toMatch(/^[a-z_][a-z0-9_-]*$/);
    expect(unit.User).not.toBe('root');
    expect(unit.ReadWritePaths.split(/\s+/)).toContain(join(unit.WorkingDirectory, defaultOutput));
    expect(statePaths(join(unit.WorkingDirectory, defaultOutput)).dir.startsWith(join(unit.WorkingDirectory, defaultOutput))).toBe(true);
    expect(unit.KillMode).toBe('mixed');
    expect(Number(unit.TimeoutStopSec)).toBeGreaterThan(DEFAULT_STOP_GRACE_SEC);
  });

  it('ExecStart and ExecStopPost run uptake with the EnvironmentFile\'s variables', () => {
    const env: Record<string, string> = { PATH: unit.Environment.replace(/^PATH=/, '').replaceAll(SRV, srv) };
    // (systemd's EnvironmentFile takes a single-quoted value as written, without its quotes)
    for (const line of readFileSync(join(srv, 'uptake.env'), 'utf8').split('\n')) if (line.includes('=')) env[line.split('=')[0]] = line.slice(line.indexOf('=') + 1).replace(/^'(.*)'$/s, '$1');
    for (const command of [unit.ExecStart, unit.ExecStopPost.replace(/^-/, '')]) {
      const [program, ...args] = command.replaceAll(SRV, srv).split(' ');
      expect(program.startsWith('/')).toBe(true); // systemd does not search the unit's PATH
      execFileSync(program, args, { cwd: unit.WorkingDirectory.replace(SRV, srv), env });
    }
    expect(calls()).toEqual(['args: run --week due --config uptake.config.json', `password: ${SECRET}`, 'args: status --check --notify --config uptake.config.json', `password: ${SECRET}`]);
    expect(unit.ExecStart.startsWith(`${SRV}/node_modules/.bin/uptake `)).toBe(true);
  });

  it('the build links node_modules/.bin/uptake to the CLI, as the templates expect', () => {
    expect(readFileSync(join('node_modules', '.bin', 'uptake'), 'utf8')).toBe(readFileSync(join('dist', 'cli', 'main.js'), 'utf8'));
  });
});

describe('templates/github-actions.yml', () => {
  const workflow = template('github-actions.yml');
  const cachedPaths = (step: string) => {
    const block = workflow.slice(workflow.indexOf(`uses: actions/cache/${step}@`));
    return block.slice(block.indexOf('path: |') + 'path: |'.length, block.indexOf('key:')).trim().split(/\s+/);
  };

  it('restores and saves the state folder and the DuckDB file at the paths the CLI uses by default', () => {
    const expected = [statePaths(defaultOutput).dir, join(defaultOutput, 'uptake.duckdb')];
    expect(cachedPaths('restore')).toEqual(expected);
    expect(cachedPaths('save')).toEqual(expected);
    expect(workflow.indexOf('actions/cache/restore@')).toBeLessThan(workflow.indexOf('run: node dist/cli/main.js run'));
    expect(workflow.indexOf('run: node dist/cli/main.js run')).toBeLessThan(workflow.indexOf('actions/cache/save@'));
    expect(workflow).toMatch(/Save uptake's state\n\s+if: always\(\)/);
  });

  it('runs the built CLI that `npm ci` links as node_modules/.bin/uptake', () => {
    const cli = relative(process.cwd(), realpathSync('node_modules/.bin/uptake'));
    expect(cli).toBe(join('dist', 'cli', 'main.js'));
    expect(workflow).toContain(`run: node ${cli} run --week due --config uptake.config.json`);
  });
});
