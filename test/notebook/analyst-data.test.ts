import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as aq from 'arquero';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/report/load-report.js';
import { metrics, quarantine, roster, taskSlice, tasks, teamsOf } from '../../src/notebook/analyst-data.js';
import { tableDisplayBundle } from '../../src/notebook/show-table.js';
import { ROSTER_HEADER, csv, inputFolder } from '../helpers/input-folder.js';

const REPORT_INPUT = resolve(import.meta.dirname, '..', 'fixtures', 'notebooks', 'report-input');

const folder = inputFolder({
  'ai_logs_2026-11.csv': csv(
    'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,client_os',
    'e1,u1,Sales Ops,contract_review,2026-11-16T09:00:00Z,2026-11-16T09:10:00Z,completed,0.9,false,macos',
    'e2,u2,Legal,contract_review,2026-11-23T09:00:00Z,,completed,,true,linux',
    'e3,u1,sales ops,email_draft,2026-11-24T09:00:00Z,2026-11-24T09:05:00Z,abandoned,0.5,false,',
    'e4,u2,Legal,contract_review,yesterday,,completed,,,',
  ),
  'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Sales Ops,2026-11,UTC,true,10,5', 'u2,Legal,2026-11,UTC,true,10,5'),
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('tasks', () => {
  it('gives the cleaned tasks with Date, number, boolean and pass-through columns', async () => {
    const table = await tasks({ input: folder });
    expect(table.columnNames()).toEqual(['source', 'task_id', 'user_id', 'team', 'task_type', 'started_at', 'week', 'duration_ms', 'status', 'accuracy', 'harmful', 'fragments', 'prompt', 'tool_version', 'client_os']);
    const first = table.object(0) as Record<string, unknown>;
    expect(first.started_at).toBeInstanceOf(Date);
    expect(first).toMatchObject({ task_id: 'e1', team: 'Sales Ops', week: '2026-W47', duration_ms: 600_000, accuracy: 0.9, harmful: false, client_os: 'macos' });
    expect((first.started_at as Date).toISOString()).toBe('2026-11-16T09:00:00.000Z');
    expect(table.object(1)).toMatchObject({ task_id: 'e2', duration_ms: null, accuracy: null, harmful: true });
  });

  it('filters by week, team (case-insensitive, trimmed) and task type', async () => {
    expect((await tasks({ input: folder, team: '  SALES   ops ' })).array('task_id')).toEqual(['e1', 'e3']);
    expect((await tasks({ input: folder, week: '2026-W48' })).array('task_id')).toEqual(['e2', 'e3']);
    expect((await tasks({ input: folder, week: ['2026-W47', '2026-W48'], taskType: 'CONTRACT_REVIEW' })).array('task_id')).toEqual(['e1', 'e2']);
    expect((await tasks({ input: folder, week: ['2026-W47', '2026-W48'], taskType: 'contract review' })).array('task_id')).toEqual(['e1', 'e2']);
    expect((await tasks({ input: REPORT_INPUT, week: '2026-W47', team: 'legal' })).numRows()).toBe(60);
    // `latest` is the report's latest week, as `uptake run` picks it
    const latest = (await metrics({ input: REPORT_INPUT })).week;
    expect(new Set((await tasks({ input: REPORT_INPUT, week: 'latest' })).array('week'))).toEqual(new Set([latest]));
  });

  it('reads the folder again when one of its files changes', async () => {
    const changing = inputFolder({
      'ai_logs_2026-11.csv': csv('event_id,user_id,team,task_type,started_at,status', 'e1,u1,Legal,contract_review,2026-11-16T09:00:00Z,completed'),
      'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Legal,2026-11,UTC,true,10,5'),
    });
    try {
      expect((await tasks({ input: changing })).array('task_id')).toEqual(['e1']);
      writeFileSync(join(changing, 'ai_logs_2026-11.csv'), csv('event_id,user_id,team,task_type,started_at,status', 'e1,u1,Legal,contract_review,2026-11-16T09:00:00Z,completed', 'e2,u1,Legal,contract_review,2026-11-17T09:00:00Z,completed'));
      expect((await tasks({ input: changing })).array('task_id')).toEqual(['e1', 'e2']);
    } finally {
      rmSync(changing, { recursive: true, force: true });
    }
  });

  it('names the known teams when a team matches none', async () => {
    await expect(tasks({ input: folder, team: 'Sales' })).rejects.toMatchObject({ kind: 'usage', message: 'expected `team` to be one of Legal, Sales Ops, got "Sales"' });
  });
});

