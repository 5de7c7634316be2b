import { expect, test } from 'vitest';
import { qualityReport, teamsOffRoster } from '../../src/clean/quality-report.js';
import { AI_HEADER, clean } from '../helpers/clean.js';
import { csv, ROSTER_HEADER } from '../helpers/input-folder.js';

test('teams the logs name that no roster row does are listed by tasks, with the roster team they print like', async () => {
  const row = (id: string, team: string) => `${id},u9,${team},report,2026-11-16T09:00:00Z,,done,,,`;
  const { data } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      row('e1', 'Finance'), row('e2', ' finance '), row('e3', 'Fi\u200Bnance'), row('e4', '\uFF26inance'),
      row('e5', 'Marketing'), row('e6', 'Marketing'), row('e7', 'Le gal'), row('e8', '')),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,UTC,yes,1,1', 'u2,Legal,2026-11,UTC,yes,1,1'),
  });
  expect(teamsOffRoster(data)).toEqual([
    { team: 'Marketing', tasks: 2, looks_like: null },
    { team: 'Fi\u200Bnance', tasks: 1, looks_like: 'Finance' },
    { team: 'Le gal', tasks: 1, looks_like: 'Legal' },
    { team: '\uFF26inance', tasks: 1, looks_like: 'Finance' },
  ]);
});

test('without a team in the roster there is nothing to compare with: none are listed', async () => {
  const { data } = await clean({ 'ai_logs_1.csv': csv(AI_HEADER, 'e1,u1,Marketing,report,2026-11-16T09:00:00Z,,done,,,') });
  expect(teamsOffRoster(data)).toEqual([]);
});

// A roster row whose team differs from another roster team only by an invisible or compatibility character is a team
// of its own (case and spaces are not: those rows join the first spelling): its users left the other team's
// user adoption rate, and its tasks printed as a second `Finance` row, with nothing in the validate report.
test('roster teams that print like an earlier roster team are listed with it and their users', async () => {
  const { data } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER, 'e1,u3,,report,2026-11-16T09:00:00Z,,done,,,'),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER,
      'u1,Finance,2026-11,UTC,yes,1,1', 'u2,FINANCE ,2026-11,UTC,yes,1,1', 'u3,Fi\u200Bnance,2026-11,UTC,yes,1,1',
      'u4,Fi\u200Bnance,2026-11,UTC,yes,1,1', 'u5,\uFF26inance,2026-11,UTC,yes,1,1', 'u6,Legal,2026-11,UTC,yes,1,1'),
  });
  expect(qualityReport('in', data).roster_teams_alike).toEqual([
    { team: 'Fi\u200Bnance', users: 2, looks_like: 'Finance' },
    { team: '\uFF26inance', users: 1, looks_like: 'Finance' },
  ]);
  expect(teamsOffRoster(data)).toEqual([]);
});

// A user id written with a zero-width space, or in another case, is a user the roster does not know: counted among
// a team's AI users beside the roster's own (Finance's user adoption rate came to 1.44 on the sample with four such
// users), with nothing in the validate report to say who they were.
test('users the logs name that no roster row does are listed by tasks, with the roster user they print like', async () => {
  const row = (id: string, user: string) => `${id},${user},Finance,report,2026-11-16T09:00:00Z,,done,,,`;
  const { data } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER, row('e1', 'u1'), row('e2', 'u1\u200B'), row('e3', 'u1\u200B'), row('e4', 'U1'), row('e5', 'contractor'), row('e6', ' u2 ')),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,UTC,yes,1,1', 'u2,Finance,2026-11,UTC,yes,1,1'),
  });
  expect(qualityReport('in', data).users_off_roster).toEqual([
    { user_id: 'u1\u200B', tasks: 2, looks_like: 'u1' },
    { user_id: 'U1', tasks: 1, looks_like: 'u1' },
    { user_id: 'contractor', tasks: 1, looks_like: null },
  ]);
});
