import { describe, expect, test } from 'vitest';
import { createAskEngine, type AskAnswer, type AskEngine } from '../../src/ask/ask-engine.js';
import { ASK_PATTERNS } from '../../src/ask/patterns.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { Row } from '../../src/metrics/kpi.js';
import { makeCleanedData, type TaskSpec } from '../metrics/make-cleaned-data.js';
import { askConfig, askFixture } from './ask-fixture.js';

const config = askConfig();
const data = askFixture();
const engine = createAskEngine(data, config);
const report = computeMetrics(data, config, 'latest');
const tables = report.tables;
const documentOf = (week: string) => computeMetrics(data, config, week);
const pct = (value: unknown) => `${((value as number) * 100).toFixed(1)} %`;
const pts = (value: unknown) => `${(value as number) > 0 ? '+' : ''}${(value as number).toFixed(1)} pts`;
const teamRows = (rows: Row[]) => rows.filter((row) => row.team !== '*' && row.suppressed !== true);
const all = (rows: Row[]) => rows.find((row) => row.team === '*')!;
const OCTOBER = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'];
const SUPPRESSED_NOTE = ' 1 team suppressed (fewer than 2 users) is not shown.';

function ask(question: string): AskAnswer {
  const answer = engine.ask(question);
  expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
  return answer;
}

/** Asks `asking` and expects the question refused for `name`, a team or task type the data lacks. */
function expectRefusedAsName(asking: AskEngine, question: string, name: string): void {
  const answer = asking.ask(question);
  expect(answer.answered, question).toBe(false);
  expect(answer.answer, question).toMatch(new RegExp(`^The data has no team or task type called "${name}", so I will not guess\\.`));
}

// Every documented pattern has one case here, keyed by its id.
const covered = new Set<string>();
function pattern(id: string, name: string, body: () => void): void {
  covered.add(id);
  test(`${id}: ${name}`, body);
}

