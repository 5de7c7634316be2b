import { beforeAll, describe, expect, test } from 'vitest';
import { createAskEngine, type AskEngine } from '../../src/ask/ask-engine.js';
import { askConfig, askFixture, sampleAskEngine } from './ask-fixture.js';

// Counting questions about the data's own entities ("how many teams are there") and about groups by a count ("how many
// teams had harmful tasks"): a count, and what it counts; on data/sample (report week 2026-W47) and the ask fixture
// with an idle team.
let sample: AskEngine;
const SUPPRESSED_NOTE = ' 1 team suppressed (fewer than 5 users) is not shown.';

beforeAll(async () => {
  sample = await sampleAskEngine();
});

describe('how many teams, task types and weeks', () => {
  test('teams: those with tasks in the report week (the metrics rows, suppressed ones said) and those in the data', () => {
    const rows = sample.source.report.tables.adoption_by_team.filter((row) => row.team !== '*');
    expect([rows.length, rows.filter((row) => row.suppressed === true).length]).toEqual([7, 1]);
    const expected = '6 teams had tasks in 2026-W47, besides 1 suppressed (fewer than 5 users, so not shown in lists); no other team is in the data (in its tasks or on its roster, in any week).';
    for (const question of ['how many teams are there', 'how many teams are there?', 'number of teams in the data', 'how many departments do we have', 'how many teams', 'how many teams are in the roster']) {
      const answer = sample.ask(question);
      expect(answer.answer, question).toBe(expected);
      expect(answer.answered, question).toBe(true);
    }
    expect(sample.ask('how many teams are there').table.rows).toContainEqual(['Internal Audit', null]);
  });

  test('task types and weeks', () => {
    for (const question of ['how many task types are there', 'how many task types do we track']) {
      expect(sample.ask(question).answer, question).toBe('8 task types had tasks in 2026-W47; no other task type is in the data (in its tasks, in any week).');
    }
    expect(sample.source.weeks).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    for (const question of ['how many weeks are loaded', 'how many weeks of data do we have']) {
      expect(sample.ask(question).answer, question).toBe('The data holds 8 weeks with tasks, 2026-W40 to 2026-W47 (up to the report week, 2026-W47).');
    }
  });

  test('a team with no task in the week is counted apart, by name; a thing the data does not hold is refused with what it does', () => {
    const engine = createAskEngine(askFixture({ idleTeam: 'Idle' }), askConfig());
    expect(engine.ask('how many teams are there').answer)
      .toBe('4 teams had tasks in 2026-W47, besides 1 suppressed (fewer than 2 users, so not shown in lists); the data names 6 teams in all (in its tasks or on its roster, in any week); 1 team had no task in 2026-W47: Idle.');
    const offices = sample.ask('how many offices are there');
    expect(offices.answered).toBe(false);
    expect(offices.answer).toBe('The data holds teams, task types, users and weeks, so I can count only those: ask "how many teams are there", "how many task types are there", "how many users are there" or "how many weeks are loaded".');
    // (people are counted by the measure: users with an AI task, of those licensed)
    expect(sample.ask('how many users are there').answer).toBe('59 users had an AI task in 2026-W47 (of 65 licensed).');
  });
});

describe('how many groups had a count above 0', () => {
  test('"how many teams had harmful tasks" counts the teams with one, not those with a harm rate', () => {
    const harmful = sample.source.report.tables.harm.filter((row) => row.team !== '*' && row.suppressed !== true && (row.harmful as number) > 0);
    expect(harmful.map((row) => [row.team, row.harmful])).toEqual([['Legal', 1]]);
    expect(sample.ask('how many teams have harmful tasks').answer).toBe(`1 of 6 teams had harmful AI tasks in 2026-W47: Legal (1).${SUPPRESSED_NOTE}`);
    expect(sample.ask('how many task types had harmful tasks').answer).toBe('1 of 8 task types had harmful AI tasks in 2026-W47: report_drafting (1).');
    expect(sample.ask('how many teams used AI').answer).toBe(`Every team used AI in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
    expect(sample.ask('how many teams had tasks last week').answer).toBe(`Every team had tasks (AI and manual) in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
  });
});

describe('a count of teams with more than "in the data"', () => {
  test('is refused with what can be counted and the question that lists another week\'s teams', () => {
    const answer = sample.ask('how many teams were there in W40');
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe('I can count the teams with tasks in the report week (2026-W47) and those in the data ("how many teams are there"); for another week, ask for a measure by team ("AI tasks by team in W40"), which lists every one with tasks that week.');
  });
});
