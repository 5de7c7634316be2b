import { beforeAll, describe, expect, test } from 'vitest';
import { createAskEngine, type AskEngine } from '../../src/ask/ask-engine.js';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { askConfig, askFixture } from './ask-fixture.js';
import { sampleAskEngine } from './ask-fixture.js';

// "Which teams did not use AI", "which teams had no harmful tasks": the groups with none of a count, named (or "every
// team …" / "no team …"), never the per-team table; on data/sample (report week 2026-W47) and the ask fixture with an
// idle team (no task at all).
let sample: AskEngine;
let report: MetricsDocument;
const SUPPRESSED_NOTE = ' 1 team suppressed (fewer than 5 users) is not shown.';

beforeAll(async () => {
  sample = await sampleAskEngine();
  report = sample.source.report;
});

const visibleTeams = () => report.tables.adoption_by_team.filter((row) => row.team !== '*' && row.suppressed !== true);

describe('the groups with none of a count', () => {
  test('"had no harmful tasks" names the teams with 0 harmful AI tasks in the harm table', () => {
    const none = report.tables.harm.filter((row) => row.team !== '*' && row.suppressed !== true && row.harmful === 0).map((row) => row.team);
    expect(none).toEqual(['Engineering', 'Finance', 'HR', 'Procurement', 'Sales Ops']);
    const expected = `5 of 6 teams had no harmful AI tasks in 2026-W47: Engineering, Finance, HR, Procurement and Sales Ops.${SUPPRESSED_NOTE}`;
    for (const question of ['which teams had no harmful tasks', 'teams without any harmful tasks', 'which teams had zero harmful outputs']) {
      const answer = sample.ask(question);
      expect(answer.answer, question).toBe(expected);
      expect(answer.interpretation, question).toBe('harmful AI tasks by team, 2026-W47, only those with none (0 harmful AI tasks)');
    }
    expect(sample.ask('which teams had no harmful tasks').table.rows.map((row) => row[0])).toEqual(none);
  });

  test('"did not use AI" when every team did, in any wording and period', () => {
    expect(visibleTeams().every((row) => (row.ai_tasks as number) > 0)).toBe(true);
    for (const question of ['which teams did not use AI', "which teams didn't use AI", 'which teams never used AI', 'which departments are not using AI', 'which teams had no AI tasks']) {
      expect(sample.ask(question).answer, question).toBe(`Every team used AI in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
    }
    expect(sample.ask('which teams did not use AI last month').answer).toBe(`Every team used AI in 2026-10 (weeks 2026-W40 to 2026-W44) (6 teams).${SUPPRESSED_NOTE}`);
    expect(sample.ask('which teams had no manual tasks').answer).toBe(`Every team had manual tasks in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
  });

  test('task types too, and a negation of anything but a count is refused with the hint', () => {
    expect(sample.ask('which task types had no harmful tasks').answer).toBe(
      '7 of 8 task types had no harmful AI tasks in 2026-W47: budget_reconciliation, contract_review, data_entry, email_triage, invoice_matching, meeting_summary and vendor_onboarding.',
    );
    const refused = sample.ask('which teams had no accuracy issues');
    expect(refused.answered).toBe(false);
    expect(refused.answer).toContain('A negation ("no accuracy") is not read: ask without it ("accuracy stability (ASI) by team", or with "accuracy")');
    // ("no more than" is a threshold, not a negation)
    expect(sample.ask('which teams had no more than 5 harmful tasks').answer).toMatch(/^6 teams had no more than 5 harmful AI tasks in 2026-W47: /);
  });

  test('a team with no task at all is named among those that did not use AI; a suppressed one never', () => {
    const engine = createAskEngine(askFixture({ idleTeam: 'Idle' }), askConfig());
    expect(engine.ask('which teams did not use AI').answer).toBe('1 of 5 teams did not use AI in 2026-W47: Idle (no tasks at all). 1 team suppressed (fewer than 2 users) is not shown.');
    expect(engine.ask('which teams had no harmful tasks').answer)
      .toBe('4 of 5 teams had no harmful AI tasks in 2026-W47: Finance, Idle (no tasks at all), Procurement and Sales Ops. 1 team suppressed (fewer than 2 users) is not shown.');
    expect(engine.ask('which teams did not use AI').table.rows).toEqual([['Idle', 0]]);
  });
});

describe('people without an AI task, and other negations of a count', () => {
  test('"which users did not use AI" is counted, never named, and agrees with the usage tiers table', () => {
    const none = report.tables.usage_tiers.find((row) => row.team === '*' && row.week === '2026-W47')!;
    expect([none.none, none.people]).toEqual([6, 65]);
    for (const question of ['which users did not use AI', 'who never used AI', "which people haven't used the tool"]) {
      expect(sample.ask(question).answer, question).toBe(
        'The report names no one without an AI task, it only counts them: 6 licensed people had no AI task in 2026-W47 (of 65); ask "licensed people without an AI task by team" for each team.',
      );
    }
    expect(sample.ask('which users in Legal did not use AI').answer).toBe('The report names no one without an AI task, it only counts them: 4 licensed people in Legal had no AI task in 2026-W47 (of 13).');
    // (a count asked as a count keeps its answer)
    expect(sample.ask('how many licensed people are not using it').answer).toBe('Licensed people without an AI task for all teams in 2026-W47 were 6.');
  });

  test('"didn\'t have any" reads as "no"; a count of weeks is refused with a hint, never answered for the report week', () => {
    expect(sample.ask("which teams didn't have any harmful tasks").answer)
      .toBe(`5 of 6 teams had no harmful AI tasks in 2026-W47: Engineering, Finance, HR, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
    const weeks = sample.ask('how many weeks did Legal dip');
    expect(weeks.answered).toBe(false);
    expect(weeks.answer).toContain('A count of weeks is in no table: ask for each week\'s figure ("Legal adoption per week since W40") and count them there.');
    expect(sample.ask('how many weeks had harmful tasks').answered).toBe(false);
  });
});

describe('yes/no and "nobody"', () => {
  test('"did any team not use AI" answers Yes or No first; "nobody using AI" is none; a task type "had AI tasks"', () => {
    expect(sample.ask('did any team not use AI last month').answer)
      .toBe(`No: every team used AI in 2026-10 (weeks 2026-W40 to 2026-W44) (6 teams).${SUPPRESSED_NOTE}`);
    const engine = createAskEngine(askFixture({ idleTeam: 'Idle' }), askConfig());
    expect(engine.ask('did any team not use AI').answer).toBe('Yes: 1 of 5 teams did not use AI in 2026-W47: Idle (no tasks at all). 1 team suppressed (fewer than 2 users) is not shown.');
    expect(sample.ask('which teams have nobody using AI').answer).toBe(`Every team used AI in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
    expect(sample.ask('which task types did nobody use AI for').answer).toBe('Every task type had AI tasks in 2026-W47 (8 task types).');
    // ("seats nobody uses" are the idle seats, not a negation of AI use)
    expect(sample.ask('which teams have seats nobody uses').interpretation).toBe('idle seats by team, 2026-W47');
  });
});

describe('"are there teams …", "any task types …"', () => {
  test('"are there teams that did not use AI" is a yes/no over the teams; task types are answered for task types', () => {
    expect(sample.ask('are there teams that did not use AI').answer).toBe(`No: every team used AI in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
    expect(sample.ask('is there a team with adoption below 30%').answer).toBe(`Yes: 1 team had adoption rate below 30 % in 2026-W47: Legal (27.1 %).${SUPPRESSED_NOTE}`);
    const harm = sample.source.taskTypeDocument('2026-W47').tables.harm.filter((row) => row.team !== '*' && (row.harmful as number) > 0);
    expect(harm.map((row) => row.team)).toEqual(['report_drafting']);
    // (was: the teams, "1 team had harm rate above 0 …: Legal")
    expect(sample.ask('did any task type have harmful outputs').answer).toBe('Yes: 1 task type had harm rate above 0 in 2026-W47: report_drafting (0.5 %).');
    expect(sample.ask('are there any task types with no harmful tasks').answer).toBe(
      'Yes: 7 of 8 task types had no harmful AI tasks in 2026-W47: budget_reconciliation, contract_review, data_entry, email_triage, invoice_matching, meeting_summary and vendor_onboarding.',
    );
  });

  test('names a team with no task only when the roster lists it in the month of the week asked about', () => {
    const gone = createAskEngine(askFixture({ idleTeam: 'Gone', idleMonths: ['2026-10'] }), askConfig());
    expect(gone.ask('which teams did not use AI').answer).toBe('Every team used AI in 2026-W47 (4 teams). 1 team suppressed (fewer than 2 users) is not shown.');
    expect(gone.ask('which teams did not use AI in W42').answer).toContain('Gone (no tasks at all)');
  });

  test('a team with no task and fewer people on the roster than the privacy minimum is counted as suppressed, never named', () => {
    const lone = createAskEngine(askFixture({ idleTeam: 'Lone', idleUsers: 1 }), askConfig());
    expect(lone.ask('which teams did not use AI').answer).toBe('Every team used AI in 2026-W47 (4 teams). 2 teams suppressed (fewer than 2 users) are not shown.');
  });
});

// "Which teams had no alerts", "teams that saved no time": the same list of the groups with none, over each team's
// number of alerts (of the severities asked) and its hours saved (0 or less), never refused.
describe('no alerts, no hours saved', () => {
  test('"had no alerts" names the teams none of the week\'s alerts is about', () => {
    const alerted = new Set(report.tables.alerts.map((alert) => alert.team));
    expect(visibleTeams().map((row) => row.team).filter((team) => !alerted.has(team))).toEqual(['Engineering']);
    for (const question of ['which teams had no alerts', 'teams without alerts this week', 'which teams had zero alerts', "which teams didn't have any alerts"]) {
      const answer = sample.ask(question);
      expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
      expect(answer.answer, question).toBe(`1 of 6 teams had no alerts in 2026-W47: Engineering.${SUPPRESSED_NOTE}`);
      expect(answer.table.rows, question).toEqual([['Engineering', 0]]);
    }
    expect(sample.ask('which teams had no critical alerts').answer).toBe(`No team had critical alerts in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
    // (the positive list keeps its own answer: each team with its number of alerts)
    expect(sample.ask('which teams have alerts').answer).toMatch(/^5 teams had alerts in 2026-W47: Legal \(2\)/);
  });

  test('"didn\'t save any hours" and "saved no time" list the teams that saved 0 hours or less, an idle team among them', () => {
    for (const question of ["which teams didn't save any hours", 'teams that saved no time', 'which teams saved no hours']) {
      const answer = sample.ask(question);
      expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
      expect(answer.answer, question).toBe(`Every team saved hours in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
      expect(answer.interpretation, question).toBe('hours saved by team, 2026-W47, only those with none (0 hours saved or less)');
    }
    const engine = createAskEngine(askFixture({ idleTeam: 'Idle' }), askConfig());
    expect(engine.ask('which teams did not save any time').answer).toBe('1 of 5 teams saved no hours in 2026-W47: Idle (no tasks at all). 1 team suppressed (fewer than 2 users) is not shown.');
    expect(engine.ask('which teams had no alerts').answer).toMatch(/^\d of 5 teams had no alerts in 2026-W47: .*Idle \(no tasks at all\)/);
  });
});

// The same list over data gaps and power users per team, and "didn't get any": before, "no data gaps" and "no power
// users" were refused, "which teams have power users" answered the top 3 teams by adoption, and "didn't get any alerts"
// read "get" as a team's name.
describe('no data gaps, power users held or not', () => {
  test('teams with no data gaps, with or without power users', () => {
    const gapTeams = new Set(report.tables.gaps.map((gap) => gap.team));
    const powerTeams = new Set(report.tables.power_users.map((row) => row.team));
    expect([[...gapTeams], [...powerTeams]]).toEqual([['Legal'], ['Engineering']]);
    expect(sample.ask('which teams had no data gaps').answer).toBe(`5 of 6 teams had no data gaps in 2026-W47: Engineering, Finance, HR, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
    for (const question of ['which teams have power users', 'which teams have heavy users', 'how many teams have power users']) {
      const answer = sample.ask(question);
      expect(answer.answer, question).toBe(`1 of 6 teams had power users in 2026-W47: Engineering (2).${SUPPRESSED_NOTE}`);
      expect(answer.table.rows, question).toEqual([['Engineering', 2]]);
    }
    expect(sample.ask('which teams had no power users').answer).toBe(`5 of 6 teams had no power users in 2026-W47: Finance, HR, Legal, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
    expect(sample.ask("which teams didn't get any alerts").answer).toBe(`1 of 6 teams had no alerts in 2026-W47: Engineering.${SUPPRESSED_NOTE}`);
    // (the team as a user is still the heaviest by adoption; a breakdown of power users by team is still refused)
    expect(sample.ask('which team is the heaviest AI user').answer).toMatch(/^Engineering had the highest adoption rate in 2026-W47: 72\.8 %\./);
    expect(sample.ask('power users by team').answered).toBe(false);
  });
});

// People counted per team (idle seats, new and lapsed users) read the same way: before, "no idle seats" was refused.
test('"which teams have no idle seats", "had no new users": the teams whose count of those people is 0', () => {
  const idle = (report.tables.idle_seats ?? []).filter((row) => row.team !== '*' && row.suppressed !== true);
  expect(idle.filter((row) => row.idle_seats === 0).map((row) => row.team)).toEqual(['Engineering', 'Finance', 'Procurement', 'Sales Ops']);
  expect(sample.ask('which teams have no idle seats').answer).toBe(`4 of 6 teams had no idle seats in 2026-W47: Engineering, Finance, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
  expect(sample.ask('how many teams have idle seats').answer).toBe(`2 of 6 teams had idle seats in 2026-W47: Legal (4), HR (2).${SUPPRESSED_NOTE}`);
  expect(sample.ask('which teams had no new users').answer).toBe(`5 of 6 teams had no new AI users in 2026-W47: Engineering, Finance, Legal, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
});

// "Did every team use AI" listed adoption by team, with no Yes or No: it is the list of those without, answered Yes or No.
test('"did every team use AI": Yes when none is without, else No with those without named', () => {
  expect(sample.ask('did every team use AI').answer).toBe(`Yes: every team used AI in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
  expect(sample.ask('did all teams use AI last month').answer).toBe(`Yes: every team used AI in 2026-10 (weeks 2026-W40 to 2026-W44) (6 teams).${SUPPRESSED_NOTE}`);
  expect(sample.ask('has every team had harmful tasks').answer).toBe(`No: 5 of 6 teams had no harmful AI tasks in 2026-W47: Engineering, Finance, HR, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
});

// A negated "have", "get" or "save" with no "any": "which teams did not have alerts" answered the teams WITH alerts and
// "did not have adoption above 40%" those above it (the negation dropped); a second negation was dropped too.
test('"did not have", "never saved", and a second negation refused, never dropped', () => {
  for (const question of ['which teams did not have alerts last week', 'which teams never got alerts']) {
    expect(sample.ask(question).answer, question).toBe(`1 of 6 teams had no alerts in 2026-W47: Engineering.${SUPPRESSED_NOTE}`);
  }
  expect(sample.ask('which teams did not have harmful tasks').answer).toBe(`5 of 6 teams had no harmful AI tasks in 2026-W47: Engineering, Finance, HR, Procurement and Sales Ops.${SUPPRESSED_NOTE}`);
  expect(sample.ask('teams that never saved time').answer).toBe(`Every team saved hours in 2026-W47 (6 teams).${SUPPRESSED_NOTE}`);
  for (const question of ['which teams did not have adoption above 40%', "which teams don't have a high harm rate", 'which teams had no alerts and no harmful tasks']) {
    const answer = sample.ask(question);
    expect(answer.answered, `${question}: ${answer.answer}`).toBe(false);
  }
});

// "Which teams were not alerted" named the teams WITH alerts: a list of alerts, gaps, power users or blind spots reads
// no negation, so one left in the question is refused and named.
test('a negation left in a question about alerts, gaps, power users or blind spots is refused, not dropped', () => {
  for (const [question, phrase] of [['which teams were not alerted', 'not alerted'], ['which users are not blind spots', 'not blind']]) {
    const answer = sample.ask(question);
    expect(answer.answered, `${question}: ${answer.answer}`).toBe(false);
    expect(answer.answer, question).toContain(`I cannot read "${phrase}"`);
  }
  expect(sample.ask('what alerts fired last week').answered).toBe(true);
});