describe('taskSlice', () => {
  it('names the team and task type as the data spells them; a blank one is every team or task type', async () => {
    expect(await taskSlice({ input: folder, team: '  SALES   ops ', taskType: 'Contract_Review' })).toEqual({ team: 'Sales Ops', taskType: 'contract_review', name: 'Sales Ops, contract_review' });
    expect(await taskSlice({ input: folder, team: ' ', taskType: 'EMAIL_DRAFT' })).toEqual({ team: null, taskType: 'email_draft', name: 'all teams, email_draft' });
    expect(await taskSlice({ input: folder })).toEqual({ team: null, taskType: null, name: 'all teams' });
    // a task type written as people write it is read as its label is cleaned ("invoice matching" is invoice_matching)
    expect(await taskSlice({ input: folder, taskType: ' Contract Review ' })).toEqual({ team: null, taskType: 'contract_review', name: 'all teams, contract_review' });
    expect(await taskSlice({ input: folder, taskType: 'email-draft' })).toEqual({ team: null, taskType: 'email_draft', name: 'all teams, email_draft' });
    await expect(taskSlice({ input: folder, taskType: 'contract' })).rejects.toMatchObject({ kind: 'usage', message: 'expected `taskType` to be one of contract_review, email_draft, got "contract"' });
    await expect(taskSlice({ input: folder, team: 'Sales' })).rejects.toMatchObject({ kind: 'usage', message: 'expected `team` to be one of Legal, Sales Ops, got "Sales"' });
  });
});

describe('quarantine, roster and metrics', () => {
  it('gives the quarantined rows with file, line and reason', async () => {
    const table = await quarantine({ input: folder });
    expect((table.objects() as Array<Record<string, unknown>>).map((row) => [row.file, row.line, row.reason])).toEqual([[join(folder, 'ai_logs_2026-11.csv'), 5, expect.any(String)]]);
  });

  it('gives the roster, filtered by team', async () => {
    expect((await roster({ input: folder, team: 'legal' })).objects()).toEqual([{ user_id: 'u2', team: 'Legal', month: '2026-11', timezone: 'UTC', licensed: true, tasks_total: 10, ai_tasks_total: 5 }]);
  });

  it('names the month parameter when the roster does not hold that month, instead of an empty roster', async () => {
    expect((await roster({ input: folder, month: ' 2026-11' })).array('user_id')).toEqual(['u1', 'u2']);
    await expect(roster({ input: folder, month: 'November' })).rejects.toMatchObject({
      kind: 'usage',
      message: 'expected `month` to be a month like 2026-11 (YYYY-MM), got "November"; months available: 2026-11',
    });
    await expect(roster({ input: folder, month: '2025-01' })).rejects.toMatchObject({
      kind: 'usage',
      message: 'expected `month` to be a month the roster holds, got "2025-01"; months available: 2026-11',
    });
  });

  it('reads a quarantine reason as the report writes it ("missing user id") or as the file does', async () => {
    const reason = (await quarantine({ input: folder })).array('reason')[0] as string;
    expect(reason).toBe('invalid_started_at');
    expect((await quarantine({ input: folder, reason: 'invalid started at' })).array('line')).toEqual([5]);
    expect((await quarantine({ input: folder, reason: 'invalid_started_at' })).array('line')).toEqual([5]);
    expect((await quarantine({ input: folder, reason: 'missing status' })).numRows()).toBe(0);
  });

  it('blames a bad week on the notebook parameter it came from: `week`, or the one given (weekParameter), never --week', async () => {
    const weeks = 'weeks available: 2026-W45, 2026-W46, 2026-W47';
    await expect(metrics({ input: REPORT_INPUT, week: '2026-W99' })).rejects.toMatchObject({ kind: 'usage', message: `notebook parameter \`week\`: expected \`latest\` or an ISO week like 2026-W47, got \`2026-W99\`; ${weeks}` });
    await expect(metrics({ input: REPORT_INPUT, week: '2026-W30', weekParameter: 'compareWith' })).rejects.toMatchObject({ kind: 'usage', message: `notebook parameter \`compareWith\`: expected a week that holds data, got \`2026-W30\`; ${weeks}` });
    await expect(tasks({ input: REPORT_INPUT, week: ['2026-W47', '2026-W99'] })).rejects.toMatchObject({ kind: 'usage', message: `notebook parameter \`week\`: expected \`latest\` or an ISO week like 2026-W47, got \`2026-W99\`; ${weeks}` });
  });

  it('reads the week parameter as --week reads it: 2026-w46 is 2026-W46', async () => {
    expect((await metrics({ input: REPORT_INPUT, week: '2026-w46' })).week).toBe('2026-W46');
    expect((await tasks({ input: REPORT_INPUT, week: ' 2026-w46', team: 'legal' })).numRows()).toBe((await tasks({ input: REPORT_INPUT, week: '2026-W46', team: 'legal' })).numRows());
    expect(new Set((await tasks({ input: REPORT_INPUT, week: '2026-w46' })).array('week'))).toEqual(new Set(['2026-W46']));
  });

  it("gives the week's KPI tables as arquero tables, a team's rows with the all-teams row", async () => {
    const result = await metrics({ input: REPORT_INPUT, week: '2026-W47', team: 'LEGAL' });
    expect([result.week, result.weekStart, result.weekEnd]).toEqual(['2026-W47', '2026-11-16', '2026-11-22']);
    expect(result.tables.adoption_by_team.array('team')).toEqual(['*', 'Legal']);
    expect(result.tables.adoption_by_task_type.numRows()).toBe(result.document.tables.adoption_by_task_type.length);
  });
});

