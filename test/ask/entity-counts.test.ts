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
    expect(offices.answer).toBe('The data holds teams, task types, users, weeks and months, so I can count only those: ask "how many teams are there", "how many task types are there", "how many users are there", "how many people are on the roster", "how many weeks are loaded" or "how many months of data are there".');
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
    const answer = sample.ask('how many teams were there in the new office');
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe('I can count the teams with tasks in a week, a month or a range ("how many teams were there in W40", "… in the last 4 weeks"; the report week, 2026-W47, when none is named) and those in the data ("how many teams are there"); for a measure by team, ask for it ("AI tasks by team in W40").');
  });
});

// Counts of the data's entities over the period asked, and of months and of the roster's people, which were refused.
describe('counts of months, of the roster and over a period', () => {
  test('months of data: each with its weeks of tasks, a month not loaded whole said', () => {
    for (const question of ['how many months of data are there', 'how many months are loaded', 'number of months in the data']) {
      const answer = sample.ask(question);
      expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
      expect(answer.answer, question).toBe('The data holds 2 months with tasks: 2026-10 (5 of its 5 weeks) and 2026-11 (3 of its 4 weeks); 2026-11 is not loaded whole (a week counts in the month of its Thursday).');
    }
    expect(sample.ask('how many months of data are there').table.rows).toEqual([['2026-10', 5, 5], ['2026-11', 3, 4]]);
  });

  test('people on the roster: distinct people of the report week\'s roster month (or the month asked), the licensed among them', () => {
    const roster = sample.source.rosterPeople(['2026-11']);
    expect(roster).toEqual({ people: 71, licensed: 65 });
    for (const question of ['how many people are on the roster', 'how many users are on the roster', 'how many employees are in the roster']) {
      expect(sample.ask(question).answer, question).toBe('The roster lists 71 people in 2026-11, 65 of them licensed.');
    }
    // (people without "roster" stay the measure's count)
    expect(sample.ask('how many users are there').answer).toBe('59 users had an AI task in 2026-W47 (of 65 licensed).');
  });

  test('teams, task types and weeks over the week, month or range asked', () => {
    expect(sample.ask('how many teams were there in W40').answer).toBe('6 teams had tasks in 2026-W40, besides 1 suppressed (fewer than 5 users, so not shown in lists); no other team is in the data (in its tasks or on its roster, in any week).');
    expect(sample.ask('how many teams are there in November').answer).toBe('6 teams had tasks in 2026-11 (weeks 2026-W45 to 2026-W47), besides 1 suppressed (fewer than 5 users, so not shown in lists); no other team is in the data (in its tasks or on its roster, in any week).');
    expect(sample.ask('how many task types were there in the last 4 weeks').answer).toBe('8 task types had tasks from 2026-W44 to 2026-W47; no other task type is in the data (in its tasks, in any week).');
    expect(sample.ask('how many weeks of data do we have in October').answer).toBe('The data holds 5 weeks with tasks in 2026-10 (weeks 2026-W40 to 2026-W44) (up to the report week, 2026-W47).');
    expect(sample.ask('how many teams had tasks in the last 4 weeks').answer).toBe(`Every team had tasks (AI and manual) from 2026-W44 to 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
    // a team with no task in one week of the range but tasks in another had tasks in the range
    const quiet = createAskEngine(askFixture({ idleTeam: 'Idle', quietWeeks: { Legal: [7] } }), askConfig());
    expect(quiet.ask('how many teams are there').answer).toBe('3 teams had tasks in 2026-W47, besides 1 suppressed (fewer than 2 users, so not shown in lists); the data names 6 teams in all (in its tasks or on its roster, in any week); 2 teams had no task in 2026-W47: Idle and Legal.');
    expect(quiet.ask('how many teams were there in the last 2 weeks').answer).toBe('4 teams had tasks from 2026-W46 to 2026-W47, besides 1 suppressed (fewer than 2 users, so not shown in lists); the data names 6 teams in all (in its tasks or on its roster, in any week); 1 team had no task from 2026-W46 to 2026-W47: Idle.');
  });
});
