import { beforeAll, describe, expect, test } from 'vitest';
import type { AskEngine } from '../../src/ask/ask-engine.js';
import { sampleAskEngine } from './ask-fixture.js';
import type { MetricsDocument } from '../../src/metrics/document.js';

// Per-team counts of tasks, asked the way a manager asks, on data/sample (report week 2026-W47).
let engine: AskEngine;
let report: MetricsDocument;
const OCTOBER = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'];
const SUPPRESSED_NOTE = ' 1 team suppressed (fewer than 5 users) is not shown.';

beforeAll(async () => {
  engine = await sampleAskEngine();
  report = engine.source.report;
});

const teamRow = (team: string) => report.tables.adoption_by_team.find((row) => row.team === team)!;
const trendSum = (team: string, weeks: string[], column: string) =>
  report.tables.adoption_trend.filter((row) => row.team === team && weeks.includes(row.week)).reduce((total, row) => total + (row[column] as number), 0);

describe('"how many tasks": AI tasks plus manual tasks, the adoption rate\'s denominator', () => {
  test('a named team in the report week, with its AI and manual tasks beside the total', () => {
    const finance = teamRow('Finance');
    const answer = engine.ask('how many tasks did Finance do');
    expect(finance.ai_tasks).toBe(158);
    expect(finance.manual_tasks).toBe(126);
    expect(answer.answer).toBe('Finance completed 284 tasks in 2026-W47: 158 with AI and 126 manually.');
    expect(answer.interpretation).toBe('tasks (AI and manual) for Finance, 2026-W47');
    expect(answer.table).toEqual({ columns: ['team', 'tasks', 'ai_tasks', 'manual_tasks'], units: ['text', 'count', 'count', 'count'], rows: [['Finance', 284, 158, 126]] });
    for (const question of ['how many tasks did Finance complete', 'how many tasks were done by Finance last week', 'Finance task count']) {
      expect(engine.ask(question).answer, question).toBe('Finance completed 284 tasks in 2026-W47: 158 with AI and 126 manually.');
    }
  });

  test('a month and several weeks add the weeks up, from the trend table', () => {
    const ai = trendSum('HR', OCTOBER, 'ai_tasks');
    const manual = trendSum('HR', OCTOBER, 'manual_tasks');
    expect([ai, manual]).toEqual([571, 1617]);
    expect(engine.ask('number of tasks for HR in October').answer).toBe('HR completed 2,188 tasks in 2026-10 (weeks 2026-W40 to 2026-W44): 571 with AI and 1,617 manually.');
    expect(engine.ask('how many tasks did Finance do over the last 3 weeks').answer)
      .toBe('Tasks (AI and manual) for Finance from 2026-W45 to 2026-W47 were 873 taken together; per week it went from 301 in 2026-W45 to 284 in 2026-W47 (-17).');
    expect(engine.ask('how many tasks did Legal do in W45 vs W44').answer).toBe('Tasks (AI and manual) for Legal went from 430 in 2026-W44 to 432 in 2026-W45 (+2).');
  });

  test('everyone, "with AI", rankings and thresholds', () => {
    expect(engine.ask('how many tasks in total').answer).toBe('All teams completed 2,131 tasks in 2026-W47: 1,009 with AI and 1,122 manually.');
    expect(engine.ask('how many tasks did Finance do with AI').answer).toBe('Finance completed 158 AI tasks in 2026-W47.');
    expect(engine.ask('how many tasks are still manual').answer).toBe('All teams completed 1,122 manual tasks in 2026-W47.');
    expect(engine.ask('how many tasks in Finance are manual').answer).toBe('Finance completed 126 manual tasks in 2026-W47.');
    expect(engine.ask('which team did the most tasks').answer).toBe(`HR had the most tasks (AI and manual) in 2026-W47: 433.${SUPPRESSED_NOTE}`);
    expect(engine.ask('which teams did more than 400 tasks').answer).toBe(`1 team had more than 400 tasks (AI and manual) in 2026-W47: HR (433).${SUPPRESSED_NOTE}`);
  });

  test('"each team" lists the count per team (not how many teams have one); people over weeks are a weekly mean, said so', () => {
    expect(engine.ask('how many tasks did each team do').answer).toBe(`Tasks (AI and manual) by team in 2026-W47: highest HR (433), lowest Finance (284) (6 teams).${SUPPRESSED_NOTE}`);
    expect(engine.ask('how many AI tasks did each team do last week').answer).toBe(`AI tasks by team in 2026-W47: highest Engineering (243), lowest Procurement (100) (6 teams).${SUPPRESSED_NOTE}`);
    expect(engine.ask('how many AI users did Legal have over the last 4 weeks').answer)
      .toBe('Users with an AI task for Legal from 2026-W44 to 2026-W47 were 9 a week on average; per week it went from 9 in 2026-W44 to 9 in 2026-W47 (0).');
    expect(engine.ask('how many users are there').answer).toBe('59 users had an AI task in 2026-W47 (of 65 licensed).');
    expect(engine.ask('how many users did we have last month').answer).toBe('On average 58.6 users a week had an AI task in 2026-10 (weeks 2026-W40 to 2026-W44) (of 65 licensed).');
    expect(engine.ask('which team has the most idle seats').answer).toBe(`Legal had the most idle seats in 2026-W47: 4.${SUPPRESSED_NOTE}`);
  });

  test('a suppressed team\'s counts are never shown, and the answer says why', () => {
    expect(teamRow('Internal Audit').suppressed).toBe(true);
    const answer = engine.ask('how many tasks did Internal Audit do');
    expect(answer.answer).toBe("Internal Audit's tasks (AI and manual) in 2026-W47 are suppressed (fewer than 5 users).");
    expect(answer.table.rows).toEqual([]);
    expect(engine.ask('how many hours did Internal Audit save in October').answer)
      .toBe("Internal Audit's hours saved in 2026-10 (weeks 2026-W40 to 2026-W44) are suppressed (fewer than 5 users).");
    expect(engine.ask('Internal Audit adoption').answer).toBe("Internal Audit's adoption rate in 2026-W47 is suppressed (fewer than 5 users).");
    expect(engine.ask('which team did the most tasks').table.rows.map((row) => row[0])).not.toContain('Internal Audit');
  });
});

