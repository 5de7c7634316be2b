import { describe, expect, it, vi } from 'vitest';
import { metrics } from '../../src/notebook/analyst-data.js';
import { compareTaskTypes } from '../../src/notebook/compare-task-types.js';
import { ROSTER_HEADER, csv, inputFolder } from '../helpers/input-folder.js';

// Counts the tasks enriched (the step every metric starts from) to show the comparison's cost.
const enriched = vi.hoisted(() => ({ calls: 0, rows: 0 }));
vi.mock('../../src/metrics/enrich-tasks.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/metrics/enrich-tasks.js')>();
  return {
    ...original,
    enrichTasks: (...args: Parameters<typeof original.enrichTasks>) => {
      enriched.calls += 1;
      enriched.rows += args[0].numRows();
      return original.enrichTasks(...args);
    },
  };
});

// Five users per team (privacy.minGroupSize), one task each per row group, a day apart so nothing stitches.
const LEGAL = ['l1', 'l2', 'l3', 'l4', 'l5'];
const SALES = ['s1', 's2', 's3', 's4', 's5'];
const ai = (users: string[], team: string, taskType: string, start: string) =>
  users.map((user) => `${team}-${taskType}-${start}-${user},${user},${team},${taskType},${start},,completed`);
const manual = (users: string[], team: string, taskType: string, start: string) => users.map((user) => `m-${team}-${taskType}-${start}-${user},${user},${team},${taskType},${start}`);

// 2026-W46: contract review Legal 5 AI + 5 manual, Sales Ops 5 AI; data entry Legal 5 AI.
// 2026-W47: contract review Legal 5 AI, Sales Ops 5 manual; data entry Legal 5 manual; email triage Legal 3 AI (too few users).
const folder = inputFolder({
  'ai_logs_2026-11.csv': csv(
    'event_id,user_id,team,task_type,started_at,ended_at,status',
    ...ai(LEGAL, 'Legal', 'contract_review', '2026-11-10T09:00:00Z'),
    ...ai(SALES, 'Sales Ops', 'contract_review', '2026-11-10T10:00:00Z'),
    ...ai(LEGAL, 'Legal', 'data_entry', '2026-11-12T09:00:00Z'),
    ...ai(LEGAL, 'Legal', 'contract_review', '2026-11-17T09:00:00Z'),
    ...ai(LEGAL.slice(0, 3), 'Legal', 'email_triage', '2026-11-18T09:00:00Z'),
  ),
  'manual_logs_2026-11.csv': csv(
    'task_id,user_id,team,task_type,started_at',
    ...manual(LEGAL, 'Legal', 'contract_review', '2026-11-11T09:00:00Z'),
    ...manual(SALES, 'Sales Ops', 'contract_review', '2026-11-17T10:00:00Z'),
    ...manual(LEGAL, 'Legal', 'data_entry', '2026-11-19T09:00:00Z'),
  ),
  'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, ...LEGAL.map((user) => `${user},Legal,2026-11,UTC,true,10,5`), ...SALES.map((user) => `${user},Sales Ops,2026-11,UTC,true,10,5`)),
});

describe('compareTaskTypes', () => {
  const rowsOf = (comparison: Awaited<ReturnType<typeof compareTaskTypes>>) => comparison.table.objects();

  it('all teams: the report week against compareWith, the report\'s own rates, the largest rise first', async () => {
    const comparison = await compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W46' });
    expect(comparison.caption).toBe('Adoption by task type, all teams, 2026-W47 against 2026-W46');
    expect(rowsOf(comparison)).toEqual([
      { task_type: 'contract_review', adoption_rate: 0.5, compared_rate: 10 / 15, change_pts: 100 * (0.5 - 10 / 15) },
      { task_type: 'data_entry', adoption_rate: 0, compared_rate: 1, change_pts: -100 },
    ]);
    // the same rates as the report's table (email triage: three users, withheld)
    const report = (await metrics({ input: folder, week: '2026-W47' })).tables.adoption_by_task_type;
    expect(report.objects().map((row: any) => [row.task_type, row.adoption_rate])).toEqual([['contract_review', 0.5], ['data_entry', 0], ['email_triage', null]]);
  });

  it('the other way round: compareWith is the week the report week is held against, named second', async () => {
    const comparison = await compareTaskTypes({ input: folder, week: '2026-W46', compareWith: '2026-W47' });
    expect([comparison.week, comparison.compareWith, comparison.caption]).toEqual(['2026-W46', '2026-W47', 'Adoption by task type, all teams, 2026-W46 against 2026-W47']);
    expect(rowsOf(comparison)).toEqual([
      { task_type: 'data_entry', adoption_rate: 1, compared_rate: 0, change_pts: 100 },
      { task_type: 'contract_review', adoption_rate: 10 / 15, compared_rate: 0.5, change_pts: 100 * (10 / 15 - 0.5) },
    ]);
  });

  it('a team: its own tasks only, named as the data spells it', async () => {
    const legal = await compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W46', team: ' legal ' });
    expect(legal.caption).toBe('Adoption by task type, Legal, 2026-W47 against 2026-W46');
    expect(rowsOf(legal)).toEqual([
      { task_type: 'contract_review', adoption_rate: 1, compared_rate: 0.5, change_pts: 50 },
      { task_type: 'data_entry', adoption_rate: 0, compared_rate: 1, change_pts: -100 },
    ]);
    const sales = await compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W46', team: 'SALES OPS', taskType: 'contract_review' });
    expect([sales.caption, rowsOf(sales)]).toEqual(['Adoption by task type, Sales Ops, contract_review, 2026-W47 against 2026-W46', [{ task_type: 'contract_review', adoption_rate: 0, compared_rate: 1, change_pts: -100 }]]);
  });

  it('a slice with nothing to compare gets a sentence; a week the data lacks is blamed on its parameter', async () => {
    const none = await compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W46', team: 'Sales Ops', taskType: 'data_entry' });
    expect([none.table.numRows(), none.note]).toEqual([
      0,
      'Nothing to compare for Sales Ops, data_entry: no task type has an adoption rate in both 2026-W47 and 2026-W46 (a task type needs tasks in both weeks, by at least 5 users each week; fewer are withheld for privacy).',
    ]);
    await expect(compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W40' })).rejects.toMatchObject({
      kind: 'usage',
      message: 'notebook parameter `compareWith`: expected a week that holds data, got `2026-W40`; weeks available: 2026-W46, 2026-W47',
    });
  });

  it('enriches the slice\'s tasks once for both weeks, not all the metrics once per week', async () => {
    await compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W46' }); // data cleaned and cached
    enriched.calls = 0;
    enriched.rows = 0;
    const legal = await compareTaskTypes({ input: folder, week: '2026-W47', compareWith: '2026-W46', team: 'Legal' });
    expect(rowsOf(legal).map((row: any) => row.task_type)).toEqual(['contract_review', 'data_entry']);
    // Legal's tasks: 5 + 5 + 5 + 3 AI, 5 + 5 manual
    expect(enriched).toEqual({ calls: 1, rows: 28 });
  });
});
