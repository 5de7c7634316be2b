import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs the built CLI (`npm run build` first): dist/cli/main.js.
const cli = join(process.cwd(), 'dist/cli/main.js');
let input: string;
let workdir: string;
let openConfig: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'uptake-metrics-'));
  workdir = dir;
  input = join(dir, 'input');
  const write = (name: string, lines: string[]) => writeFileSync(join(input, name), `${lines.join('\n')}\n`);
  mkdirSync(input);
  write('ai_logs_2026-W47.csv', [
    'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful',
    'e1,a1,Finance,report_drafting,2026-11-10T09:00:00Z,2026-11-10T09:10:00Z,completed,0.95,false',
    'e2,a1,Finance,report_drafting,2026-11-11T09:00:00Z,2026-11-11T09:10:00Z,completed,0.85,false',
    'e3,a1,Finance,report_drafting,2026-11-17T09:00:00Z,2026-11-17T09:10:00Z,completed,0.92,true',
    'e4,a1,Finance,report_drafting,2026-11-18T14:00:00Z,2026-11-18T14:10:00Z,abandoned,,',
  ]);
  write('manual_logs_2026-W47.csv', [
    'task_id,user_id,team,task_type,started_at,ended_at',
    'm1,m1,Finance,report_drafting,2026-11-10T10:00:00Z,2026-11-10T10:30:00Z',
    'm2,m1,Finance,report_drafting,2026-11-12T10:00:00Z,2026-11-12T10:30:00Z',
    'm3,m1,Finance,report_drafting,2026-11-17T10:00:00Z,2026-11-17T10:30:00Z',
    'm4,m1,Finance,report_drafting,2026-11-19T10:00:00Z,2026-11-19T10:30:00Z',
    'm5,m1,Finance,report_drafting,2026-11-22T10:00:00Z,2026-11-22T10:30:00Z',
  ]);
  write('user_monthly_summary_2026-11.csv', [
    'user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total',
    'a1,Finance,2026-11,UTC,true,10,8',
    'm1,Finance,2026-11,UTC,true,5,0',
  ]);
  openConfig = join(dir, 'open.config.json');
  writeFileSync(openConfig, JSON.stringify({ privacy: { minGroupSize: 0 } }));
});

async function run(args: string[]) {
  // from a folder without uptake.config.json, so only --config changes the defaults
  return execa('node', [cli, 'metrics', ...args], { reject: false, cwd: workdir, env: { TZ: 'UTC' } });
}

describe('uptake metrics', () => {
  it('--json prints the metrics document alone on stdout', async () => {
    const result = await run(['--input', input, '--week', 'latest', '--json', '--config', openConfig]);
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ week: '2026-W47', week_start: '2026-11-16', week_end: '2026-11-22', timezone: 'UTC' });
    // W47: 1 completed AI task (the abandoned one is not), 3 manual -> 0.25; W46: 2 and 2 -> 0.5
    for (const team of ['*', 'Finance']) {
      const row = document.tables.adoption_by_team.find((entry: { team: string }) => entry.team === team);
      expect(row).toMatchObject({ ai_tasks: 1, manual_tasks: 3, adoption_rate: 0.25, delta_pts: -25, user_adoption_rate: 0.5, abandonment_rate: 0.5 });
    }
    // baseline 30 min, AI tasks 10 min: 20/60 h each; W46 two, W47 one
    const saved = document.tables.time_saved.filter((row: { team: string }) => row.team === '*');
    expect(saved.map((row: { week: string }) => row.week)).toEqual(['2026-W46', '2026-W47']);
    expect(saved[0].hours_saved).toBeCloseTo(40 / 60, 12);
    expect(saved[1].cumulative_hours_saved).toBeCloseTo(1, 12);
    // November: 0.95, 0.85, 0.92 evaluated; two at or above 0.9
    expect(document.tables.accuracy_stability[0]).toMatchObject({ month: '2026-11', team: '*', evaluated: 3, above_target: 2 });
    expect(document.tables.harm[0]).toMatchObject({ team: '*', ai_tasks: 1, harmful: 1, harm_rate: 1 });
    expect(document.tables.logging_coverage).toEqual([]); // no month lies fully inside Nov 10..22
    expect(document.tables.alerts.map((alert: { severity: string; rule: string; team: string }) => `${alert.severity} ${alert.rule} ${alert.team}`)).toEqual([
      'critical harm_rate Finance',
      'high adoption_drop Finance',
      'high asi_below_target Finance',
      'medium task_type_drop *', // report_drafting, all teams: the same fall of 25 points
    ]);
    expect(document.tables.alerts.at(-1)).toMatchObject({ task_type: 'report_drafting', delta_pts: -25 });
    expect(document.accounting.ai_logs).toMatchObject({ rows_read: 4, tasks: 4 });
    expect(result.stderr).not.toBe('');
  });

  it('suppresses groups under 5 users by default, never the "*" row', async () => {
    const result = await run(['--input', input, '--week', '2026-W47', '--json']);
    expect(result.exitCode).toBe(0);
    const [all, finance] = JSON.parse(result.stdout).tables.adoption_by_team;
    expect(all).toMatchObject({ team: '*', ai_tasks: 1, suppressed: false });
    expect(finance).toMatchObject({ team: 'Finance', ai_tasks: null, adoption_rate: null, suppressed: true });
  });

  it('--table prints titled, aligned tables with percents', async () => {
    const result = await run(['--input', input, '--week', 'latest', '--table', '--config', openConfig]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Adoption by team (report week) [adoption_by_team]');
    // headers and numbers as the column catalogue words them in the report
    expect(result.stdout).toMatch(/\nTeam\s+AI tasks\s+Manual tasks\s+Adoption\s+Change vs last week \(pts\)\s+Adoption last week\s+User adoption/);
    expect(result.stdout).toMatch(/\nFinance\s+1\s+3\s+25\.0 %\s+-25\.0\s+50\.0 %\s+50\.0 %/);
    expect(result.stdout).toMatch(/\nAll teams\s+\d/);
    expect(result.stdout).toContain('Alerts [alerts]');
    expect(result.stdout).not.toMatch(/\b(adoption_rate|delta_pts|adoption_drop)\b(?! ?\])/);
  });

  it('--week takes the ISO week in any case, as the notebooks\' week does: 2026-w46 is 2026-W46', async () => {
    const result = await run(['--input', input, '--week', '2026-w46', '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ week: '2026-W46', week_start: '2026-11-09', week_end: '2026-11-15' });
  });

  it('an unknown week exits 2 naming the value and the weeks available', async () => {
    const result = await run(['--input', input, '--week', '2026-W30', '--json']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('`2026-W30`');
    expect(result.stderr).toContain('2026-W46, 2026-W47');
  });
});