describe('teams without tasks', () => {
  // Legal works in 2026-W47, Treasury in 2026-W48 only; Audit is on the roster and has no task at all.
  const teams = inputFolder({
    'ai_logs_2026-11.csv': csv(
      'event_id,user_id,team,task_type,started_at,status',
      'e1,u1,Legal,contract_review,2026-11-16T09:00:00Z,completed',
      'e2,u2,Treasury,invoice_matching,2026-11-23T09:00:00Z,completed',
    ),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Legal,2026-11,UTC,true,10,5', 'u2,Treasury,2026-11,UTC,true,10,5', 'u3,Audit,2026-11,UTC,true,10,0'),
  });

  it('teamsOf: every team of the tasks and the roster, sorted', async () => {
    expect(teamsOf((await loadReport({ input: teams, week: null })).data)).toEqual(['Audit', 'Legal', 'Treasury']);
  });

  it('a team with no tasks in the week (none yet, or none ever) is a team: its tasks and metric rows are none, not an error', async () => {
    expect((await tasks({ input: teams, week: '2026-W47', team: 'treasury' })).numRows()).toBe(0);
    expect((await tasks({ input: teams, team: 'AUDIT' })).numRows()).toBe(0);
    expect((await metrics({ input: teams, week: '2026-W47', team: 'Treasury' })).tables.adoption_by_team.array('team')).toEqual(['*']);
    await expect(metrics({ input: teams, week: '2026-W47', team: 'Tax' })).rejects.toMatchObject({ kind: 'usage', message: 'expected `team` to be one of Audit, Legal, Treasury, got "Tax"' });
  });
});

describe('tableDisplayBundle', () => {
  it('shows the first rows as HTML and says how many rows there are', async () => {
    const bundle = tableDisplayBundle(await tasks({ input: folder }), { limit: 2, columns: ['task_id', 'team'] });
    expect(bundle['text/html']).toContain('<table>');
    expect(bundle['text/html']).toContain('<td style="text-align: left;">Sales Ops</td>');
    expect(bundle['text/html']).not.toContain('e3');
    expect(bundle['text/html']).toContain('<em>first 2 of 3 rows, 15 columns</em>');
    expect(bundle['text/plain']).toBe('|task_id|team|\n|:-|:-|\n|e1|Sales Ops|\n|e2|Legal|\n\nfirst 2 of 3 rows, 15 columns');
  });

  it('writes numbers as the report does: rates in percent, points signed, counts with separators; `raw` keeps them as held', () => {
    const table = aq.table({ team: ['*', 'Legal'], adoption_rate: [0.636364, null], delta_pts: [-21.9058, 3], ai_tasks: [12345, 7], duration_ms: [660000, 1230000], accuracy: [0.905, 0.93], note: ['a', 'b'] });
    const bundle = tableDisplayBundle(table);
    expect(bundle['text/plain']).toBe(
      '|team|adoption_rate|delta_pts|ai_tasks|duration_ms|accuracy|note|\n|:-|-:|-:|-:|-:|-:|:-|\n|*|63.6 %|-21.9|12,345|660,000|0.905|a|\n|Legal|null|+3.0|7|1,230,000|0.93|b|\n\n2 rows, 7 columns',
    );
    expect(bundle['text/html']).toContain('<td style="text-align: right;">63.6 %</td>');
    expect(tableDisplayBundle(table.select('adoption_rate'), { raw: true, limit: 1 })['text/plain']).toBe('|adoption_rate|\n|-:|\n|0.636364|\n\nfirst 1 of 2 rows, 1 column');
  });

  it('writes column names as text: a pass-through column named like markup stays text', () => {
    const bundle = tableDisplayBundle(aq.table({ '<img src=x onerror=alert(1)>': ['<b>v</b>'], team: ['Legal'] }));
    expect(bundle['text/html']).toContain('<th style="text-align: left;">&lt;img src=x onerror=alert(1)&gt;</th>');
    expect(bundle['text/html']).toContain('&lt;b&gt;v&lt;/b&gt;');
    expect(bundle['text/html']).not.toContain('<img');
  });
});