describe('abandoned and harmful tasks: a count is ranked by the count, a rate by the rate', () => {
  test('"the most tasks" ranks the abandoned tasks (a tie names both); "the highest rate" the rate', () => {
    const counts = report.tables.adoption_by_team.filter((row) => row.team !== '*' && !row.suppressed).map((row) => [row.team, row.abandoned_tasks]);
    expect(counts.filter(([, count]) => count === 17).map(([team]) => team)).toEqual(['Finance', 'Procurement']);
    expect(engine.ask('which team abandoned the most tasks').answer).toBe(`Finance and Procurement tied for the most abandoned AI tasks in 2026-W47: 17 each.${SUPPRESSED_NOTE}`);
    expect(engine.ask('which team abandons the most AI sessions').answer).toBe(`Finance and Procurement tied for the most abandoned AI tasks in 2026-W47: 17 each.${SUPPRESSED_NOTE}`);
    expect(engine.ask('which team abandoned the fewest tasks').answer).toBe(`HR had the fewest abandoned AI tasks in 2026-W47: 13.${SUPPRESSED_NOTE}`);
    expect(trendSum('Engineering', OCTOBER, 'abandoned_tasks')).toBe(83);
    expect(engine.ask('which team abandoned the most tasks in October').answer)
      .toBe(`Engineering had the most abandoned AI tasks in 2026-10 (weeks 2026-W40 to 2026-W44): 83.${SUPPRESSED_NOTE}`);
    expect(engine.ask('which team has the highest abandonment rate').answer).toBe(`Procurement had the highest abandonment rate in 2026-W47: 13.8 %.${SUPPRESSED_NOTE}`);
    expect(engine.ask('which team had the most harmful tasks').answer).toBe(`Legal had the most harmful AI tasks in 2026-W47: 1.${SUPPRESSED_NOTE}`);
  });

  test('"number of" counts as "how many" does, and outputs are counted as tasks are', () => {
    expect(engine.ask('number of abandoned tasks for Legal').answer).toBe('Legal had 14 abandoned AI tasks in 2026-W47 (11.5 % of 122 AI tasks of any status).');
    expect(engine.ask('which team had the most harmful outputs').answer).toBe(`Legal had the most harmful AI tasks in 2026-W47: 1.${SUPPRESSED_NOTE}`);
  });

  test('"how many AI tasks did Legal abandon" counts the abandoned ones, not the completed AI tasks', () => {
    const w46 = report.tables.adoption_trend.find((row) => row.team === 'Legal' && row.week === '2026-W46')!;
    expect([w46.abandoned_tasks, w46.ai_tasks_any_status]).toEqual([11, 125]);
    expect(engine.ask('how many AI tasks did Legal abandon in W46').answer).toBe('Legal had 11 abandoned AI tasks in 2026-W46 (8.8 % of 125 AI tasks of any status).');
    expect(engine.ask('how many AI tasks were abandoned last week').answer).toBe('All teams had 96 abandoned AI tasks in 2026-W47 (8.3 % of 1,158 AI tasks of any status).');
  });

  test('"tasks" beside another measure is what that measure counts; a count the tables lack is refused, not answered with another', () => {
    expect(engine.ask('number of tasks that were abandoned').answer).toBe('All teams had 96 abandoned AI tasks in 2026-W47 (8.3 % of 1,158 AI tasks of any status).');
    expect(engine.ask('how many abandoned tasks in total').answer).toBe('All teams had 96 abandoned AI tasks in 2026-W47 (8.3 % of 1,158 AI tasks of any status).');
    // ASI is a rate: the completed AI tasks (1009) are not the accurate ones
    const accurate = engine.ask('how many AI tasks were accurate');
    expect(accurate.answered).toBe(false);
    expect(accurate.answer).toMatch(/^I cannot read "how many" in this question yet/);
    // manual tasks have no hours saved: two measures, refused, not answered with the manual tasks (1122)
    const onManual = engine.ask('how many hours were saved on manual tasks');
    expect(onManual.answered).toBe(false);
    expect(onManual.answer).not.toContain('1,122');
    // hours spent by hand are in no table: not the hours saved
    const manual = engine.ask('how many manual hours');
    expect(manual.answered).toBe(false);
    expect(manual.answer).toMatch(/^I cannot read "manual" in this question yet/);
  });

  test('a threshold in tasks compares the count, one in percent the rate', () => {
    expect(engine.ask('which teams abandoned more than 15 tasks').answer)
      .toBe(`3 teams had more than 15 abandoned AI tasks in 2026-W47: Finance (17), Procurement (17), Sales Ops (16).${SUPPRESSED_NOTE}`);
    expect(engine.ask('which teams abandoned more than 10% of tasks').answer)
      .toBe(`2 teams had abandonment rate more than 10 % in 2026-W47: Procurement (13.8 %), Legal (11.5 %).${SUPPRESSED_NOTE}`);
  });
});