describe('uptake ask on the fixture (report week 2026-W47)', () => {
  test('the report week is the latest complete week', () => {
    expect(engine.source.reportWeek).toBe('2026-W47');
    expect(report.week).toBe('2026-W47');
  });

  pattern('adoption-overall', 'what is the adoption rate last week', () => {
    const answer = ask('what is the adoption rate last week');
    const star = all(tables.adoption_by_team);
    // By hand: 35 completed AI tasks and 31 manual tasks in W47
    expect([star.ai_tasks, star.manual_tasks]).toEqual([35, 31]);
    expect(answer.answer).toBe(`Adoption rate for all teams in 2026-W47 was ${pct(star.adoption_rate)}.`);
    expect(answer.table.rows).toEqual([['*', star.adoption_rate, 35, 31]]);
    expect(answer.weeks).toEqual(['2026-W47']);
  });

  pattern('adoption-team', "what is Finance's adoption", () => {
    const finance = tables.adoption_by_team.find((row) => row.team === 'Finance')!;
    expect(finance.adoption_rate).toBeCloseTo(16 / 22, 12);
    expect(ask("what is Finance's adoption").answer).toBe(`Adoption rate for Finance in 2026-W47 was ${pct(finance.adoption_rate)}.`);
  });

  pattern('adoption-task-type', 'adoption of budget reconciliation last week', () => {
    const row = tables.adoption_by_task_type.find((entry) => entry.task_type === 'budget_reconciliation')!;
    const answer = ask('adoption of budget reconciliation last week');
    expect(answer.answer).toBe(`Adoption rate for budget_reconciliation in 2026-W47 was ${pct(row.adoption_rate)}.`);
    expect(answer.table.rows).toEqual([['budget_reconciliation', row.adoption_rate, row.ai_tasks, row.manual_tasks]]);
  });

  pattern('adoption-by-team', 'adoption by team', () => {
    const answer = ask('adoption by team');
    const expected = teamRows(tables.adoption_by_team).sort((a, b) => (b.adoption_rate as number) - (a.adoption_rate as number));
    expect(answer.table.rows.map((row) => row[0])).toEqual(expected.map((row) => row.team));
    expect(answer.table.rows.map((row) => row[0])).not.toContain('Tiny');
    expect(answer.answer).toBe(
      `Adoption rate by team in 2026-W47: highest Finance (${pct(expected[0].adoption_rate)}), lowest Legal (${pct(expected[expected.length - 1].adoption_rate)}) (4 teams).${SUPPRESSED_NOTE}`,
    );
  });

  pattern('adoption-top', 'top 3 teams by adoption', () => {
    const answer = ask('top 3 teams by adoption');
    const expected = teamRows(tables.adoption_by_team).sort((a, b) => (b.adoption_rate as number) - (a.adoption_rate as number)).slice(0, 3);
    expect(expected.map((row) => row.team)).toEqual(['Finance', 'Sales Ops', 'Procurement']);
    expect(answer.table.rows.map((row) => row[0])).toEqual(['Finance', 'Sales Ops', 'Procurement']);
    expect(answer.answer).toBe(`The 3 teams with the highest adoption rate in 2026-W47: Finance (72.7 %), Sales Ops (66.7 %), Procurement (25.0 %).${SUPPRESSED_NOTE}`);
    expect(answer.table.rows.map((row) => row[1])).toEqual(expected.map((row) => row.adoption_rate));
  });

  pattern('adoption-lowest-task-type', 'which task type has the lowest adoption', () => {
    const lowest = [...tables.adoption_by_task_type].sort((a, b) => (a.adoption_rate as number) - (b.adoption_rate as number))[0];
    const answer = ask('which task type has the lowest adoption');
    expect(answer.answer).toBe(`${lowest.task_type} had the lowest adoption rate in 2026-W47: ${pct(lowest.adoption_rate)}.`);
    expect(answer.table.rows).toHaveLength(1);
  });

  pattern('adoption-below', 'which teams have adoption below 50 %', () => {
    const answer = ask('which teams have adoption below 50 %');
    const expected = teamRows(tables.adoption_by_team).filter((row) => (row.adoption_rate as number) < 0.5);
    expect(expected.map((row) => row.team).sort()).toEqual(['Legal', 'Procurement']);
    expect(answer.table.rows.map((row) => row[0])).toEqual(['Legal', 'Procurement']);
    expect(answer.answer).toBe(`2 teams had adoption rate below 50 % in 2026-W47: Legal (20.0 %), Procurement (25.0 %).${SUPPRESSED_NOTE}`);
  });

  pattern('dipped', 'which teams dipped more than 10 points last week', () => {
    const answer = ask('which teams dipped more than 10 points last week');
    const expected = teamRows(tables.adoption_by_team).filter((row) => (row.delta_pts as number) < -10);
    // By hand: Procurement went from 9/15 = 60% to 2/8 = 25%
    expect(expected.map((row) => [row.team, Number((row.delta_pts as number).toFixed(6))])).toEqual([['Procurement', -35]]);
    expect(answer.answer).toBe(`1 team fell by more than 10 points in 2026-W47: Procurement (-35.0 pts).${SUPPRESSED_NOTE}`);
    expect(answer.table.columns).toEqual(['team', 'delta_pts', 'previous_adoption_rate', 'adoption_rate']);
    expect(answer.table.rows).toEqual([['Procurement', expected[0].delta_pts, 0.6, 0.25]]);
    expect(answer.interpretation).toBe('change in adoption by team, 2026-W47, only those below -10.0 pts');
  });

  pattern('grew', 'which task types grew more than 5 points last week', () => {
    const answer = ask('which task types grew more than 5 points last week');
    const expected = tables.adoption_by_task_type.filter((row) => (row.delta_pts as number) > 5).sort((a, b) => (b.delta_pts as number) - (a.delta_pts as number));
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.table.rows.map((row) => [row[0], row[1]])).toEqual(expected.map((row) => [row.task_type, row.delta_pts]));
    expect(answer.answer).toContain(`${expected.length} task type${expected.length === 1 ? '' : 's'} rose by more than 5 points in 2026-W47: ${expected[0].task_type} (${pts(expected[0].delta_pts)})`);
  });

  pattern('dipped-any', 'which teams dipped last week', () => {
    const answer = ask('which teams dipped last week');
    expect(answer.table.rows.map((row) => row[0])).toEqual(['Procurement', 'Legal']);
    const legal = tables.adoption_by_team.find((row) => row.team === 'Legal')!;
    expect(answer.answer).toBe(`2 teams dipped in 2026-W47: Procurement (-35.0 pts), Legal (${pts(legal.delta_pts)}).${SUPPRESSED_NOTE}`);
    expect(pts(legal.delta_pts)).toBe('-5.0 pts');
  });

  pattern('delta-team', "how did Sales Ops's adoption change last week", () => {
    const answer = ask("how did Sales Ops's adoption change last week");
    const row = tables.adoption_by_team.find((entry) => entry.team === 'Sales Ops')!;
    expect(pts(row.delta_pts)).toBe('+16.7 pts');
    expect(answer.answer).toBe('Adoption for Sales Ops changed by +16.7 pts in 2026-W47 (50.0 % -> 66.7 %).');
  });

  pattern('adoption-since', 'how did adoption change since W40', () => {
    const answer = ask('how did adoption change since W40');
    const trend = tables.adoption_trend.filter((row) => row.team === '*');
    expect(answer.table.columns).toEqual(['week', 'adoption_rate', 'ai_tasks', 'manual_tasks']);
    expect(answer.table.rows).toEqual(trend.map((row) => [row.week, row.adoption_rate, row.ai_tasks, row.manual_tasks]));
    expect(answer.weeks).toEqual(trend.map((row) => row.week));
    const first = trend[0].adoption_rate as number;
    const last = trend[trend.length - 1].adoption_rate as number;
    expect(answer.answer).toBe(`Adoption rate for all teams went from ${pct(first)} in 2026-W40 to ${pct(last)} in 2026-W47 (${pts((last - first) * 100)}).`);
  });

  pattern('adoption-trend-team', "Finance's adoption trend over the last 4 weeks", () => {
    const answer = ask("Finance's adoption trend over the last 4 weeks");
    const trend = tables.adoption_trend.filter((row) => row.team === 'Finance' && row.week >= '2026-W44');
    expect(answer.table.rows.map((row) => [row[0], row[1]])).toEqual(trend.map((row) => [row.week, row.adoption_rate]));
    expect(answer.answer).toBe(`Adoption rate for Finance went from ${pct(9 / 15)} in 2026-W44 to ${pct(16 / 22)} in 2026-W47 (${pts((16 / 22 - 9 / 15) * 100)}).`);
  });

  pattern('adoption-month', 'what was adoption in October', () => {
    const answer = ask('what was adoption in October');
    const rows = tables.adoption_trend.filter((row) => row.team === '*' && OCTOBER.includes(row.week));
    const ai = rows.reduce((sum, row) => sum + row.ai_tasks, 0);
    const manual = rows.reduce((sum, row) => sum + row.manual_tasks, 0);
    expect(answer.answer).toBe(`Adoption rate for all teams in 2026-10 (weeks 2026-W40 to 2026-W44) was ${pct(ai / (ai + manual))}.`);
    expect(answer.weeks).toEqual(OCTOBER);
  });

  pattern('adoption-change-since-teams', 'which teams fell more than 5 points since W43', () => {
    const answer = ask('which teams fell more than 5 points since W43');
    const rate = (team: string, week: string) => tables.adoption_trend.find((row) => row.team === team && row.week === week)!.adoption_rate as number;
    const expected = ['Finance', 'Legal', 'Procurement', 'Sales Ops']
      .map((team) => [team, (rate(team, '2026-W47') - rate(team, '2026-W43')) * 100] as const)
      .filter(([, change]) => change < -5);
    expect(expected.map(([team]) => team)).toEqual(['Legal', 'Procurement'].filter((team) => expected.some(([name]) => name === team)));
    expect(answer.table.rows.map((row) => row[0]).sort()).toEqual(expected.map(([team]) => team).sort());
    expect(answer.table.columns).toEqual(['team', 'change_pts', '2026-W43', '2026-W47']);
  });

  pattern('user-adoption', 'user adoption by team', () => {
    const answer = ask('user adoption by team');
    const expected = teamRows(tables.adoption_by_team);
    expect(answer.table.rows.map((row) => [row[0], row[1], row[2], row[3]]).sort()).toEqual(
      expected.map((row) => [row.team, row.user_adoption_rate, row.ai_users, row.licensed_users]).sort(),
    );
  });

  pattern('user-weighted', 'user weighted adoption for Finance', () => {
    const finance = tables.adoption_by_team.find((row) => row.team === 'Finance')!;
    // f1 did 10 AI tasks and 2 manual ones, f2 and f3 3 and 2
    expect(finance.user_weighted_adoption_rate).toBeCloseTo((10 / 12 + 3 / 5 + 3 / 5) / 3, 12);
    expect(ask('user weighted adoption for Finance').answer).toBe(`User-weighted adoption rate for Finance in 2026-W47 was ${pct(finance.user_weighted_adoption_rate)}.`);
  });

  pattern('abandonment', 'which task types have abandonment above 1 %', () => {
    const answer = ask('which task types have abandonment above 1 %');
    const expected = tables.adoption_by_task_type.filter((row) => (row.abandonment_rate as number) > 0.01);
    expect(expected).toHaveLength(1);
    expect(answer.table.rows.map((row) => [row[0], row[1]])).toEqual(expected.map((row) => [row.task_type, row.abandonment_rate]));
  });

  pattern('ai-tasks', 'how many AI tasks did Sales Ops complete last week', () => {
    const row = tables.adoption_by_team.find((entry) => entry.team === 'Sales Ops')!;
    expect(row.ai_tasks).toBe(12);
    expect(ask('how many AI tasks did Sales Ops complete last week').answer).toBe('Sales Ops completed 12 AI tasks in 2026-W47.');
  });

  pattern('tasks-team', 'how many tasks did Sales Ops do last week', () => {
    const row = tables.adoption_by_team.find((entry) => entry.team === 'Sales Ops')!;
    const total = (row.ai_tasks as number) + (row.manual_tasks as number);
    expect(ask('how many tasks did Sales Ops do last week').answer).toBe(`Sales Ops completed ${total} tasks in 2026-W47: ${row.ai_tasks} with AI and ${row.manual_tasks} manually.`);
  });

  pattern('abandoned-most', 'which team abandoned the most tasks', () => {
    const shown = tables.adoption_by_team.filter((entry) => entry.team !== '*' && !entry.suppressed);
    const most = Math.max(...shown.map((entry) => entry.abandoned_tasks as number));
    const holders = shown.filter((entry) => entry.abandoned_tasks === most).map((entry) => entry.team);
    expect(ask('which team abandoned the most tasks').answer).toMatch(
      holders.length === 1 ? new RegExp(`^${holders[0]} had the most abandoned AI tasks in 2026-W47: ${most}\\.`) : new RegExp(`tied for the most abandoned AI tasks in 2026-W47: ${most} each`),
    );
    expect(ask('which team abandoned the most tasks').interpretation).toBe('abandoned AI tasks by team, 2026-W47, highest first');
  });

  pattern('hours-team-month', 'how many hours did Finance save in October', () => {
    const answer = ask('how many hours did Finance save in October');
    const rows = tables.time_saved.filter((row) => row.team === 'Finance' && OCTOBER.includes(row.week));
    const hours = rows.reduce((sum, row) => sum + row.hours_saved, 0);
    expect(rows).toHaveLength(5);
    expect(answer.answer).toBe(`Finance saved ${hours.toFixed(1)} hours in 2026-10 (weeks 2026-W40 to 2026-W44).`);
    expect(answer.table.rows).toEqual([['Finance', hours, rows.reduce((sum, row) => sum + (row.timed_ai_tasks as number), 0)]]);
  });

  pattern('hours-overall', 'how many hours were saved last week', () => {
    const row = tables.time_saved.find((entry) => entry.team === '*' && entry.week === '2026-W47')!;
    expect(ask('how many hours were saved last week').answer).toBe(`All teams saved ${row.hours_saved.toFixed(1)} hours in 2026-W47.`);
  });

  pattern('hours-rank', 'which team saved the most hours last week', () => {
    const best = teamRows(tables.time_saved.filter((row) => row.week === '2026-W47')).sort((a, b) => (b.hours_saved as number) - (a.hours_saved as number))[0];
    expect(best.team).toBe('Finance');
    expect(ask('which team saved the most hours last week').answer).toBe(`Finance had the highest hours saved in 2026-W47: ${(best.hours_saved as number).toFixed(1)} h.${SUPPRESSED_NOTE}`);
  });

  pattern('hours-task-type', 'hours saved by task type since W44', () => {
    const answer = ask('hours saved by task type since W44');
    // Independently: per task type, (baseline - 20 min) / 60 for each completed AI task with a duration in W44..W47
    const baselines = new Map(tables.baselines.map((row) => [row.task_type as string, row.baseline_min as number]));
    const tasks = data.tasks.objects() as Array<Record<string, unknown>>;
    const expected = new Map<string, number>();
    for (const task of tasks) {
      if (task.source !== 'ai_logs' || task.status !== 'completed') continue;
      if ((task.started_at as number) < Date.UTC(2026, 9, 26)) continue;
      const type = task.task_type as string;
      expected.set(type, (expected.get(type) ?? 0) + (baselines.get(type)! - 20) / 60);
    }
    expect(answer.table.rows.map((row) => [row[0], Number((row[1] as number).toFixed(6))]).sort()).toEqual(
      [...expected].map(([type, hours]) => [type, Number(hours.toFixed(6))]).sort(),
    );
    expect(answer.weeks).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
  });

  pattern('hours-at-least', 'which teams saved at least 5 hours last week', () => {
    const expected = teamRows(tables.time_saved.filter((row) => row.week === '2026-W47')).filter((row) => (row.hours_saved as number) >= 5);
    const answer = ask('which teams saved at least 5 hours last week');
    expect(answer.table.rows.map((row) => row[0]).sort()).toEqual(expected.map((row) => row.team).sort());
    expect(answer.table.rows.map((row) => row[0])).toContain('Finance');
    // the threshold keeps its unit ("saved at least 5 in 2026-W47" before)
    expect(answer.answer).toMatch(new RegExp(`^${expected.length} teams saved at least 5 hours in 2026-W47: `));
    expect(engine.ask('which teams saved at least 5 h last week').answer).toMatch(/ saved at least 5 h in 2026-W47: /);
  });

  pattern('hours-cumulative', 'cumulative hours saved', () => {
    const row = tables.time_saved.find((entry) => entry.team === '*' && entry.week === '2026-W47')!;
    expect(ask('cumulative hours saved').answer).toBe(`Cumulative hours saved for all teams in 2026-W47 was ${row.cumulative_hours_saved.toFixed(1)} h.`);
  });

  pattern('asi-top-task-types', 'top task types by accuracy stability this month', () => {
    const answer = ask('top task types by accuracy stability this month');
    // Independently from the cleaned tasks: completed AI tasks in November with accuracy >= 0.9, per task type
    const tasks = (data.tasks.objects() as Array<Record<string, unknown>>).filter(
      (task) => task.source === 'ai_logs' && task.status === 'completed' && new Date(task.started_at as number).toISOString().startsWith('2026-11'),
    );
    const byType = new Map<string, [number, number]>();
    for (const task of tasks) {
      const [above, evaluated] = byType.get(task.task_type as string) ?? [0, 0];
      byType.set(task.task_type as string, [above + ((task.accuracy as number) >= 0.9 ? 1 : 0), evaluated + 1]);
    }
    const expected = [...byType].map(([type, [above, evaluated]]) => [type, above / evaluated, above, evaluated]).sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0])));
    expect(answer.table.rows).toEqual(expected.slice(0, 3));
    expect(answer.answer).toBe(`The 3 task types with the highest accuracy stability (ASI) in 2026-11: ${expected.slice(0, 3).map((row) => `${row[0]} (${pct(row[1])})`).join(', ')}.`);
  });

  pattern('asi-team-month', "what was Finance's ASI in October", () => {
    const row = tables.accuracy_stability.find((entry) => entry.team === 'Finance' && entry.month === '2026-10')!;
    expect(row.asi).toBe(1);
    expect(ask("what was Finance's ASI in October").answer).toBe('Accuracy stability (ASI) for Finance in 2026-10 was 100.0 %.');
  });

  pattern('asi-below', 'which teams are below 80% accuracy stability this month', () => {
    const answer = ask('which teams are below 80% accuracy stability this month');
    const expected = teamRows(tables.accuracy_stability.filter((row) => row.month === '2026-11')).filter((row) => (row.asi as number) < 0.8);
    expect(expected.map((row) => row.team)).toEqual(['Procurement', 'Sales Ops']);
    expect(answer.answer).toBe(`2 teams had accuracy stability (ASI) below 80 % in 2026-11: Procurement (0.0 %), Sales Ops (${pct(expected[1].asi)}).${SUPPRESSED_NOTE}`);
  });

  pattern('asi-trend', 'how did ASI change since September', () => {
    const answer = ask('how did ASI change since September');
    const months = tables.accuracy_stability.filter((row) => row.team === '*');
    expect(answer.table.rows.map((row) => [row[0], row[1]])).toEqual(months.map((row) => [row.month, row.asi]));
    expect(months.map((row) => row.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  pattern('harm-overall', 'what is the harm rate last week', () => {
    const row = all(tables.harm);
    expect(row.harmful).toBe(1);
    expect(ask('what is the harm rate last week').answer).toBe(`Harm rate for all teams in 2026-W47 was ${pct(row.harm_rate)}.`);
  });

  pattern('harm-worst', 'which team has the highest harm rate', () => {
    const legal = tables.harm.find((row) => row.team === 'Legal')!;
    expect(ask('which team has the highest harm rate').answer).toBe(`Legal had the highest harm rate in 2026-W47: ${pct(legal.harm_rate)}.${SUPPRESSED_NOTE}`);
  });

  pattern('blind-spots', 'which users are logging blind spots', () => {
    const answer = ask('which users are logging blind spots');
    const flagged = tables.logging_coverage.filter((row) => row.flagged);
    expect(flagged.map((row) => [row.month, row.user_id])).toEqual([['2026-10', 'f3']]);
    expect(answer.answer).toBe('1 user was a logging blind spot in 2026-10 (coverage below 80.0 %): f3 (50.0 %).');
    expect(answer.table.rows).toEqual([['2026-10', 'f3', 'Finance', flagged[0].logged_ai_tasks, flagged[0].reported_ai_tasks, 0.5]]);
  });

  pattern('coverage-team', 'logging coverage of Finance in October', () => {
    const rows = tables.logging_coverage.filter((row) => row.team === 'Finance' && row.month === '2026-10');
    const logged = rows.reduce((sum, row) => sum + row.logged_ai_tasks, 0);
    const reported = rows.reduce((sum, row) => sum + row.reported_ai_tasks, 0);
    expect(ask('logging coverage of Finance in October').answer).toBe(`Logging coverage for Finance in 2026-10 was ${pct(logged / reported)}.`);
  });

  pattern('coverage-users-below', 'which users have coverage below 90 %', () => {
    const answer = ask('which users have coverage below 90 %');
    expect(answer.table.columns[0]).toBe('user_id');
    expect(answer.table.rows.map((row) => row[0])).toEqual(tables.logging_coverage.filter((row) => (row.coverage as number) < 0.9).map((row) => row.user_id));
  });

  pattern('gaps', 'were there any data gaps last week', () => {
    expect(tables.gaps).toEqual([]);
    expect(ask('were there any data gaps last week').answer).toBe('No data gaps in 2026-W47.');
  });

  pattern('alerts', 'what alerts fired last week', () => {
    const answer = ask('what alerts fired last week');
    expect(answer.table.rows.map((row) => [row[1], row[2], row[3]])).toEqual(tables.alerts.map((alert) => [alert.severity, alert.rule, alert.team ?? null]));
    expect(tables.alerts.some((alert) => alert.rule === 'adoption_drop' && alert.team === 'Procurement')).toBe(true);
    expect(answer.answer.startsWith(`${tables.alerts.length} alerts in 2026-W47`)).toBe(true);
  });

  pattern('power-users', 'who are the power users last week', () => {
    const answer = ask('who are the power users last week');
    expect(tables.power_users.map((row) => row.user_id)).toEqual(['f1']);
    expect(answer.answer).toContain('f1 (10 AI tasks)');
  });

  pattern('baseline', 'what is the manual baseline for contract review', () => {
    const row = tables.baselines.find((entry) => entry.task_type === 'contract_review')!;
    expect(row.baseline_min).toBe(90);
    expect(ask('what is the manual baseline for contract review').answer).toBe(
      `The manual baseline for contract_review is 90.0 min (median of ${row.manual_tasks_with_duration} manual tasks with a duration, up to 2026-W47).`,
    );
  });

  pattern('team-summary', 'tell me about Procurement', () => {
    const row = tables.adoption_by_team.find((entry) => entry.team === 'Procurement')!;
    const alerts = tables.alerts.filter((alert) => alert.team === 'Procurement');
    const answer = ask('tell me about Procurement');
    expect(answer.answer).toMatch(new RegExp(`^Procurement in 2026-W47: adoption ${pct(row.adoption_rate).replace('.', '\\.')} \\(`));
    expect(answer.answer).toContain(`, ${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}`);
    expect(answer.interpretation).toBe('headline numbers for Procurement, 2026-W47 (ASI for 2026-11)');
  });

  pattern('summary', 'give me a summary', () => {
    const answer = ask('give me a summary');
    expect(answer.answer).toBe(
      `In 2026-W47 adoption was ${pct(all(tables.adoption_by_team).adoption_rate)} (${pts(all(tables.adoption_by_team).delta_pts)} on the week before), ` +
        `${tables.time_saved.find((row) => row.team === '*' && row.week === '2026-W47')!.hours_saved.toFixed(1)} hours were saved, ` +
        `ASI for 2026-11 is ${pct(tables.accuracy_stability.find((row) => row.team === '*' && row.month === '2026-11')!.asi)}, ` +
        `the harm rate ${pct(all(tables.harm).harm_rate)}, and ${tables.alerts.length} alerts fired.`,
    );
  });

});

describe('names, typos and time words', () => {
  test.each([
    ['adoption of procure', 'Procurement'],
    ['adoption of procurment', 'Procurement'],
    ['sales ops adoption', 'Sales Ops'],
    ['SALESOPS adoption', 'Sales Ops'],
    ['adoption in finanse', 'Finance'],
  ])('%s names %s', (question, team) => {
    expect(ask(question).table.rows.map((row) => row[0])).toEqual([team]);
  });

  test('an abbreviated task type resolves to its label', () => {
    expect(ask('budget recon adoption').table.rows[0][0]).toBe('budget_reconciliation');
  });

  test('"in 2026-W45" and "the week before" pick those weeks, with that week\'s deltas', () => {
    const w45 = documentOf('2026-W45').tables.adoption_by_team.find((row) => row.team === 'Procurement')!;
    expect(ask("how did Procurement's adoption change in 2026-W45").table.rows).toEqual([['Procurement', w45.delta_pts, w45.previous_adoption_rate, w45.adoption_rate]]);
    expect(ask('adoption the week before').weeks).toEqual(['2026-W46']);
  });

  test('an ISO week in lower case, without its hyphen or with its year apart reads as the upper-case week', () => {
    const upper = ask("what was Finance's adoption in 2026-W44");
    expect(upper.answer).toBe(`Adoption rate for Finance in 2026-W44 was ${pct(9 / 15)}.`);
    expect(upper.weeks).toEqual(['2026-W44']);
    for (const week of ['2026-w44', '2026w44', '2026W44', 'w44', 'W44', '2026 w44', 'w44 2026', 'wk44', 'w 44', '2026-w44.']) {
      const lower = ask(`what was Finance's adoption in ${week}`);
      expect({ ...lower, question: '' }, week).toEqual({ ...upper, question: '' });
    }
    const since = ask('how did adoption change since 2026w44');
    expect(since.weeks).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect({ ...since, question: '' }).toEqual({ ...ask('how did adoption change since 2026-W44'), question: '' });
  });

  test('a word written like a week that is no week is refused, not ignored', () => {
    for (const [question, word] of [['adoption in w54', 'w54'], ['adoption in 2026w60', '2026w60'], ['hours saved in 2026-w00', '2026-w00'], ['adoption in week 60', 'week 60']]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toMatch(new RegExp(`^I cannot read the time in "${word}", so I will not guess;`));
    }
  });

  test('a week after the data says so instead of guessing', () => {
    expect(ask('adoption in 2026-W50').answer).toBe('There is no adoption rate for 2026-W50: the data holds 2026-W40 to 2026-W47.');
  });
});

describe('a mistyped metric word', () => {
  test('one letter off or two letters swapped is read as the metric word, and the answer says so', () => {
    const byTeam = ask('adoption by team');
    for (const typo of ['adoptoin', 'adopton', 'adpotion', 'ADOPTOIN']) {
      const answer = ask(`${typo} by team`);
      expect(answer.answer, typo).toBe(byTeam.answer);
      expect(answer.table, typo).toEqual(byTeam.table);
      expect(answer.interpretation, typo).toBe(`adoption rate by team, 2026-W47, reading "${typo}" as "adoption"`);
    }
    const hours = tables.time_saved.find((row) => row.team === '*' && row.week === '2026-W47')!.hours_saved;
    const saved = ask('hours svaed last week');
    expect(saved.answer).toBe(`All teams saved ${hours.toFixed(1)} hours in 2026-W47.`);
    expect(saved.interpretation).toBe('hours saved for all teams, 2026-W47, reading "svaed" as "saved"');
    const abandonment = ask('which task types have abandonmnet above 1 %');
    expect(abandonment.table).toEqual(ask('which task types have abandonment above 1 %').table);
    expect(abandonment.interpretation).toMatch(/, reading "abandonmnet" as "abandonment"$/);
    expect(ask('covearge of Finance in October').interpretation).toBe('logging coverage for Finance, 2026-10, reading "covearge" as "coverage"');
    // a word spelled right says nothing of the kind
    expect(byTeam.interpretation).toBe('adoption rate by team, 2026-W47');
  });

  test('only when one metric word is that close, and the word is long enough', () => {
    // "saets" can only be "seats"; "seots" is one letter from "seats" and from "spots"
    expect(ask('how many idle saets does Finance have').interpretation).toMatch(/^idle seats for Finance, 2026-W47, reading "saets" as "seats"$/);
    expect(engine.ask('seots by team').answered).toBe(false);
    // "adoptino" is two letters swapped in "adoption" and one letter off "adopting", forms of one word: read as the one
    // most metric phrases hold; so are "alerst" (alert, alerts) and "licenced" (licensed, licences)
    expect(engine.ask('adoptino by team').interpretation).toBe('adoption rate by team, 2026-W47, reading "adoptino" as "adoption"');
    for (const question of ['alerst this week', 'licenced users by team']) expect(engine.ask(question).answered, question).toBe(true);
    // two letters off a word of 7 or more, or one off a word of 4, is no typo
    expect(engine.ask('adpotoin by team').answered).toBe(false);
    expect(engine.ask('what is the hram rate').interpretation).not.toContain('reading');
  });

  test('a word written as a name is a name the data lacks, not a mistyped metric word', () => {
    const noSales = createAskEngine(askFixture({ teamNames: { 'Sales Ops': 'Marketing' } }), config);
    // "Sales" is one letter from "saves": it was answered as hours saved for all teams
    for (const [question, name] of [["what is Sales's adoption", 'Sales'], ['adoption of sales', 'sales'], ["how many hours did Savers save", 'Savers']]) {
      expectRefusedAsName(noSales, question, name);
    }
  });
});

describe('names written without their accents, in any case', () => {
  const accented = createAskEngine(askFixture({ teamNames: { Finance: 'Zürich', Procurement: 'Köln', 'Sales Ops': 'Hà Nội', Legal: 'Čačak', Tiny: 'Straße' } }), config);

  test.each([
    ['adoption in zurich', 'Zürich', 16 / 22],
    ['ZURICH adoption', 'Zürich', 16 / 22],
    ["what is Zurich's adoption", 'Zürich', 16 / 22],
    ['adoption in ZÜRICH', 'Zürich', 16 / 22],
    ['adoption of koln', 'Köln', 2 / 8],
    ['KOLN adoption', 'Köln', 2 / 8],
    ['adoption of koeln', 'Köln', 2 / 8],
    ['adoption in ha noi', 'Hà Nội', 12 / 18],
    ['HA NOI adoption', 'Hà Nội', 12 / 18],
    ['adoption of cacak', 'Čačak', 3 / 15],
    ['CACAK adoption', 'Čačak', 3 / 15],
  ])('%s is %s', (question, team, rate) => {
    const answer = accented.ask(question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toBe(`Adoption rate for ${team} in 2026-W47 was ${pct(rate)}.`);
  });

  test('case folding: "strasse" and "STRASSE" are Straße', () => {
    for (const question of ['strasse adoption last week', 'STRASSE adoption last week']) {
      expect(accented.ask(question).answer, question).toBe("Straße's adoption rate in 2026-W47 is suppressed (fewer than 2 users).");
    }
  });

  test('a name the data lacks is still refused, with or without accents', () => {
    for (const [question, name] of [['adoption of Bern', 'Bern'], ['adoption of bern', 'bern'], ['adoption of Genève', 'Genève']]) expectRefusedAsName(accented, question, name);
    for (const question of ['adoption of zurich', "what is ZURICH's adoption"]) expect(engine.ask(question).answered, question).toBe(false);
    // first in the question, a name that owns what follows is a name too
    for (const [question, name] of [["Bern's adoption", 'Bern'], ["bern's hours saved", 'bern']]) expectRefusedAsName(accented, question, name);
    // after "in", a lower-case word is no name: "in comparison" is read, "in recent weeks" is a time it cannot read
    // (no name; it was answered as the report week alone)
    for (const question of ['adoption in total', 'adoption in general', 'hours saved in aggregate', 'adoption in comparison', 'Ranking of teams by adoption', 'Departmental adoption']) {
      expect(engine.ask(question).answered, question).toBe(true);
    }
    expect(engine.ask('adoption in recent weeks').answer).toMatch(/^I cannot read the time in "recent weeks", so I will not guess;/);
  });

  test('a time it cannot read whole is refused, not read as the report week or its month', () => {
    for (const [question, time] of [
      ['adoption two weeks ago', '2 weeks ago'],
      ["Legal's adoption 3 weeks ago", '3 weeks ago'],
      ['hours saved in the last week of October', 'last week of october'],
      ['adoption in the first week of November', 'first week of november'],
      ['adoption at the start of November', 'start of november'],
      ['adoption in the past month', 'past month'],
      ['adoption in late October', 'late october'],
      ['adoption in mid-November', 'mid november'],
      ['hours saved in early november', 'early november'],
    ]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toMatch(new RegExp(`^I cannot read the time in "${time}", so I will not guess;`));
    }
    for (const [question, time] of [
      ['adoption for weeks 44 and 45', 'weeks 44'],
      ['adoption three weeks back', '3 weeks back'],
      // a month beside the time read: two times named, one read
      ['adoption in W44 and October', 'october'],
      ['adoption in October and November', 'november'],
      ['hours saved in W46 vs March', 'march'],
    ]) {
      expect(engine.ask(question).answer, question).toMatch(new RegExp(`^I cannot read the time in "${time}"`));
    }
    for (const question of ['adoption in the past week', 'adoption over the past 4 weeks', 'adoption in November', 'adoption since the beginning of November']) {
      expect(engine.ask(question).answered, question).toBe(true);
    }
  });

  test('a word that would change the question and that no rule reads is refused, never dropped', () => {
    for (const [question, words] of [
      ['which teams have adoption above 40% and harm rate above 0', '"above 0"'],
      ['which team has the lowest hours saved per task', '"per task"'],
      ["what's adoption for u006", '"u006"'],
      ['what is the adoption rate of tool version 2.4.0', '"version 2.4.0"'],
      ['what is the average accuracy of AI tasks', '"average"'],
      ['what is the median duration of AI tasks', '"median duration"'],
      ['what will adoption be next week', '"will", "next"'],
      ['how much money did we save', '"money"'],
      // a condition on the team's size beside the measure asked for: not a count of AI users (a different metric)
      ['what is the adoption rate for teams with more than 10 users', '"with more than 10 users"'],
      ['hours saved for teams with more than 2 people', '"with more than 2 people"'],
    ]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toMatch(new RegExp(`^I cannot read ${words.replace(/[.]/g, '\\.')} in this question yet, so I will not guess;`));
      expect(answer.suggestions, question).toHaveLength(3);
    }
    // the tables' own grain, a ranking's number, a comparison read: answered
    expect(engine.ask('what is the average adoption rate').answer).toBe(engine.ask('what is the adoption rate').answer);
    // "AI tasks" names what is measured, "accurate" the measure; "how many AI tasks" still counts them
    expect(engine.ask('how accurate were AI tasks in November').answer).toBe(engine.ask('what was the ASI in November').answer);
    expect(engine.ask('how many AI tasks were there last week').answer).toMatch(/^All teams completed \d+ AI tasks in 2026-W47\.$/);
    for (const question of ['hours saved per week', 'adoption per task type', 'hours saved per team', 'what are the 2 least adopted task types', 'top 3 teams by adoption', 'which teams are above 40% adoption']) {
      expect(engine.ask(question).answered, question).toBe(true);
    }
    expect(engine.ask('what are the 2 least adopted task types').table.rows).toHaveLength(2);
  });

  test('a short name in capitals ("IT", "US") the data lacks is refused, though "it" and "us" are plain words', () => {
    for (const [question, name] of [["what is IT's adoption", 'IT'], ['adoption for IT', 'IT'], ['what is US adoption', 'US']]) expectRefusedAsName(engine, question, name);
    for (const question of ['is it rising?', 'show us adoption by team']) expect(engine.ask(question).answered, question).toBe(true);
  });

  test('a team named with plain words ("IT", "Data") is that team where the question writes it so, not in "is it rising?"', () => {
    const plain = createAskEngine(askFixture({ teamNames: { Finance: 'IT', Procurement: 'Data' } }), config);
    const allTeams = plain.ask('is adoption rising?').answer;
    expect(allTeams).toMatch(/adoption rate for all teams went from/);
    expect(plain.ask('is it rising?').answer).toBe(allTeams);
    expect(plain.ask('were there any data gaps').answer).toBe(plain.ask('were there any gaps in the data').answer);
    expect(plain.ask('were there any data gaps').answer).not.toMatch(/\bData\b/);
    // written as the data spells it, or before "team": the team
    for (const [question, team] of [["what is IT's adoption", 'IT'], ['adoption of the it team', 'IT'], ['Data adoption last week', 'Data']]) {
      expect(plain.ask(question).answer, question).toMatch(new RegExp(`^Adoption rate for ${team} in 2026-W47 was`));
    }
    expect(plain.ask('how is Data doing').answer).toMatch(/^Data in 2026-W47: adoption /);
  });

  test('a name with a number in it ("W-2 Processing") is that name, not a week', () => {
    const forms = createAskEngine(askFixture({ teamNames: { Finance: 'W-2 Processing' } }), config);
    expect(forms.ask('adoption for W-2 Processing').answer).toBe(engine.ask('adoption for Finance').answer.replace('Finance', 'W-2 Processing'));
    expect(forms.ask('adoption for W-2 Processing in W45').answer).toMatch(/^Adoption rate for W-2 Processing in 2026-W45 was/);
  });

  test('a name left out ("except Finance") is refused, not answered for that name', () => {
    for (const [question, word] of [['adoption except Finance', 'except'], ['adoption excluding Legal', 'excluding'], ['adoption for everyone but Finance', 'but'], ['adoption of non-Finance teams', 'non']]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toBe(`I cannot leave a team or task type out ("${word}") yet, so I will not guess; ask for all teams ("adoption by team") or name the ones you want.`);
    }
    for (const [question, word] of [['adoption without Legal', 'without'], ['adoption not counting Legal', 'not counting'], ['adoption leaving out Legal', 'leaving out'], ['adoption ignoring Finance', 'ignoring']]) {
      expect(engine.ask(question).answer, question).toContain(`out ("${word}") yet`);
    }
    // no name left out: read as before
    for (const question of ['adoption besides hours saved', 'adoption rate for non manual tasks', 'which users are without an AI task']) {
      expect(engine.ask(question).answer, question).not.toContain('I cannot leave');
    }
  });

  test('two names the same without accents: refused naming both, unless the question spells one as the data does', () => {
    const twins = createAskEngine(askFixture({ teamNames: { Finance: 'Zürich', Procurement: 'Zurich' } }), config);
    for (const [question, asked] of [['adoption in zurich', 'zurich'], ['ZURICH adoption', 'ZURICH']]) {
      const answer = twins.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer).toBe(`"${asked}" could be the team Zurich or the team Zürich, so I will not guess; write the name as the data spells it.`);
      expect(answer.interpretation).toBe(`adoption rate, but "${asked}" could be the team Zurich or the team Zürich`);
      expect(answer.suggestions).toHaveLength(3);
    }
    // the umlaut spelled out is the one with it; a typo goes to the name whose accents it keeps
    for (const [question, team, rate] of [
      ['adoption in Zürich', 'Zürich', 16 / 22], ['adoption in zürich', 'Zürich', 16 / 22], ['adoption in Zurich', 'Zurich', 2 / 8],
      ['adoption in zuerich', 'Zürich', 16 / 22], ['adoption in ZUERICH', 'Zürich', 16 / 22], ['adoption in Zürch', 'Zürich', 16 / 22], ['adoption in Zurch', 'Zurich', 2 / 8],
    ] as const) {
      expect(twins.ask(question).answer, question).toBe(`Adoption rate for ${team} in 2026-W47 was ${pct(rate)}.`);
    }
  });
});

describe('unanswerable questions', () => {
  test('get the 3 closest example questions, never a guess', () => {
    const answer = engine.ask('what is the weather in Paris');
    expect(answer.answered).toBe(false);
    expect(answer.table.rows).toEqual([]);
    expect(answer.suggestions).toHaveLength(3);
    for (const suggestion of answer.suggestions) expect(engine.examples()).toContain(suggestion);
  });

  test('suggestions follow the words of the question', () => {
    const answer = engine.ask('how do the teams feel about copilot');
    expect(answer.answered).toBe(false);
    expect(answer.suggestions).toEqual(['which teams fell more than 5 points since W40', 'adoption by team', 'top 3 teams by adoption']);
    // A typo of a metric is not unanswerable
    expect(ask('powr usrs?').answer).toContain('f1 (10 AI tasks)');
  });

  test('a name the data does not have is not guessed at', () => {
    const answer = engine.ask('what is the adoption of Marketing last week');
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe(
      'The data has no team or task type called "Marketing", so I will not guess. Teams: Finance, Legal, Procurement, Sales Ops, Tiny. Task types: budget_reconciliation, contract_review, invoice_matching.',
    );
    expect(answer.suggestions).toHaveLength(3);
    expect(engine.ask('adoption of marketing').answer).toMatch(/^The data has no team or task type called "marketing"/);
    expect(engine.ask('how many hours did xyzzy save').answered).toBe(false);
    // one word of a name of several, that no other name has, is that name (not "saves", a typo of a metric)
    for (const question of ["what is Sales's adoption", 'adoption of sales']) {
      const partial = engine.ask(question);
      expect(partial.answered, question).toBe(true);
      expect(partial.answer, question).toMatch(/^Adoption rate for Sales Ops in 2026-W47 was /);
    }
    // a name in another script or with accents is a name too, never read as "all teams"
    for (const name of ['Zürich', 'Köln', '東京', 'Équipe']) expectRefusedAsName(engine, `what is ${name}'s adoption`, name);
    expect(ask('adoption of the whole company').table.rows[0][0]).toBe('*');
  });

  test('a time it cannot read is refused, not ignored', () => {
    for (const question of ['adoption yesterday', 'hours saved in Q3', 'adoption in 2025', 'hours saved this year']) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toMatch(/^I cannot read the time in "(yesterday|q3|2025|year)", so I will not guess;/);
    }
    expect(ask('hours in oct 2026').weeks).toEqual(OCTOBER);
  });

  test('a top N whose last place is tied shows every team holding it and says so, never cut by the alphabet', () => {
    // every fixture team has 3 licensed users ("Finance (3), Legal (3)" alone left Procurement and Sales Ops out unsaid)
    expect(ask('top 2 teams by licensed users').answer).toBe(
      `The 2 teams with the most licensed users in 2026-W47: Finance (3), Legal (3), Procurement (3), Sales Ops (3) (4 teams tie for first, so 4 are shown).${SUPPRESSED_NOTE}`,
    );
    const abandoned = ask('bottom 2 teams by abandoned tasks');
    expect(abandoned.answer).toBe(
      `The 2 teams with the fewest abandoned AI tasks in 2026-W47: Finance (0), Legal (0), Sales Ops (0) (Finance, Legal and Sales Ops tie for first, so 3 are shown).${SUPPRESSED_NOTE}`,
    );
    expect(abandoned.table.rows.map((row) => row[0])).toEqual(['Finance', 'Legal', 'Sales Ops']);
    // no tie at the cut: the top N as before
    expect(ask('top 2 teams by adoption').answer).toMatch(/^The 2 teams with the highest adoption rate in 2026-W47: Finance \(72\.7 %\), Sales Ops \(66\.7 %\)\.( |$)/);
  });

  test('"average tasks per week" is the weeks\' total over the number of weeks in range, said so', () => {
    const trend = (team: string) => tables.adoption_trend.filter((row) => row.team === team);
    const total = (rows: Row[], columns: string[]) => rows.reduce((sum, row) => sum + columns.reduce((part, column) => part + (row[column] as number), 0), 0);
    const everyone = total(trend('*'), ['ai_tasks', 'manual_tasks']);
    const average = ask('average tasks per week');
    expect(average.answer).toBe(`Tasks (AI and manual) for all teams from 2026-W40 to 2026-W47: ${(everyone / 8).toFixed(1)} a week on average (the total of ${everyone} over 8 weeks, a week without any counted as 0).`);
    expect(average.interpretation).toBe('tasks (AI and manual) for all teams, 2026-W40 to 2026-W47, the mean of the weekly totals');
    expect(average.table.rows.map((row) => row[1])).toEqual(trend('*').map((row) => (row.ai_tasks as number) + (row.manual_tasks as number)));
    // one team, a month's weeks
    const financeOctober = total(trend('Finance').filter((row) => OCTOBER.includes(row.week as string)), ['ai_tasks']);
    expect(ask('mean AI tasks a week for Finance in October').answer).toBe(
      `AI tasks for Finance in 2026-10 (weeks 2026-W40 to 2026-W44): ${(financeOctober / 5).toFixed(1).replace(/\.0$/, '')} a week on average (the total of ${financeOctober} over 5 weeks, a week without any counted as 0).`,
    );
    // several groups at once are refused, and an average of something else stays unread
    expect(engine.ask('average tasks per week by team').answered).toBe(false);
    expect(engine.ask('average tasks').answer).toMatch(/^I cannot read "average" in this question yet/);
    expect(engine.ask('average accuracy per week').answered).toBe(false);
  });

  test('a top N of power users whose last place is tied shows every user holding it', () => {
    // at the 50th percentile (2 AI tasks a week) f1 has 10 AI tasks in W47, s1, s2 and s3 4 each, f2 and f3 3
    const wide = createAskEngine(data, askConfig({ metrics: { powerUserPercentile: 0.5 } }));
    const topTwo = wide.ask('top 2 users by AI tasks');
    expect(topTwo.answer).toBe('The 2 users with the most AI tasks in 2026-W47: f1 (10), s1 (4), s2 (4), s3 (4) (s1, s2 and s3 tie for second, so 4 are shown).');
    expect(topTwo.table.rows.map((row) => row[1])).toEqual(['f1', 's1', 's2', 's3']);
    expect(wide.ask('top 4 users by AI tasks').answer).toBe('The 4 users with the most AI tasks in 2026-W47: f1 (10), s1 (4), s2 (4), s3 (4).');
  });

  test('a time named by an event, or asked with "when", is refused and named, not answered as the report week', () => {
    const times: Array<[string, string]> = [
      ['how did Legal do before the drop', 'before the drop'],
      ['adoption after the launch', 'after the launch'],
      ['hours saved since the reorg', 'since the reorg'],
      ['adoption for Finance during the outage', 'during the outage'],
      ['adoption in Legal before and after the drop', 'before and after the drop'],
      ['when did adoption drop', 'when'],
    ];
    for (const [question, phrase] of times) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toMatch(new RegExp(`^I cannot read the time in "${phrase}", so I will not guess; name a week`));
    }
    // the words of an event or, in a summary, of a change, are named
    for (const [question, word] of [['how did Legal do in the dip', 'dip'], ['how is Legal doing at the peak', 'peak'], ['adoption in the pilot', 'pilot']]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toMatch(new RegExp(`^I cannot read "${word}" in this question yet, so I will not guess;`));
    }
    expect(engine.ask('adoption among managers').answer).toMatch(/^The data has no team or task type called "managers"/);
    // the bounds the time rules read, and "how long before", still answer
    expect(ask('adoption before W45').weeks).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(ask('how did Legal do').answer).toMatch(/^Legal in 2026-W47: adoption /);
    expect(ask('how long before people start using it').interpretation).toMatch(/^median days from licence to first AI task/);
  });

  test('teams crossed with task types are refused, not answered for one of them', () => {
    const answer = engine.ask('which task types in Finance have adoption below 50%');
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe('The tables do not break teams down by task type (or task types by team); ask about the team or the task type on its own.');
  });

  test('a metric the tables do not break down that way is not guessed either', () => {
    const answer = engine.ask('user adoption by task type');
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe('The tables have no user adoption rate by task type; it is available overall, by team.');
    expect(answer.suggestions).toHaveLength(3);
  });

  test('a breakdown ("per task type", "by user", "by team") is given or refused, never dropped for everyone', () => {
    // ("how many users per task type" was answered with all teams' AI users)
    for (const question of ['how many users per task type', 'how many users by task type', 'how many people for each task type']) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toBe('The tables have no users with an AI task by task type; it is available overall, by team.');
    }
    const refusals: Array<[string, string]> = [
      ['adoption by user', 'adoption rate broken down "by user"'],
      ['power users by team', 'power users broken down "by team"'],
      ['how is Legal doing by task type', 'headline numbers broken down "by task type"'],
      ['alerts per task type', 'alerts broken down "per task type"'],
      ['blind spots for every team', 'logging blind spots broken down "for every team"'],
      ['adoption by team for each task type', 'adoption rate broken down "each task type"'],
    ];
    for (const [question, what] of refusals) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.answer, question).toBe(`I cannot give ${what} yet, so I will not answer for everyone instead. Questions close to it that I can answer are listed below.`);
      expect(answer.suggestions, question).toHaveLength(3);
    }
    // the manual baselines are per task type: by team, or for a team, is refused, not answered with every task type
    for (const question of ['manual baseline by team', 'which team takes longest manually', 'manual baseline for Finance']) {
      expect(engine.ask(question).answer, question).toBe('The tables have no manual baseline by team; it is available by task type.');
    }
    // the breakdowns the tables hold are given: users per team, licensed users by team (also with "licenced" read as a typo)
    const perTeam = ask('how many users per team');
    expect(perTeam.table.columns).toEqual(['team', 'ai_users', 'licensed_users']);
    expect(perTeam.table.rows.map((row) => row[0]).sort()).toEqual(['Finance', 'Legal', 'Procurement', 'Sales Ops']);
    for (const question of ['licensed users by team', 'licenced users by team']) {
      const rows = ask(question).table.rows.map((row) => [row[0], row[1]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(rows, question).toEqual(teamRows(tables.adoption_by_team).map((row) => [row.team, row.licensed_users]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    }
    expect(ask('alerts by team').interpretation).toBe('alerts, 2026-W47');
    // "by" before a measure's own words is no breakdown: "by user adoption" ranks by the user adoption rate
    expect(ask('top 2 teams by user adoption').interpretation).toBe('user adoption rate by team, 2026-W47, highest first, top 2');
  });
});

describe('more ways to ask', () => {
  pattern('underperform', '"under-perform" compares with the all-teams value of the same period', () => {
    const november = tables.accuracy_stability.filter((row) => row.month === '2026-11');
    const overall = all(november).asi as number;
    const expected = teamRows(november).filter((row) => (row.asi as number) < overall).sort((a, b) => (a.asi as number) - (b.asi as number));
    const answer = ask('which teams under-perform on accuracy');
    expect(answer.table.rows.map((row) => row[0])).toEqual(expected.map((row) => row.team));
    expect(answer.answer).toBe(
      `${expected.length} teams had accuracy stability (ASI) below the all-teams value (${pct(overall)}) in 2026-11: ${expected.map((row) => `${row.team} (${pct(row.asi)})`).join(', ')}.${SUPPRESSED_NOTE}`,
    );
    // Lower is better for harm: under-performing means above everyone's rate
    const legal = tables.harm.find((row) => row.team === 'Legal')!;
    expect([legal.harmful, legal.ai_tasks, all(tables.harm).harmful]).toEqual([1, 3, 1]);
    expect(ask('which teams under-perform on harm last week').table.rows.map((row) => row[0])).toEqual(['Legal']);
  });

  pattern('yes-no', 'a yes/no question about one team', () => {
    expect(ask('is Finance adoption above 70%').answer).toBe(`Yes: adoption rate for Finance in 2026-W47 was ${pct(16 / 22)}.`);
    expect(ask('did Procurement drop more than 40 points last week').answer).toBe('No: adoption for Procurement changed by -35.0 pts in 2026-W47 (60.0 % -> 25.0 %).');
  });

  pattern('compare', 'two named teams are compared in one sentence', () => {
    const rate = (team: string) => pct(tables.adoption_by_team.find((row) => row.team === team)!.adoption_rate);
    expect(ask('compare Finance and Legal adoption').answer).toBe(`Adoption rate in 2026-W47: Finance ${rate('Finance')}, Legal ${rate('Legal')}.`);
  });

  pattern('trend-default', '"trend" without a time runs from the first week; "in total" is the running sum', () => {
    const trend = ask('usage trend');
    expect(trend.weeks).toEqual(tables.adoption_trend.filter((row) => row.team === '*').map((row) => row.week));
    const cumulative = tables.time_saved.find((row) => row.team === '*' && row.week === '2026-W47')!.cumulative_hours_saved;
    expect(ask('how many hours did we save in total').table.rows[0][1]).toBe(cumulative);
    // "in total" over weeks named: the hours of those weeks, not the running total from the first week
    const since = tables.time_saved.filter((row) => row.team === '*' && row.week >= '2026-W45').reduce((total, row) => total + (row.hours_saved as number), 0);
    const answer = ask('how many hours did we save in total since W45');
    expect(answer.answer).toMatch(new RegExp(`^All teams saved ${since.toFixed(1)} h from 2026-W45 to 2026-W47;`));
    expect(since).toBeLessThan(cumulative);
  });
});

describe('users within a team', () => {
  pattern('users-in-team', '"which users in Finance have coverage below 100%" lists only Finance users', () => {
    const answer = ask('which users in Finance have coverage below 100%');
    const expected = tables.logging_coverage.filter((row) => row.team === 'Finance' && (row.coverage as number) < 1);
    expect(answer.table.rows.map((row) => row[0])).toEqual(expected.map((row) => row.user_id));
    expect(expected.map((row) => row.user_id)).toEqual(['f3']);
    const legal = ask('which users in Legal have coverage below 100%');
    expect(legal.answer).toBe('No user had logging coverage below 100 % in 2026-10.');
  });
});

describe('privacy', () => {
  test('a suppressed team is never listed, and asked by name it is reported as suppressed', () => {
    for (const question of ['adoption by team', 'which teams have adoption above 1 %', 'top 10 teams by hours saved', 'which teams are below 100% accuracy stability']) {
      const answer = ask(question);
      expect(answer.answer, question).not.toContain('Tiny');
      expect(JSON.stringify(answer.table), question).not.toContain('Tiny');
      expect(answer.answer, question).toContain('suppressed (fewer than 2 users)');
    }
    const tiny = ask('Tiny adoption last week');
    expect(tiny.answer).toBe("Tiny's adoption rate in 2026-W47 is suppressed (fewer than 2 users).");
    expect(tiny.table.rows).toEqual([]);
  });

  test('gaps of a suppressed team are counted, not named', () => {
    // Solo (one user) logs 6 AI tasks every weekday but Wednesday 2026-11-18; Big has two users
    const tasks: TaskSpec[] = [];
    for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16']) {
      for (let day = 0; day < 5; day += 1) {
        const date = new Date(Date.parse(`${monday}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
        if (date !== '2026-11-18') for (let index = 0; index < 6; index += 1) tasks.push({ user_id: 'solo', team: 'Solo', started_at: `${date}T0${index}:00:00Z`, accuracy: 0.95 });
        for (const user of ['b1', 'b2']) tasks.push({ user_id: user, team: 'Big', started_at: `${date}T10:00:00Z`, accuracy: 0.95 });
      }
    }
    const gapData = makeCleanedData({ tasks, loadedDates: { first: '2026-11-02', last: '2026-11-22' } });
    const open = computeMetrics(gapData, askConfig({ privacy: { minGroupSize: 0 } }), 'latest');
    expect(open.tables.gaps.map((row) => [row.team, row.date, row.source])).toEqual([['Solo', '2026-11-18', 'ai_logs']]);
    const guarded = createAskEngine(gapData, askConfig()).ask('were there any data gaps last week');
    expect(guarded.answer).toBe('No data gaps in 2026-W47. 1 gap of suppressed teams (fewer than 2 users) not shown.');
    expect(JSON.stringify(guarded)).not.toContain('Solo');
    expect(createAskEngine(gapData, askConfig({ privacy: { minGroupSize: 0 } })).ask('were there any data gaps last week').answer).toBe(
      '1 data gap in 2026-W47: Solo had no AI tasks on 2026-11-18.',
    );
  });

  test('alerts of a task type are those of its task_type_drop (team "*"), not every alert of the week', () => {
    // Finance (a, b): invoice_matching 3 AI of 4 tasks in W46, 1 of 4 in W47 (-50 pts); email_triage 2 of 4 both weeks
    const tasks: TaskSpec[] = [];
    for (const [monday, invoiceAi] of [['2026-11-09', 3], ['2026-11-16', 1]] as const) {
      for (let index = 0; index < 4; index += 1) {
        const user = index % 2 === 0 ? 'a' : 'b';
        tasks.push({ user_id: user, team: 'Finance', task_type: 'invoice_matching', started_at: `${monday}T1${index}:00:00Z`, source: index < invoiceAi ? 'ai_logs' : 'manual_logs' });
        tasks.push({ user_id: user, team: 'Finance', task_type: 'email_triage', started_at: `${monday}T0${index}:00:00Z`, source: index < 2 ? 'ai_logs' : 'manual_logs' });
      }
    }
    const dropping = createAskEngine(makeCleanedData({ tasks, loadedDates: { first: '2026-11-09', last: '2026-11-22' } }), askConfig({ privacy: { minGroupSize: 0 } }));
    expect(dropping.ask('what alerts fired last week').table.rows.map((row) => [row[2], row[3], row[4]])).toEqual([
      ['adoption_drop', 'Finance', null], // 5 of 8 -> 3 of 8
      ['task_type_drop', '*', 'invoice_matching'],
    ]);
    const answer = dropping.ask('any red flags for invoice matching?');
    expect(answer.answer).toBe('1 alert for invoice_matching in 2026-W47 (1 medium): All teams: adoption of the task type invoice matching fell 50.0 points from 2026-W46 to 2026-W47 (75.0 % → 25.0 %).');
    expect(answer.table.columns).toEqual(['week', 'severity', 'rule', 'team', 'task_type', 'message']);
    expect(answer.table.rows.map((row) => row.slice(0, 5))).toEqual([['2026-W47', 'medium', 'task_type_drop', '*', 'invoice_matching']]);
    expect(dropping.ask('what alerts fired for email triage').answer).toBe('No alerts for email_triage in 2026-W47.');
    expect(dropping.ask('alerts for Finance').table.rows.map((row) => row[2])).toEqual(['adoption_drop']);
  });

  test('pseudonymised user ids are what answers show', () => {
    const pseudonymous = askConfig({ privacy: { pseudonymize: true, pseudonymSalt: 'ask-test' } });
    const other = createAskEngine(data, pseudonymous);
    const flagged = computeMetrics(data, pseudonymous, 'latest').tables.logging_coverage.filter((row) => row.flagged);
    const answer = other.ask('which users are logging blind spots');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].user_id).not.toBe('f3');
    expect(answer.table.rows.map((row) => row[1])).toEqual([flagged[0].user_id]);
    expect(answer.answer).toContain(`${flagged[0].user_id} (50.0 %)`);
    expect(JSON.stringify(answer)).not.toMatch(/\bf3\b/);
    expect(JSON.stringify(other.ask('who are the power users last week'))).not.toMatch(/\bf1\b/);
  });
});

describe('uptake ask about people on the fixture', () => {
  pattern('idle-seats-team', 'idle seats of one team, with its licensed seats and idle share', () => {
    const row = tables.idle_seats.find((entry) => entry.team === 'Finance')!;
    const answer = ask('how many idle seats does Finance have');
    expect(answer.answer).toBe(`Idle seats for Finance in 2026-W47 were ${String(row.idle_seats)}.`);
    expect(answer.table.rows).toEqual([['Finance', row.idle_seats, row.licensed_users, row.idle_share]]);
  });

  pattern('new-users', 'licensed users whose first AI task was in the week', () => {
    const row = tables.activation.find((entry) => entry.grain === 'week' && entry.period === '2026-W47' && entry.team === '*')!;
    expect(ask('how many new users last week').table.rows).toEqual([['*', row.new_ai_users, row.licensed_users]]);
  });

  pattern('retention', 'the latest cohort with a known month after it', () => {
    const cohort = tables.retention.filter((entry) => entry.team === '*' && typeof entry.retained_m1 === 'number').pop()!;
    const answer = ask('are new users sticking with it');
    expect(answer.answer).toContain(`in ${String(cohort.month)} was ${pct(cohort.retained_m1)}`);
  });
});

describe('documentation', () => {
  test('every documented pattern is covered by a case above, and its example answers', () => {
    expect(ASK_PATTERNS.length).toBeGreaterThanOrEqual(30);
    expect(ASK_PATTERNS.map((entry) => entry.id).filter((id) => !covered.has(id))).toEqual([]);
    for (const example of engine.examples()) expect(engine.ask(example).answered, example).toBe(true);
  });
});

describe('a comparison with a period that holds no data', () => {
  test('says in words that there is nothing to compare, never "against —"', () => {
    const first = createAskEngine(data, config, { week: '2026-W40' });
    const answer = first.ask('adoption vs last week').answer;
    expect(answer).toMatch(/^Adoption rate for all teams: \d+\.\d % in 2026-W40, with no adoption rate in 2026-W39 to compare \(no data\)\.$/);
    expect(answer).not.toContain('—');
  });
});

describe('counts and values over several weeks, answered as what they measure', () => {
  test('"how many tasks were abandoned" counts the abandoned AI tasks, and the abandonment rate shows its numerator and denominator', () => {
    // W47: only p1's one AI task (Procurement) ends abandoned, out of 3 Procurement AI tasks and 36 of any status overall
    const count = ask('how many tasks were abandoned last week');
    expect(count.interpretation).toBe('abandoned AI tasks for all teams, 2026-W47');
    expect(count.answer).toBe('All teams had 1 abandoned AI task in 2026-W47 (2.8 % of 36 AI tasks of any status).');
    expect(count.table.rows).toEqual([['*', 1, 36]]);
    expect(ask('how many tasks did Procurement abandon in W47').answer).toBe('Procurement had 1 abandoned AI task in 2026-W47 (33.3 % of 3 AI tasks of any status).');
    const rate = ask('what is the abandonment rate for Procurement');
    expect(rate.table.columns).toEqual(['team', 'abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status']);
    expect(rate.table.rows).toEqual([['Procurement', 1 / 3, 1, 3]]);
    // over several weeks the rate is pooled (1 of the 4 weeks' 126 AI tasks), not the mean of the weekly rates (0.7 %)
    const pooled = ask('what was the abandonment rate over the last 4 weeks');
    expect(pooled.answer).toMatch(/^Abandonment rate for all teams from 2026-W44 to 2026-W47 was 0\.8 % taken together;/);
  });

  test('"how many harmful tasks by team" lists the count per team: "tasks" names what is counted, "by team" the grouping', () => {
    // W47 harmful: Legal's l1 has 1 (of Legal's 3 AI tasks); abandoned: Procurement's p1 has 1 (of 3 of any status)
    const harmful = ask('how many harmful tasks by team');
    expect(harmful.interpretation).toBe('harmful AI tasks by team, 2026-W47');
    expect(harmful.table.columns).toEqual(['team', 'harmful_tasks', 'ai_tasks']);
    expect(harmful.table.rows.find((row) => row[0] === 'Legal')).toEqual(['Legal', 1, 3]);
    expect(harmful.table.rows.map((row) => row[0]).sort()).toEqual(['Finance', 'Legal', 'Procurement', 'Sales Ops']);
    const abandoned = ask('how many tasks were abandoned per team');
    expect(abandoned.interpretation).toBe('abandoned AI tasks by team, 2026-W47');
    expect(abandoned.table.rows.find((row) => row[0] === 'Procurement')).toEqual(['Procurement', 1, 3]);
    expect(ask('how many abandoned tasks by task type').interpretation).toBe('abandoned AI tasks by task type, 2026-W47');
    // without a grouping the count is everyone's, as before
    expect(ask('how many harmful tasks were there last week').interpretation).toBe('harmful AI tasks for all teams, 2026-W47');
  });

  test('a tie at the top or the bottom names every team holding it, not the first of them in name order', () => {
    // W47 harmful: Legal 1; Finance, Procurement and Sales Ops 0 each
    expect(ask('how many harmful tasks by team').answer).toMatch(/^Harmful AI tasks by team in 2026-W47: highest Legal \(1\), lowest Finance, Procurement and Sales Ops \(0 each\) \(4 teams\)\./);
    const lowest = ask('which team has the lowest harm rate');
    expect(lowest.answer).toMatch(/^Finance, Procurement and Sales Ops tied for the lowest harm rate in 2026-W47: 0\.0 % each\./);
    expect(lowest.table.rows.map((row) => row[0])).toEqual(['Finance', 'Procurement', 'Sales Ops']);
    // no tie: one team, as before
    expect(ask('which team has the highest harm rate').answer).toMatch(/^Legal had the highest harm rate in 2026-W47: /);
  });

  test('"which week had the highest adoption" ranks the weeks (not the teams of the report week)', () => {
    // all teams: W40..W43 26 / 54 (48.1 %), W44..W46 29 / 57 (50.9 %), W47 35 / 66 (53.0 %); Procurement W47 2 / 8 (25.0 %)
    const best = ask('which week had the highest adoption');
    expect(best.answer).toBe('2026-W47 had the highest adoption rate for all teams of the 8 weeks 2026-W40 to 2026-W47: 53.0 %.');
    expect(best.interpretation).toBe('adoption rate for all teams, 2026-W40 to 2026-W47, weeks ranked, highest first');
    expect(best.table.columns).toEqual(['week', 'adoption_rate', 'ai_tasks', 'manual_tasks']);
    expect(best.table.rows).toEqual([['2026-W47', 35 / 66, 35, 31]]);
    expect(ask('which week had the lowest adoption for Procurement').answer).toBe('2026-W47 had the lowest adoption rate for Procurement of the 8 weeks 2026-W40 to 2026-W47: 25.0 %.');
    // (W44, W45 and W46 tie at 50.9 %: all three are shown and the tie said, not W44 alone by the alphabet)
    const topTwo = ask('what were the top 2 weeks for adoption');
    expect(topTwo.table.rows.map((row) => row[0])).toEqual(['2026-W47', '2026-W44', '2026-W45', '2026-W46']);
    expect(topTwo.answer).toBe(
      'The 2 weeks with the highest adoption rate for all teams of the 8 weeks 2026-W40 to 2026-W47: 2026-W47 (53.0 %), 2026-W44 (50.9 %), 2026-W45 (50.9 %), 2026-W46 (50.9 %) (2026-W44, 2026-W45 and 2026-W46 tie for second, so 4 are shown).',
    );
    expect(ask('which week had the fewest harmful tasks for Finance').answer).toMatch(/^2026-W40, 2026-W41, .* and 2026-W47 tied for the fewest harmful AI tasks for Finance of the 8 weeks 2026-W40 to 2026-W47: 0 each\.$/);
    // a threshold over the weeks: those past it, highest first
    const above = ask('which weeks had adoption above 50%');
    expect(above.answer).toBe('4 weeks of the 8 weeks 2026-W40 to 2026-W47 had adoption rate for all teams above 50.0 %: 2026-W47 (53.0 %), 2026-W44 (50.9 %), 2026-W45 (50.9 %), 2026-W46 (50.9 %).');
    // the teams of one week are still ranked when asked for
    expect(ask('which team has the highest adoption').answer).toMatch(/^Finance had the highest adoption rate in 2026-W47: 72\.7 %\./);
  });

  test('user adoption over several weeks says it is the mean of the weekly rates, not a rate taken together', () => {
    // weekly user adoption W44..W47: 100%, 100%, 100%, 92.3 % (12 of 13 licensed users in W47); mean 98.1 %
    const weekly = ['2026-W44', '2026-W45', '2026-W46', '2026-W47'].map((week) => all(documentOf(week).tables.adoption_by_team).user_adoption_rate as number);
    expect(weekly.map(pct)).toEqual(['100.0 %', '100.0 %', '100.0 %', '92.3 %']);
    const range = ask('what was user adoption over the last 4 weeks');
    expect(range.answer).toBe('User adoption rate for all teams from 2026-W44 to 2026-W47 was 98.1 % a week on average; per week it went from 100.0 % in 2026-W44 to 92.3 % in 2026-W47 (-7.7 pts).');
    expect(range.interpretation).toBe('user adoption rate for all teams, 2026-W44 to 2026-W47, the mean of the weekly values, and per week');
    const month = ask('user adoption in October');
    expect(month.answer).toBe('User adoption rate for all teams in 2026-10 (weeks 2026-W40 to 2026-W44) was 100.0 % a week on average.');
    expect(month.interpretation).toBe('user adoption rate for all teams, 2026-W40 to 2026-W44, the mean of the weekly values');
    expect(ask('user adoption by team in October').interpretation).toBe('user adoption rate by team, 2026-W40 to 2026-W44, the mean of the weekly values');
    // pooled measures still say so
    expect(ask('adoption in October').interpretation).toBe('adoption rate for all teams, 2026-W40 to 2026-W44, taken together');
  });
});

describe('uptake ask for a report week that ends in the next month (2026-W44: 26 October to 1 November)', () => {
  const w44 = createAskEngine(data, config, { week: '2026-W44' });

  test('"versus last month" over weekly numbers takes the month holding the report week (its Thursday\'s), not the one its Sunday reaches', () => {
    const answer = w44.ask('hours saved versus last month');
    expect(answer.answer).toBe('Hours saved for all teams: 89.2 h in 2026-10 (weeks 2026-W40 to 2026-W44), with no hours saved in 2026-09 to compare (no data).');
    expect(answer.weeks).toEqual(OCTOBER);
  });

  test('a month-grain measure keeps the report\'s last month (the Sunday\'s), as the report quotes it', () => {
    expect(w44.ask('ASI vs last month').answer).toBe('Accuracy stability (ASI) for all teams: 65.6 % in 2026-11 against 55.1 % in 2026-10 (+10.5 pts).');
  });
});
