import { describe, expect, it, test } from 'vitest';
import { createAskEngine } from '../../src/ask/ask-engine.js';
import { sampleAskEngine } from './ask-fixture.js';
import { makeCleanedData, testConfig, type RosterSpec, type TaskSpec } from '../metrics/make-cleaned-data.js';

// Report week 2026-W47, a 2-week idle window (W46..W47), seats at 30 a month.
// Legal: s1 active W47, s2 W46, s3 W44 only (idle, lapsed), s4 never (idle); Finance: s5 W45 only (idle, lapsed).
// The September cohort (s1, s3, s6) is followed into October: s1 and s3 come back, s6 (gone from the roster) does not.
const roster: RosterSpec[] = [
  ...['s1', 's2', 's3', 's4'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-11' })),
  { user_id: 's5', team: 'Finance', month: '2026-11' },
  ...['s1', 's3', 's6'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-09' })),
  ...['s1', 's3'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-10' })),
];
const ai = (user_id: string, started_at: string, team = 'Legal'): TaskSpec => ({ user_id, team, started_at });
const tasks: TaskSpec[] = [
  ai('s1', '2026-09-02T09:00:00Z'),
  ai('s3', '2026-09-03T09:00:00Z'),
  ai('s6', '2026-09-04T09:00:00Z'),
  ai('s1', '2026-10-05T09:00:00Z'),
  ai('s3', '2026-10-26T09:00:00Z'),
  ai('s5', '2026-11-03T09:00:00Z', 'Finance'),
  ai('s2', '2026-11-10T09:00:00Z'),
  ai('s1', '2026-11-17T09:00:00Z'),
];
const engine = createAskEngine(
  makeCleanedData({ tasks, roster, loadedDates: { first: '2026-09-01', last: '2026-11-30' } }),
  testConfig({ people: { idleWeeks: 2 }, licences: { monthlyCost: 30 } }),
  { week: '2026-W47' },
);

describe('uptake ask about people', () => {
  it('answers the activation rate with its denominator: licensed users with no AI task before the week, not all licensed', () => {
    // W46: s1, s3 (September) and s5 (W45) had started; of s2 and s4, s2 starts in W46 (1 of 2), though 5 are licensed
    const answer = engine.ask('what was the activation rate in W46');
    expect(answer.table.columns).toEqual(['team', 'activation', 'new_ai_users', 'not_yet_active_users']);
    expect(answer.table.rows).toEqual([['*', 0.5, 1, 2]]);
  });

  it('answers idle seats per team, with licensed seats and the idle share', () => {
    const answer = engine.ask('how many idle seats does Legal have?');
    expect(answer.answer).toBe('Idle seats for Legal in 2026-W47 were 2.');
    expect(answer.table.rows).toEqual([['Legal', 2, 4, 0.5]]);
    expect(engine.ask('what do the idle seats cost us').answer).toContain('90');
    // without licences.monthlyCost the cost is unknown, and the answer says what sets it
    const unpriced = createAskEngine(makeCleanedData({ tasks, roster, loadedDates: { first: '2026-09-01', last: '2026-11-30' } }), testConfig({ people: { idleWeeks: 2 } }), { week: '2026-W47' });
    expect(unpriced.ask('what do the idle seats cost us').answer).toBe('The monthly cost of idle seats for all teams in 2026-W47 is not known: it needs licences.monthlyCost in the config.');
    expect(engine.ask('which team has the most idle seats').answer).toMatch(/^Legal had the most idle seats in 2026-W47: 2\./);
  });

  it('answers whether new users stick with it from the latest cohort a full month later', () => {
    // 2 of the 3 September starters were active in October; the October cohort is empty
    const answer = engine.ask('are new users sticking with it?');
    expect(answer.answer).toContain('66.7 %');
    expect(answer.interpretation).toContain('2026-09');
  });

  it('answers new users, lapsed users and heavy users', () => {
    expect(engine.ask('how many new users this week?').answer).toBe('New AI users for all teams in 2026-W47 were 0.');
    expect(engine.ask('how many new users in W46?').answer).toContain('were 1.'); // s2
    expect(engine.ask('how many people stopped using it?').answer).toContain('were 3.'); // s3, s5, s6
    expect(engine.ask('how many licensed people are not using it?').answer).toContain('were 4.'); // s2..s5 had no AI task in W47
  });
});

test('"how many people are licensed" counts the licensed users, not the users with an AI task', async () => {
  const engine = await sampleAskEngine();
  for (const question of ['how many people are licensed', 'how many people have a licence', 'how many licensed people are there']) {
    expect(engine.ask(question).answer, question).toBe('All teams had 65 licensed users in 2026-W47.');
  }
  expect(engine.ask('how many people are licensed in Legal').answer).toBe('Legal had 13 licensed users in 2026-W47.');
});
