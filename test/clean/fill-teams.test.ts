import { expect, test } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { clean } from '../helpers/clean.js';
import { ROSTER_HEADER, csv } from '../helpers/input-folder.js';

test('teams take the roster spelling; blanks come from the roster for that user and month', async () => {
  const { manual, data } = await clean({
    'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u1,Sales Ops,2026-11,UTC,yes,10,5', 'u2,Legal,2026-10,UTC,yes,10,5', 'u2,Finance,2026-11,UTC,yes,10,5'),
    'manual_logs_1.csv': csv('task_id,user_id,team,task_type,started_at',
      'm1,u1,  sales   OPS ,report,2026-11-16T09:00:00Z',
      'm2,u2,,report,2026-10-30T09:00:00Z',
      'm3,u2,,report,2026-11-02T09:00:00Z',
      'm4,u3,,report,2026-11-02T09:00:00Z',
      'm5,u3,Marketing,report,2026-11-02T09:00:00Z'),
  });
  expect(manual.map((t) => [t.task_id, t.team])).toEqual([['m1', 'Sales Ops'], ['m2', 'Legal'], ['m3', 'Finance'], ['m4', null], ['m5', 'Marketing']]);
  expect(data.teamsFilled).toBe(2);
});

test('a team written with a combining mark (NFD) is the roster team written with the precomposed letter (NFC), not a second team printing alike', async () => {
  const { manual } = await clean({
    'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u1,Z\u00FCrich,2026-11,UTC,yes,10,5', 'u2,M\u00FCnchen,2026-11,UTC,yes,10,5'),
    'manual_logs_1.csv': csv('task_id,user_id,team,task_type,started_at',
      'm1,u1,Zu\u0308rich,report,2026-11-16T09:00:00Z',
      'm2,u1,ZU\u0308RICH,report,2026-11-16T09:00:00Z',
      'm3,u1,Z\u00FCrich,report,2026-11-16T09:00:00Z',
      // off the roster: its NFD and NFC spellings are one team too
      'm4,u3,Ko\u0308ln,report,2026-11-16T09:00:00Z',
      'm5,u3,K\u00F6ln,report,2026-11-16T09:00:00Z'),
  });
  expect(manual.map((t) => [t.task_id, t.team])).toEqual([['m1', 'Z\u00FCrich'], ['m2', 'Z\u00FCrich'], ['m3', 'Z\u00FCrich'], ['m4', 'K\u00F6ln'], ['m5', 'K\u00F6ln']]);
});

test('naive times use the row tz, else the roster zone of the month written, else the default zone', async () => {
  const { manual, iso } = await clean({
    'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-10,Europe/Berlin,yes,1,1', 'u1,Finance,2026-11,America/New_York,yes,1,1'),
    'manual_logs_1.csv': csv('task_id,user_id,task_type,started_at,tz',
      'm1,u1,report,2026-10-25 02:30:00,',
      'm2,u1,report,2026-11-01 01:30:00,',
      'm3,u1,report,2026-11-16 09:00:00,Asia/Kolkata',
      'm4,u9,report,2026-11-16 09:00:00,'),
  });
  expect(manual.map((t) => iso(t.started_at))).toEqual([
    '2026-10-25T00:30:00.000Z', // Berlin, ambiguous hour: the earlier instant
    '2026-11-01T05:30:00.000Z', // New York, ambiguous hour: the earlier instant (EDT)
    '2026-11-16T03:30:00.000Z', // the row's own tz
    '2026-11-16T09:00:00.000Z', // not in the roster: default UTC
  ]);
});

test('the month of a blank team is the month in the report zone, on either side of midnight', async () => {
  const { manual } = await clean(
    {
      'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u2,Legal,2026-10,UTC,yes,10,5', 'u2,Finance,2026-11,UTC,yes,10,5'),
      'manual_logs_1.csv': csv('task_id,user_id,team,task_type,started_at',
        'm1,u2,,report,2026-10-31T22:50:00Z', // 23:50 in Berlin: October
        'm2,u2,,report,2026-10-31T23:05:00Z', // 00:05 on 1 November in Berlin
        'm3,u2,,report,2026-10-31T22:59:59Z'), // same UTC quarter hour as m1: October
    },
    { timezone: 'Europe/Berlin' },
  );
  expect(manual.map((t) => [t.task_id, t.team])).toEqual([['m1', 'Legal'], ['m2', 'Finance'], ['m3', 'Legal']]);
});

// `*` names the all-teams row of every grouped table: a team written `*` merged into that row, which then held
// only that team's tasks (151 of 623 AI tasks in a sample whose roster put six users in team `*`)
test('a team written `*` (the all-teams row\'s name) is unreadable: null in the roster, filled from it in the logs', async () => {
  const { manual, data } = await clean({
    'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u1,*,2026-11,UTC,yes,10,5', 'u2,Legal,2026-11,UTC,yes,10,5'),
    'manual_logs_1.csv': csv('task_id,user_id,team,task_type,started_at', 'm1,u1, * ,report,2026-11-16T09:00:00Z', 'm2,u2,*,report,2026-11-16T10:00:00Z', 'm3,u2,Legal,report,2026-11-16T11:00:00Z'),
  });
  expect(manual.map((t) => [t.task_id, t.team])).toEqual([['m1', null], ['m2', 'Legal'], ['m3', 'Legal']]);
  expect(data.roster.array('team')).toEqual([null, 'Legal']);
  expect(data.repairs.unreadable_team).toBe(3);
  const adoption = computeMetrics(data, parseConfig({ privacy: { minGroupSize: 0 } }), '2026-W47').tables.adoption_by_team;
  expect(adoption.map((row) => [row.team, row.manual_tasks])).toEqual([['*', 3], ['Legal', 2]]);
});

test('a log team matches its roster team whatever its Unicode form or case: decomposed accents, ß and SS', async () => {
  const { manual, data } = await clean({
    'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u1,Développement,2026-11,UTC,yes,10,5', 'u2,Straße,2026-11,UTC,yes,10,5'),
    'manual_logs_1.csv': csv('task_id,user_id,team,task_type,started_at',
      // NFD (E + U+0301), upper case, a no-break space before
      'm1,u2,\u00A0DE\u0301VELOPPEMENT ,report,2026-11-16T09:00:00Z',
      'm2,u1,STRASSE,report,2026-11-16T10:00:00Z',
      'm3,u1,straße,report,2026-11-16T11:00:00Z'),
  });
  expect(manual.map((t) => [t.task_id, t.team])).toEqual([['m1', 'Développement'], ['m2', 'Straße'], ['m3', 'Straße']]);
  const adoption = computeMetrics(data, parseConfig({ privacy: { minGroupSize: 0 } }), '2026-W47').tables.adoption_by_team;
  expect(adoption.map((row) => [row.team, row.manual_tasks])).toEqual([['*', 3], ['Développement', 1], ['Straße', 2]]);
});
