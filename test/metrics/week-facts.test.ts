import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import type { CleanedData } from '../../src/clean/types.js';
import { columnCodes } from '../../src/columns/index.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { Config } from '../../src/config/schema.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { writeDataset } from '../../src/generate/write-dataset.js';
import { computeMetrics, computeMetricsFrom } from '../../src/metrics/compute-metrics.js';
import { enrichTasks } from '../../src/metrics/enrich-tasks.js';
import { baselinesFromFacts, manualBaselines } from '../../src/metrics/hours-saved.js';
import type { Row, WeekFacts } from '../../src/metrics/kpi.js';
import { resolveWeek } from '../../src/metrics/resolve-week.js';
import { concatFacts, reportWindow, weekFacts, windowTasks } from '../../src/metrics/week-facts.js';
import { makeCleanedData } from './make-cleaned-data.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// Each table's rows in one canonical order: facts are compared as multisets of rows.
function canonical(facts: WeekFacts): Record<string, string[]> {
  return Object.fromEntries(Object.entries(facts).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(row)).sort()]));
}

// What a store keeps: each week's facts computed from that week's cleaned tasks alone, through JSON.
function factsWeekByWeek(data: CleanedData, config: Config): { weeks: string[]; facts: WeekFacts[] } {
  const enriched = enrichTasks(data.tasks, config);
  const weeks = [...new Set(columnCodes(enriched, 'week').values as string[])].sort();
  const facts = weeks.map((week) => JSON.parse(JSON.stringify(weekFacts(windowTasks(enriched, data.tasks, [week]), config))) as WeekFacts);
  return { weeks, facts };
}

function expectFactsOfWeeksAddUp(data: CleanedData, config: Config): void {
  const { weeks, facts } = factsWeekByWeek(data, config);
  expect(weeks.length).toBeGreaterThanOrEqual(5);
  const whole = weekFacts(data.tasks, config);
  expect(Object.keys(whole).sort()).toEqual(
    [
      'abandonment_weeks',
      'adoption_weeks',
      'adoption_weeks_by_key',
      'ai_tasks_per_user_week',
      'asi_months',
      'manual_durations',
      'people_user_months',
      'people_user_weeks',
      'task_periods',
      'tasks_per_day',
      'timed_ai_tasks',
      'user_weighted_weeks',
      'users_per_month_team',
      'users_per_week_team',
    ].sort(),
  );
  for (const [table, rows] of Object.entries(whole)) {
    expect(rows.length, table).toBeGreaterThan(0);
    for (const row of rows) expect(weeks, table).toContain(row.week);
  }
  // facts(A ∪ B) = facts(A) ++ facts(B), whatever order the weeks come in
  expect(canonical(concatFacts(facts))).toEqual(canonical(whole));
  expect(canonical(concatFacts([...facts].reverse()))).toEqual(canonical(whole));
  // each week's facts hold that week only
  facts.forEach((part, index) => {
    for (const rows of Object.values(part)) for (const row of rows as Row[]) expect(row.week).toBe(weeks[index]);
  });
}

// computeMetricsFrom(stored facts of every week, the window's tasks only, the baselines) = computeMetrics(all data),
// and = computeMetricsFrom with every task as the window: the window holds every task a KPI reads.
function expectSameDocuments(data: CleanedData, config: Config): void {
  const { weeks, facts } = factsWeekByWeek(data, config);
  const stored = concatFacts([...facts].reverse());
  const enriched = enrichTasks(data.tasks, config);
  for (const week of [weeks[0], weeks[Math.floor(weeks.length / 2)], weeks[weeks.length - 1]]) {
    const report = resolveWeek(data, config, week);
    const window = windowTasks(enriched, data.tasks, reportWindow(report, config));
    expect(window.numRows()).toBeLessThan(data.tasks.numRows());
    const baselines = manualBaselines(enriched, report);
    // the baselines from the weeks' duration counts: the same medians, to the last bit
    expect(baselinesFromFacts(stored, report), week).toEqual(baselines);
    expect(baselines.length, week).toBeGreaterThan(2);
    const fromFacts = JSON.stringify(computeMetricsFrom({ facts: stored, window, baselines, data }, config, report));
    expect(fromFacts, week).toBe(JSON.stringify(computeMetrics(data, config, report)));
    expect(fromFacts, week).toBe(JSON.stringify(computeMetricsFrom({ facts: stored, window: data.tasks, baselines, data }, config, report)));
  }
}

