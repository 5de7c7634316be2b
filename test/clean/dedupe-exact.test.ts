import { expect, test } from 'vitest';
import { AI_HEADER, MANUAL_HEADER, clean } from '../helpers/clean.js';
import { csv, ROSTER_HEADER } from '../helpers/input-folder.js';

test('the same event_id in two overlapping exports is one row; the most complete copy is kept', async () => {
  const { ai, data } = await clean({
    'ai_logs_2026-W46.csv': csv(AI_HEADER, 'e1,u1,,report,2026-11-15T22:00:00Z,2026-11-15T22:10:00Z,done,,,hi'),
    'ai_logs_2026-W47.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-15T22:00:00Z,2026-11-15T22:10:00Z,done,0.95,no,hi',
      'e2,u1,Finance,report,2026-11-16T09:00:00Z,,done,,,other'),
  });
  expect(ai.map((t) => [t.task_id, t.accuracy, t.team])).toEqual([['e1', 0.95, 'Finance'], ['e2', null, 'Finance']]);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 3, exact_duplicates: 1, rows_in_tasks: 2, tasks: 2 });
});

test('equal completeness keeps the first in input order; manual logs dedupe on task_id', async () => {
  const { manual, data } = await clean({
    'manual_logs_a.csv': csv(MANUAL_HEADER, 'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:30:00Z'),
    'manual_logs_b.csv': csv(MANUAL_HEADER, 'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:45:00Z'),
  });
  expect(manual.map((t) => [t.task_id, t.duration_ms])).toEqual([['m1', 30 * 60_000]]);
  expect(data.accounting.manual_logs).toMatchObject({ rows_read: 2, exact_duplicates: 1, rows_in_tasks: 1 });
});

test('copies of one id that disagree once cleaned are counted as conflicting; a harmful copy makes the kept row harmful', async () => {
  const { ai, manual, data } = await clean({
    'ai_logs_a.csv': csv(AI_HEADER,
      // e1: the same row spelled differently (offset, label spelling, team case, status word, accuracy as text): no conflict
      'e1,u1,Finance,Report Drafting,2026-11-16T10:00:00+01:00,,done,0.9,no,hi',
      // e2: another user, team, date and harmful in the second file: a conflict, and the kept copy is harmful
      'e2,u1,Finance,report_drafting,2026-11-16T10:00:00Z,2026-11-16T10:10:00Z,done,0.9,no,hi',
      // e3: accuracies within 1e-9 agree; an empty value agrees with anything
      'e3,u1,Finance,report_drafting,2026-11-16T11:00:00Z,,done,0.3,,x',
      // e4: two copies that each agree with an empty first copy but not with each other
      'e4,u1,,report_drafting,2026-11-16T12:00:00Z,,done,,,'),
    'ai_logs_b.csv': csv(AI_HEADER,
      'e1,u1,finance ,report-drafting,2026-11-16T09:00:00Z,,completed,0.9000000000,false,hi',
      'e2,u2,Legal,report_drafting,2026-11-18T10:00:00Z,,done,0.9,yes,hi',
      'e3,u1,Finance,report_drafting,2026-11-16T11:00:00Z,,done,0.3000000000001,,',
      'e4,u1,Finance,report_drafting,2026-11-16T12:00:00Z,,done,,,',
      'e4,u1,Legal,report_drafting,2026-11-16T12:00:00Z,,done,,,'),
    'manual_logs_a.csv': csv(MANUAL_HEADER, 'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:30:00Z', 'm2,u1,Finance,report,2026-11-16T09:00:00Z,'),
    'manual_logs_b.csv': csv(MANUAL_HEADER, 'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:45:00Z', 'm2,u1,Finance,report,2026-11-16T09:00:00Z,'),
  });
  expect(data.accounting.ai_logs).toEqual({ rows_read: 9, quarantined: 0, exact_duplicates: 5, conflicting_duplicates: 2, retry_duplicates: 0, rows_in_tasks: 4, tasks: 4 });
  expect(data.accounting.manual_logs).toMatchObject({ rows_read: 4, exact_duplicates: 2, conflicting_duplicates: 1, rows_in_tasks: 2 });
  // e2's first copy is the most complete (it has an end): it is kept, harmful because the other copy is
  const e2 = ai.find((task) => task.task_id === 'e2')!;
  expect([e2.user_id, e2.team, e2.harmful]).toEqual(['u1', 'Finance', true]);
  expect(manual.map((task) => [task.task_id, task.duration_ms])).toEqual([['m1', 30 * 60_000], ['m2', null]]);
});

test('a user with two teams in one roster month keeps the first and is named; other repeated fields that disagree are conflicts', async () => {
  const { data, manual } = await clean({
    'manual_logs_a.csv': csv(MANUAL_HEADER, 'm1,u1,,report,2026-11-16T09:00:00Z,'),
    'user_monthly_summary_a.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,UTC,yes,,', 'u2,Legal,2026-11,UTC,yes,10,4', 'u3,Legal,2026-11,UTC,yes,10,4'),
    'user_monthly_summary_b.csv': csv(ROSTER_HEADER, 'u1,Legal,2026-11,UTC,yes,12,5', 'u2,legal ,2026-11,UTC,yes,10,4', 'u3,Legal,2026-11,UTC,no,10,4'),
  });
  expect(data.rosterConflicts).toEqual([{ user_id: 'u1', month: '2026-11', teams: ['Finance', 'Legal'] }]);
  expect(data.accounting.user_monthly_summary).toEqual({ rows_read: 6, quarantined: 0, exact_duplicates: 3, conflicting_duplicates: 2, retry_duplicates: 0, rows_in_tasks: 3, tasks: 3 });
  // the second u1 row is the more complete one: kept, with the first team
  expect((data.roster.objects() as Array<Record<string, unknown>>).find((row) => row.user_id === 'u1')).toMatchObject({ team: 'Finance', tasks_total: 12 });
  expect(manual[0].team).toBe('Finance');
});

test('a harmful copy before a more complete harmless one is a conflict, though the kept row becomes harmful', async () => {
  const { ai, data } = await clean({
    // e1's first copy says harmful, the second (kept: it has an end and an accuracy) says not: the copies disagree
    'ai_logs_a.csv': csv(AI_HEADER, 'e1,u1,Finance,report,2026-11-16T09:00:00Z,,done,,yes,'),
    'ai_logs_b.csv': csv(AI_HEADER, 'e1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:10:00Z,done,0.95,no,hi'),
  });
  expect(data.accounting.ai_logs).toEqual({ rows_read: 2, quarantined: 0, exact_duplicates: 1, conflicting_duplicates: 1, retry_duplicates: 0, rows_in_tasks: 1, tasks: 1 });
  expect(ai.map((task) => [task.task_id, task.accuracy, task.harmful])).toEqual([['e1', 0.95, true]]);
});