describe('"which teams … than last week": each team against its own week before, not the all-teams comparison', () => {
  test('those that moved the way asked, most first, suppressed teams left out and counted', () => {
    expect(engine.ask('which teams did fewer tasks than last week').answer).toBe(
      '4 teams had fewer tasks (AI and manual) in 2026-W47 than in 2026-W46: Legal (391 against 420, -29), HR (433 against 441, -8), ' +
        `Procurement (298 against 304, -6), Finance (284 against 288, -4).${SUPPRESSED_NOTE}`,
    );
    expect(engine.ask('which teams had more abandoned tasks than last week').answer)
      .toBe(`2 teams had more abandoned AI tasks in 2026-W47 than in 2026-W46: Legal (14 against 11, +3), Procurement (17 against 16, +1).${SUPPRESSED_NOTE}`);
    expect(engine.ask('which teams have lower adoption than last week').answer)
      .toBe(`1 team had lower adoption rate in 2026-W47 than in 2026-W46: Procurement (33.6 % against 55.6 %, -22.0 pts).${SUPPRESSED_NOTE}`);
    const hours = engine.ask('which teams saved fewer hours than last week');
    expect(hours.answer).toBe(`2 teams had lower hours saved in 2026-W47 than in 2026-W46: Procurement (39.3 h against 62.2 h, -23.0 h), Legal (51.5 h against 62.0 h, -10.5 h).${SUPPRESSED_NOTE}`);
    expect(hours.table.columns).toEqual(['team', '2026-W46', '2026-W47', 'change_hours']);
    // one team, or everyone, is still a yes or no
    expect(engine.ask('did Finance do more tasks than last week').answer).toBe('No: tasks (AI and manual) for Finance: 284 in 2026-W47 against 288 in 2026-W46 (-4).');
  });
});

describe('weeks ranked by a count, and "this week vs last"', () => {
  test('"which week had the most tasks" says most; "this week vs last" compares with the week before', () => {
    const totals = report.tables.adoption_trend.filter((row) => row.team === '*').map((row) => [row.week, (row.ai_tasks as number) + (row.manual_tasks as number)] as const);
    const most = [...totals].sort((a, b) => b[1] - a[1])[0];
    expect(most).toEqual(['2026-W40', 2168]);
    expect(engine.ask('which week had the most tasks').answer).toBe('2026-W40 had the most tasks (AI and manual) for all teams of the 8 weeks 2026-W40 to 2026-W47: 2,168.');
    // (469 AI tasks in the 3 weeks of 2026-11 against 628 in the 5 of 2026-10 read as a fall of 159, while each week
    // went from 125.6 to 156.3 on average: totals over unequal weeks are refused, naming the weekly averages)
    expect(engine.ask('how many AI tasks did Finance do this month vs last').answer)
      .toMatch(/^2026-11 \(weeks 2026-W45 to 2026-W47\) holds 3 weeks and 2026-10 \(weeks 2026-W40 to 2026-W44\) 5 weeks, so their totals of AI tasks do not compare/);
    expect(engine.ask('average AI tasks per week for Finance this month').answer).toMatch(/: 156\.3 a week on average \(the total of 469 over 3 weeks/);
    // ("seats" with "unused" or "idle" are the idle seats, not the licensed ones)
    expect(engine.ask('how many seats are unused in Legal').answer).toBe('Idle seats for Legal in 2026-W47 were 4.');
    expect(engine.ask('how many licences are idle').answer).toMatch(/^Idle seats for all teams in 2026-W47 were /);
    expect(engine.ask("what's Procurement's adoption this week vs last").answer).toBe('Adoption rate for Procurement: 33.6 % in 2026-W47 against 55.6 % in 2026-W46 (-22.0 pts).');
  });
});