describe('per-week facts on data/sample', async () => {
  const config = parseConfig({});
  const data = await cleanInput('data/sample', config);

  it('of each week alone, concatenated, equal the facts of every week at once', () => {
    expectFactsOfWeeksAddUp(data, config);
  });

  it('give the same metrics document as all tasks, for the first, a middle and the last week', () => {
    expectSameDocuments(data, config);
  });
});

describe('per-week facts on a generated set (seed 5, a zone west of UTC)', async () => {
  const dataset = generateDataset({ seed: 5, users: 40, weeks: 7, endWeek: '2026-W47' });
  const folder = mkdtempSync(join(tmpdir(), 'uptake-facts-'));
  folders.push(folder);
  await writeDataset(join(folder, 'input'), dataset);
  const config = parseConfig({ timezone: 'America/New_York', privacy: { minGroupSize: 3 }, metrics: { groupBy: ['team', 'task_type', 'tool_version'] } });
  const data = await cleanInput(join(folder, 'input'), config);

  it('of each week alone, concatenated, equal the facts of every week at once', () => {
    expectFactsOfWeeksAddUp(data, config);
  });

  it('give the same metrics document as all tasks, for the first, a middle and the last week', () => {
    expectSameDocuments(data, config);
  });
});

// The facts per user (the people KPIs', the month tables' privacy) are a row per period listing its users: a store
// reads every week's facts back each run, and a row per user and week was most of those bytes.
describe('per-week facts per user', () => {
  const config = parseConfig({});
  const data = makeCleanedData({
    tasks: [
      { user_id: 'a', team: 'Finance', started_at: '2026-11-16T09:00:00Z' },
      { user_id: 'c', team: 'Legal', started_at: '2026-11-17T09:00:00Z' },
      { user_id: 'a', team: 'Legal', started_at: '2026-11-30T09:00:00Z' },
      { user_id: 'a', team: 'Legal', started_at: '2026-12-01T09:00:00Z' },
      { user_id: 'b', team: 'Finance', started_at: '2026-11-18T09:00:00Z', status: 'abandoned' },
      { source: 'manual_logs', user_id: 'd', team: 'Finance', started_at: '2026-11-19T09:00:00Z', duration_min: 20 },
    ],
  });
  const facts = weekFacts(data.tasks, config);
  const at = (iso: string) => Date.parse(iso);

  it('keep a row per week, and per week and month, with the users of its completed AI tasks as parallel lists', () => {
    expect(facts.people_user_weeks).toEqual([
      { week: '2026-W47', user_id: ['a', 'c'], ai_tasks: [1, 1], first_start: [at('2026-11-16T09:00:00Z'), at('2026-11-17T09:00:00Z')], last_start: [at('2026-11-16T09:00:00Z'), at('2026-11-17T09:00:00Z')], last_team: ['Finance', 'Legal'] },
      { week: '2026-W49', user_id: ['a'], ai_tasks: [2], first_start: [at('2026-11-30T09:00:00Z')], last_start: [at('2026-12-01T09:00:00Z')], last_team: ['Legal'] },
    ]);
    expect(facts.people_user_months).toEqual([
      { week: '2026-W47', month: '2026-11', user_id: ['a', 'c'], ai_tasks: [1, 1], last_start: [at('2026-11-16T09:00:00Z'), at('2026-11-17T09:00:00Z')], last_team: ['Finance', 'Legal'] },
      { week: '2026-W49', month: '2026-11', user_id: ['a'], ai_tasks: [1], last_start: [at('2026-11-30T09:00:00Z')], last_team: ['Legal'] },
      { week: '2026-W49', month: '2026-12', user_id: ['a'], ai_tasks: [1], last_start: [at('2026-12-01T09:00:00Z')], last_team: ['Legal'] },
    ]);
  });

  it('keep a row per week, month and team listing the users with any task in it', () => {
    const rows = (facts.users_per_month_team as Row[]).map(({ week, month, team, user_id }) => ({ week, month, team, user_id }));
    expect(rows).toEqual([
      { week: '2026-W47', month: '2026-11', team: 'Finance', user_id: ['a', 'b', 'd'] },
      { week: '2026-W47', month: '2026-11', team: 'Legal', user_id: ['c'] },
      { week: '2026-W49', month: '2026-11', team: 'Legal', user_id: ['a'] },
      { week: '2026-W49', month: '2026-12', team: 'Legal', user_id: ['a'] },
    ]);
  });
});
