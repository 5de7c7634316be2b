import { beforeAll, describe, expect, test } from 'vitest';
import type { AskAnswer, AskEngine } from '../../src/ask/ask-engine.js';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { sampleAskEngine } from './ask-fixture.js';

// Questions a manager types on data/sample (report week 2026-W47), each answer checked against the metrics document.
let engine: AskEngine;
let report: MetricsDocument;

beforeAll(async () => {
  engine = await sampleAskEngine({ week: '2026-W47' });
  report = engine.source.report;
});

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const WEEKS_SINCE_OCTOBER = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'];

function answered(question: string): AskAnswer {
  const answer = engine.ask(question);
  expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
  return answer;
}

function refused(question: string): AskAnswer {
  const answer = engine.ask(question);
  expect(answer.answered, `${question}: ${answer.answer}`).toBe(false);
  return answer;
}

// The all-teams (or one team's) adoption over weeks taken together, from the trend table's counts.
function pooledAdoption(team: string, weeks: string[]): number {
  const rows = report.tables.adoption_trend.filter((row) => row.team === team && weeks.includes(row.week));
  const ai = rows.reduce((sum, row) => sum + row.ai_tasks, 0);
  const manual = rows.reduce((sum, row) => sum + row.manual_tasks, 0);
  return ai / (ai + manual);
}

describe('"since last month": from the first week of last calendar month to the report week', () => {
  test('adoption since last month is October and November up to 2026-W47, taken together', () => {
    const answer = answered('adoption since last month');
    expect(answer.weeks).toEqual(WEEKS_SINCE_OCTOBER);
    expect(pct(pooledAdoption('*', WEEKS_SINCE_OCTOBER))).toBe('41.2 %');
    expect(answer.answer).toBe('Adoption rate for all teams from 2026-W40 to 2026-W47 was 41.2 % taken together; per week it went from 34.6 % in 2026-W40 to 47.3 % in 2026-W47 (+12.7 pts).');
    // "since the start of last month" is the same range (it was October alone)
    expect(answered('adoption since the start of last month').answer).toBe(answer.answer);
  });

  test('hours saved since last month add the weeks of the time-saved table; Legal since last month is Legal\'s', () => {
    const hours = report.tables.time_saved.filter((row) => row.team === '*' && WEEKS_SINCE_OCTOBER.includes(row.week)).reduce((sum, row) => sum + row.hours_saved, 0);
    expect(hours).toBeCloseTo(2416.95, 2); // printed as the report rounds it, 2417.0
    expect(answered('hours saved since last month').answer).toMatch(/^All teams saved 2,417\.0 h from 2026-W40 to 2026-W47;/);
    expect(pct(pooledAdoption('Legal', WEEKS_SINCE_OCTOBER))).toBe('21.5 %');
    expect(answered('Legal adoption since last month').answer).toMatch(/^Adoption rate for Legal from 2026-W40 to 2026-W47 was 21\.5 % taken together;/);
    // "after last month" starts with this month (2026-W45, the first week whose Thursday is in November)
    expect(pct(pooledAdoption('*', ['2026-W45', '2026-W46', '2026-W47']))).toBe('46.0 %');
    expect(answered('adoption after last month').answer).toMatch(/^Adoption rate for all teams from 2026-W45 to 2026-W47 was 46\.0 % taken together;/);
  });

  test('"since last week" is refused with the phrasing that asks for the change against the week before', () => {
    const answer = refused('adoption since last week');
    expect(answer.answer).toContain('For the change since the week before, ask "adoption rate versus last week".');
    const versus = answered('adoption rate versus last week');
    const all = report.tables.adoption_by_team.find((row) => row.team === '*')!;
    expect(versus.answer).toBe(`Adoption rate for all teams: ${pct(all.adoption_rate!)} in 2026-W47 against ${pct(all.previous_adoption_rate!)} in 2026-W46 (+0.9 pts).`);
  });
});

describe('"per week by team": each team\'s value in each week, not the change from the first week to the last', () => {
  test('hours saved per week by team is the time-saved table, one column per week', () => {
    const answer = answered('hours saved per week by team');
    expect(answer.table.columns).toEqual(['team', ...WEEKS_SINCE_OCTOBER]);
    const hoursOf = (team: string, week: string) => report.tables.time_saved.find((row) => row.team === team && row.week === week)!.hours_saved;
    // the teams in the order of the report week's hours, as the report's table holds them
    expect(answer.table.rows.map((row) => row[0])).toEqual(['Engineering', 'Finance', 'Legal', 'Sales Ops', 'HR', 'Procurement']);
    for (const row of answer.table.rows) expect(row.slice(1)).toEqual(WEEKS_SINCE_OCTOBER.map((week) => hoursOf(row[0] as string, week)));
    expect(answer.answer).toMatch(/^Hours saved per week by team from 2026-W40 to 2026-W47, one column per week: Engineering 41\.1 h \(2026-W40\) to 67\.2 h \(2026-W47\), /);
    expect(answer.answer).toContain('Procurement 46.0 h (2026-W40) to 39.3 h (2026-W47). 1 team suppressed (fewer than 5 users) is not shown.');
    expect(answer.answer).not.toMatch(/change/i);
    // "weekly adoption by team" likewise, from the trend table
    const adoption = answered('weekly adoption by team');
    const legal = report.tables.adoption_trend.filter((row) => row.team === 'Legal' && WEEKS_SINCE_OCTOBER.includes(row.week)).map((row) => row.adoption_rate);
    expect(adoption.table.rows.find((row) => row[0] === 'Legal')!.slice(1)).toEqual(legal);
  });

  test('one team or all teams per week: the weeks taken together and each week, not a change', () => {
    expect(answered('hours saved per week').interpretation).toBe('hours saved for all teams, 2026-W40 to 2026-W47, taken together, and per week');
    // one week named: that week's values by team
    expect(answered('hours saved per week by team last week').answer).toMatch(/^Hours saved by team in 2026-W47: highest Engineering \(67\.2 h\), lowest Procurement \(39\.3 h\)/);
    // a change asked for stays a change
    expect(answered('weekly adoption change by team').answer).toMatch(/^Change in adoption rate by team from 2026-W40 to 2026-W47: highest Engineering \(\+20\.6 pts\)/);
  });

  test('a threshold on a per-week value is refused, never read as the total or the change', () => {
    expect(refused('which teams saved more than 50 hours per week').answer).toMatch(/^I can list hours saved per week by team \(one column per week\), but not compare or rank teams by a value per week yet/);
  });
});

describe('words no rule reads that would narrow the question are refused, named; filler is not', () => {
  const notUnderstood = (question: string, words: string) => {
    const answer = refused(question);
    expect(answer.answer, question).toMatch(new RegExp(`^I do not understand ${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in this question, and the answer without it could be another question's`));
    expect(answer.suggestions).toHaveLength(3);
  };

  test('a place, a group, a product or a condition not in the tables', () => {
    notUnderstood('adoption in the new office', '"in the new office"');
    notUnderstood('adoption in the london office', '"in the london office"');
    notUnderstood('adoption on mobile', '"on mobile"');
    notUnderstood('adoption for new hires', '"for new hires"');
    notUnderstood('adoption of the chatbot', '"of the chatbot"');
    notUnderstood('adoption by region', '"region"');
    notUnderstood('hours saved by product', '"product"');
    notUnderstood('what is Legal\'s adoption in the new office', '"in the new office"');
  });

  test('filler, contractions and swapped letters keep the answer, checked against the adoption table', () => {
    const all = report.tables.adoption_by_team.find((row) => row.team === '*')!;
    const finance = report.tables.adoption_by_team.find((row) => row.team === 'Finance')!;
    expect(pct(all.adoption_rate!)).toBe('47.3 %');
    for (const question of ['what is the adoption rate please', 'show me adoption', 'give me the latest adoption numbers', 'waht is the adoption rate', 'can you tell me the adoption rate right now']) {
      expect(answered(question).answer, question).toBe('Adoption rate for all teams in 2026-W47 was 47.3 %.');
    }
    expect(pct(finance.adoption_rate!)).toBe('55.6 %');
    expect(answered("I'd like to know the adoption rate for Finance").answer).toBe('Adoption rate for Finance in 2026-W47 was 55.6 %.');
  });

  test('"in recent weeks" and "lately" are refused as times it cannot read, not answered for the report week', () => {
    expect(refused('adoption in recent weeks').answer).toMatch(/^I cannot read the time in "recent weeks", so I will not guess;/);
    expect(refused('how is adoption lately').answer).toMatch(/^I cannot read the time in "lately", so I will not guess;/);
  });
});

describe('a week range with a team: the team over those weeks, or a clean refusal', () => {
  test('adoption after W45 for Legal is Legal from 2026-W46 to the report week, from the trend table', () => {
    const weeks = ['2026-W46', '2026-W47'];
    expect(pct(pooledAdoption('Legal', weeks))).toBe('26.5 %');
    for (const question of ['adoption after W45 for Legal', 'adoption for Legal after W45', "Legal's adoption after week 45"]) {
      const answer = answered(question);
      expect(answer.answer, question).toBe('Adoption rate for Legal from 2026-W46 to 2026-W47 was 26.5 % taken together; per week it went from 26.0 % in 2026-W46 to 27.1 % in 2026-W47 (+1.2 pts).');
      expect(answer.weeks).toEqual(weeks);
    }
  });

  test('a bound with no data on its side names the bound alone, not the team after it, and the weeks the data holds', () => {
    const after = refused('adoption after W47 for Legal');
    expect(after.answer).toBe('I cannot read the time in "after w47", so I will not guess; name a week (2026-W45, "last week"), a month ("in October", "this month"), "since W40" or "over the last 4 weeks". The report week is 2026-W47. The data holds 2026-W40 to 2026-W47.');
    expect(refused('adoption before W40 for Legal').answer).toMatch(/^I cannot read the time in "before w40", so I will not guess;.* The data holds 2026-W40 to 2026-W47\.$/);
  });
});

describe('"this month vs last month" of hours or tasks: totals over unequal weeks are refused, naming the weekly averages', () => {
  test('hours saved this month vs last month: 3 weeks against 5, refused; the weekly averages it names answer from the time-saved table', () => {
    const answer = refused('hours saved this month vs last month');
    expect(answer.answer).toBe('2026-11 (weeks 2026-W45 to 2026-W47) holds 3 weeks and 2026-10 (weeks 2026-W40 to 2026-W44) 5 weeks, so their totals of hours saved do not compare (the shorter month would look lower however each week went); ask "average hours saved per week this month" and "average hours saved per week last month", or "hours saved per week since last month".');
    expect(refused('hours saved compared to last month by team').answer).toBe(answer.answer);
    const hoursIn = (weeks: string[]) => report.tables.time_saved.filter((row) => row.team === '*' && weeks.includes(row.week)).reduce((sum, row) => sum + row.hours_saved, 0);
    expect((hoursIn(['2026-W45', '2026-W46', '2026-W47']) / 3).toFixed(1)).toBe('332.2');
    expect(answered('average hours saved per week this month').answer).toMatch(/: 332\.2 h a week on average/);
    expect((hoursIn(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']) / 5).toFixed(1)).toBe('284.1');
    expect(answered('average hours saved per week last month').answer).toMatch(/: 284\.1 h a week on average/);
  });

  test('a rate compares whatever the weeks: adoption this month vs last month, pooled from the trend table', () => {
    expect(pct(pooledAdoption('*', ['2026-W45', '2026-W46', '2026-W47']))).toBe('46.0 %');
    expect(pct(pooledAdoption('*', ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']))).toBe('38.4 %');
    expect(answered('adoption this month vs last month').answer).toBe('Adoption rate for all teams: 46.0 % in 2026-11 (weeks 2026-W45 to 2026-W47) against 38.4 % in 2026-10 (weeks 2026-W40 to 2026-W44) (+7.6 pts).');
  });
});

describe('"all teams" with "total", "combined" or "overall" is everyone taken together, not each team', () => {
  test('total hours saved by all teams is the all-teams row of the time-saved table', () => {
    const all = report.tables.time_saved.find((row) => row.team === '*' && row.week === '2026-W47')!;
    expect(all.hours_saved.toFixed(1)).toBe('336.9');
    expect(answered('total hours saved by all teams').answer).toBe('All teams saved 336.9 hours in 2026-W47.');
    expect(answered('adoption across all teams combined').answer).toBe('Adoption rate for all teams in 2026-W47 was 47.3 %.');
    // without such a word, each team is listed
    expect(answered('total hours saved by team').answer).toMatch(/^Hours saved by team in 2026-W47: highest Engineering \(67\.2 h\)/);
  });
});

describe('"from W45" with no end: from that week to the report week, as "since W45"', () => {
  test('adoption from W45 (or starting W45) is W45 to W47 taken together, not W45 alone', () => {
    const weeks = ['2026-W45', '2026-W46', '2026-W47'];
    expect(pct(pooledAdoption('*', weeks))).toBe('46.0 %');
    for (const question of ['adoption from W45', 'adoption starting W45', 'adoption starting from W45']) {
      const answer = answered(question);
      expect(answer.weeks, question).toEqual(weeks);
      expect(answer.answer, question).toMatch(/^Adoption rate for all teams from 2026-W45 to 2026-W47 was 46\.0 % taken together;/);
    }
    // "from October" is from its first week, W40
    expect(answered('adoption from October').weeks).toEqual(WEEKS_SINCE_OCTOBER);
    // and "from W44 to W45" is still those two weeks
    expect(answered('adoption from W44 to W45').weeks).toEqual(['2026-W44', '2026-W45']);
  });
});

describe('a team or task type named by words the data has no name for is refused, naming the phrase', () => {
  test('"adoption in the new team" is no answer for every team', () => {
    for (const [question, phrase] of [
      ['adoption in the new team', 'in the new team'],
      ['adoption in my team', 'in my team'],
      ['hours saved in the active team', 'in the active team'],
      ['adoption of the new task type', 'of the new task type'],
      ['adoption for new teams', 'for new teams'],
    ]) {
      const answer = refused(question);
      expect(answer.answer, question).toContain(`"${phrase}"`);
      expect(answer.table.rows, question).toEqual([]);
      expect(answer.suggestions.length, question).toBe(3);
    }
    // words that pick no group out still read: each team, a team the data names, all teams
    expect(answered('adoption for each team').answer).toMatch(/^Adoption rate by team in 2026-W47: highest Engineering \(72\.8 %\)/);
    expect(answered('adoption in the legal team').answer).toBe('Adoption rate for Legal in 2026-W47 was 27.1 %.');
    expect(answered('how are our teams doing').interpretation).toMatch(/^headline numbers for all teams, 2026-W47/);
  });
});

describe('teams ranked or set against everyone with no measure named: by adoption rate, and said', () => {
  test('top teams, which team is best, is Legal above average, which teams are lagging', () => {
    const week = report.tables.adoption_by_team;
    expect(pct(week.find((row) => row.team === 'Engineering')!.adoption_rate!)).toBe('72.8 %');
    expect(pct(week.find((row) => row.team === '*')!.adoption_rate!)).toBe('47.3 %');
    const said = 'no measure named, so adoption rate';
    const top = answered('top teams');
    expect(top.answer).toMatch(/^The 3 teams with the highest adoption rate in 2026-W47: Engineering \(72\.8 %\), Sales Ops \(60\.9 %\), Finance \(55\.6 %\)\./);
    expect(top.interpretation).toContain(said);
    const best = answered('which team is best');
    expect(best.answer).toMatch(/^Engineering had the highest adoption rate in 2026-W47: 72\.8 %\./);
    expect(best.interpretation).toContain(said);
    const above = answered('is Legal above average');
    expect(above.answer).toBe('No: adoption rate for Legal in 2026-W47 was 27.1 % (all teams: 47.3 %).');
    expect(above.interpretation).toContain(said);
    const lagging = answered('which teams are lagging');
    expect(lagging.answer).toMatch(/^The 3 teams with the lowest adoption rate in 2026-W47: Legal \(27\.1 %\), Procurement \(33\.6 %\), HR \(37\.4 %\)\./);
    expect(lagging.interpretation).toContain(said);
    // a measure named is that measure, and not said to be assumed
    const hours = answered('top teams by hours saved');
    expect(hours.answer).toMatch(/highest hours saved in 2026-W47: Engineering \(67\.2 h\)/);
    expect(hours.interpretation).not.toContain(said);
  });
});

describe('"vs last 4 weeks": the report week against several before it is refused with the two questions that answer it', () => {
  test('Legal adoption vs last 4 weeks is not W44 to W47 taken together (24.4 %)', () => {
    expect(pct(pooledAdoption('Legal', ['2026-W44', '2026-W45', '2026-W46', '2026-W47']))).toBe('24.4 %');
    const answer = refused('Legal adoption vs last 4 weeks');
    expect(answer.answer).not.toContain('24.4 %');
    expect(answer.answer).toContain('To set 2026-W47 against the 4 weeks before it, ask "Legal adoption rate in 2026-W47" and "Legal adoption rate from 2026-W43 to 2026-W46".');
    // the two questions it names are answered
    expect(answered('Legal adoption rate in 2026-W47').answer).toBe('Adoption rate for Legal in 2026-W47 was 27.1 %.');
    expect(pct(pooledAdoption('Legal', ['2026-W43', '2026-W44', '2026-W45', '2026-W46']))).toBe('23.0 %');
    expect(answered('Legal adoption rate from 2026-W43 to 2026-W46').answer).toMatch(/^Adoption rate for Legal from 2026-W43 to 2026-W46 was 23\.0 % taken together;/);
    for (const question of ['adoption compared with the previous 3 weeks', 'adoption against the 4 weeks before', 'hours saved vs the last 2 months']) {
      expect(refused(question).interpretation, question).toMatch(/but no time I can read in "(compared with the previous 3 weeks|against the 4 weeks before|vs the last 2 months)"$/);
    }
    // "vs last week" and "over the last 4 weeks" still read
    expect(answered('adoption vs last week').answer).toBe('Adoption rate for all teams: 47.3 % in 2026-W47 against 46.4 % in 2026-W46 (+0.9 pts).');
    expect(answered('adoption over the last 4 weeks').weeks).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
  });
});

describe('"average adoption across teams": a mean of the team figures is in no table, so refused with the questions that answer', () => {
  test('refused, naming the all-teams figure (tasks pooled) and the list by team, both answered', () => {
    for (const question of ['average adoption across teams', 'average adoption of all teams']) {
      const answer = refused(question);
      expect(answer.table.rows, question).toEqual([]);
      expect(answer.answer, question).toContain('For all teams taken together (every team\'s tasks pooled, so a bigger team weighs more; not a mean of the team figures) ask "adoption rate across all teams combined"; for each team, "adoption rate by team".');
    }
    expect(refused('average hours saved across teams').answer).toContain('(the all-teams total, not a mean of the team figures) ask "hours saved across all teams combined"');
    expect(answered('adoption rate across all teams combined').answer).toBe('Adoption rate for all teams in 2026-W47 was 47.3 %.');
    // "average adoption" with no teams is the all-teams figure; "above average" compares with it
    expect(answered('average adoption').answer).toBe('Adoption rate for all teams in 2026-W47 was 47.3 %.');
    expect(answered('which team has above average adoption').answer).toMatch(/^3 teams had adoption rate above the all-teams value \(47\.3 %\)/);
  });
});

describe('a period that starts before the data is answered over the weeks the data holds, and says so', () => {
  test('"since W30", "since W48" (2025-W48) and "over the last 12 weeks" name where the data begins', () => {
    for (const [question, phrase, from] of [
      ['adoption since W30', 'since W30', '2026-W30'],
      ['adoption since W48', 'since W48', '2025-W48'],
      ['adoption over the last 12 weeks', 'the last 12 weeks', '2026-W36'],
    ]) {
      const answer = answered(question);
      expect(answer.weeks, question).toEqual(WEEKS_SINCE_OCTOBER);
      expect(answer.answer, question).toContain(`was ${pct(pooledAdoption('*', WEEKS_SINCE_OCTOBER))} taken together`);
      expect(answer.answer, question).toMatch(new RegExp(`The data begins at 2026-W40; "${phrase}" starts at ${from}\\.$`));
    }
    // a period inside the data says nothing of it
    expect(answered('adoption since W44').answer).not.toContain('The data begins');
  });
});

describe('"W45 onwards", "October and later": from that point to the report week, as "since W45"', () => {
  test('onwards, onward, forward, "and later" and "on" read as the range, not an unknown word', () => {
    const weeks = ['2026-W45', '2026-W46', '2026-W47'];
    expect(pct(pooledAdoption('Legal', weeks))).toBe('25.3 %');
    for (const question of ['adoption for Legal W45 onwards', 'Legal adoption from W45 onwards', 'Legal adoption W45 and later', 'adoption from w45 forward for Legal', 'Legal adoption W45 on']) {
      const answer = answered(question);
      expect(answer.weeks, question).toEqual(weeks);
      expect(answer.answer, question).toBe('Adoption rate for Legal from 2026-W45 to 2026-W47 was 25.3 % taken together; per week it went from 23.1 % in 2026-W45 to 27.1 % in 2026-W47 (+4.0 pts).');
    }
    expect(answered('hours saved from October onwards').weeks).toEqual(WEEKS_SINCE_OCTOBER);
    // "on" before other words is not "onwards"
    expect(refused('adoption W45 on the dashboard').answered).toBe(false);
  });
});

describe('"is Legal lagging", "is Engineering ahead": the one team named against everyone, as "is Legal below average"', () => {
  test('Yes or No with the team\'s value and the all-teams value', () => {
    expect(answered('is Legal lagging').answer).toBe('Yes: adoption rate for Legal in 2026-W47 was 27.1 % (all teams: 47.3 %).');
    expect(answered('is Legal lagging behind').answer).toBe('Yes: adoption rate for Legal in 2026-W47 was 27.1 % (all teams: 47.3 %).');
    expect(answered('is HR a laggard').answer).toBe('Yes: adoption rate for HR in 2026-W47 was 37.4 % (all teams: 47.3 %).');
    expect(answered('is Engineering ahead').answer).toBe('Yes: adoption rate for Engineering in 2026-W47 was 72.8 % (all teams: 47.3 %).');
    expect(answered('is the Legal team lagging behind the other teams').answer).toBe('Yes: adoption rate for Legal in 2026-W47 was 27.1 % (all teams: 47.3 %).');
    expect(answered('is Legal lagging').interpretation).toContain('no measure named, so adoption rate');
    // "which teams are lagging" still ranks
    expect(answered('which teams are lagging').answer).toMatch(/^The 3 teams with the lowest adoption rate in 2026-W47: Legal/);
  });

  test('hours set against the average team are the mean over every team, not the one named against itself', () => {
    const week = report.tables.time_saved.filter((row) => row.week === '2026-W47' && row.team !== '*' && row.suppressed !== true);
    const mean = week.reduce((sum, row) => sum + row.hours_saved, 0) / week.length;
    expect(mean.toFixed(1)).toBe('52.3');
    expect(week.find((row) => row.team === 'Legal')!.hours_saved.toFixed(1)).toBe('51.5');
    for (const question of ['is Legal lagging on hours saved', 'is Legal below average in hours saved']) {
      expect(answered(question).answer, question).toBe('Yes: Legal saved 51.5 hours in 2026-W47 (the average team: 52.3 h).');
    }
  });
});

describe('"who are the top performers": several measures ranked, refused naming one-measure rankings and the power users', () => {
  test('performers and performance read as the summary, whose ranking is refused with questions that answer', () => {
    for (const question of ['who are the top performers', 'which teams are the top performers', 'top performers']) {
      const answer = refused(question);
      expect(answer.answer, question).toBe('A summary holds several measures, so it ranks and filters no team; ask about one measure: "which team has the highest adoption", ' +
        '"which team saved the most hours", "which team has the highest harm rate". For people, "who are the power users" names those with the most AI tasks (no other measure is kept per person).');
    }
    expect(answered('who are the power users').answer).toMatch(/^2 power users in 2026-W47 .*: u006 \(67 AI tasks\), u018 \(26 AI tasks\)\.$/);
    expect(answered('how is Legal\'s performance').answer).toMatch(/^Legal in 2026-W47: adoption 27\.1 % \(\+1\.2 pts on 2026-W46\)/);
  });
});

describe('"did Legal have any harmful tasks": "any tasks" with a team named is what is measured, not a list of task types', () => {
  test('answered for the team, not refused as a team crossed with task types', () => {
    const harm = report.tables.harm.find((row) => row.team === 'Legal')!;
    expect([harm.harmful, harm.ai_tasks]).toEqual([1, 106]);
    expect(answered('did Legal have any harmful tasks').answer).toBe('Yes: harm rate for Legal in 2026-W47 was 0.9 %.');
    expect(pct(report.tables.adoption_by_team.find((row) => row.team === 'Procurement')!.abandonment_rate!)).toBe('13.8 %');
    expect(answered('were any tasks abandoned in Procurement').answer).toBe('Yes: abandonment rate for Procurement in 2026-W47 was 13.8 %.');
    // "which tasks does Legal use AI for" still asks for task types within a team, which no table holds
    expect(refused('which tasks does Legal use AI for').answer).toMatch(/^The tables do not break teams down by task type/);
  });
});

describe('"how many licensed users are inactive": licensed says which people, the measure beside it counts them', () => {
  test('idle seats (licensed, no AI task in the window) and lapsed users, never every licensed user (65)', () => {
    const all = report.tables.idle_seats.find((row) => row.team === '*')!;
    const legal = report.tables.idle_seats.find((row) => row.team === 'Legal')!;
    expect([all.licensed_users, all.idle_seats, all.lapsed_users, legal.idle_seats]).toEqual([65, 6, 2, 4]);
    expect(answered('how many licensed users are inactive').answer).toBe('Idle seats for all teams in 2026-W47 were 6.');
    expect(answered('inactive licensed users in Legal').answer).toBe('Idle seats for Legal in 2026-W47 were 4.');
    expect(answered('how many licensed users stopped using it').answer).toBe('Lapsed users for all teams in 2026-W47 were 2.');
    expect(answered('how many licensed users do we have').answer).toBe('All teams had 65 licensed users in 2026-W47.');
  });
});

describe('a team name with two neighbouring letters swapped is one typo, as for metric words', () => {
  test('"Salse Ops", "Lgeal", "Internal Audti" are the team, not refused as an unknown name', () => {
    expect(answered('adoption in Salse Ops').answer).toBe('Adoption rate for Sales Ops in 2026-W47 was 60.9 %.');
    expect(answered('adoption in Lgeal').answer).toBe('Adoption rate for Legal in 2026-W47 was 27.1 %.');
    expect(answered('adoption in Internal Audti').answer).toBe('Internal Audit\'s adoption rate in 2026-W47 is suppressed (fewer than 5 users).');
  });
});

describe('two months side by side are refused naming the questions that answer them', () => {
  test('each month by itself, and "this month vs last month" for a rate when they are the report month and the one before', () => {
    expect(refused('Legal adoption in october and november').answer).toMatch(/ To compare two months, ask about each by itself \("Legal adoption rate in 2026-10", "Legal adoption rate in November"\), or "Legal adoption rate this month vs last month"\.$/);
    expect(refused('hours saved in November vs October').answer).toMatch(/ To compare two months, ask about each by itself \("hours saved in 2026-11", "hours saved in October"\)\.$/);
    expect(refused('adoption in september vs october').answer).toMatch(/ask about each by itself \("adoption rate in 2026-09", "adoption rate in October"\)\.$/);
    // the questions named are answered
    expect(pct(pooledAdoption('Legal', ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']))).toBe('19.2 %');
    expect(answered('Legal adoption rate in 2026-10').answer).toBe('Adoption rate for Legal in 2026-10 (weeks 2026-W40 to 2026-W44) was 19.2 %.');
    expect(answered('Legal adoption rate this month vs last month').answer).toBe('Adoption rate for Legal: 25.3 % in 2026-11 (weeks 2026-W45 to 2026-W47) against 19.2 % in 2026-10 (weeks 2026-W40 to 2026-W44) (+6.1 pts).');
    expect(answered('hours saved in October').answer).toBe('All teams saved 1,420.4 hours in 2026-10 (weeks 2026-W40 to 2026-W44).');
  });
});

describe('"is Finance better than HR": two groups compared by their values, not by each one\'s change', () => {
  test('better or worse between two named teams gives both values; "improve" and "getting better" stay changes', () => {
    const week = report.tables.adoption_by_team;
    expect([pct(week.find((row) => row.team === 'Finance')!.adoption_rate!), pct(week.find((row) => row.team === 'HR')!.adoption_rate!)]).toEqual(['55.6 %', '37.4 %']);
    for (const question of ['is Finance better than HR', 'which is better, Finance or HR']) {
      expect(answered(question).answer, question).toBe('Adoption rate in 2026-W47: Finance 55.6 %, HR 37.4 %.');
    }
    expect(answered('is Finance worse than HR on hours saved').answer).toBe('Hours saved in 2026-W47: Finance 65.1 h, HR 40.4 h.');
    expect(answered('did Finance improve more than HR').answer).toBe('Change in adoption in 2026-W47: Finance +1.1 pts, HR +6.3 pts.');
    expect(answered('is Finance better than last week').answer).toBe('Yes: adoption rate for Finance: 55.6 % in 2026-W47 against 54.5 % in 2026-W46 (+1.1 pts).');
  });
});

describe('a negation before a change, rank or standing word is refused, never answered as its opposite', () => {
  test('"which teams did not dip" is not the teams that dipped (Procurement), "is Legal not lagging" not "Yes"', () => {
    for (const [question, phrase] of [['which teams did not dip', 'not dip'], ['which teams didn\'t dip last week', 'didn\'t dip'], ['is Legal not lagging', 'not lagging'], ['has adoption not grown', 'not grown']]) {
      const answer = refused(question);
      expect(answer.answer, question).toContain(`I cannot read "${phrase}" in this question yet`);
      expect(answer.answer, question).toContain(`A negation ("${phrase}") is not read`);
      expect(answer.answer, question).not.toContain('Procurement');
    }
    // the question it names is answered; negations other rules read stay read
    expect(answered('change in adoption by team').answer).toMatch(/^Change in adoption by team in 2026-W47: highest Engineering \(\+8\.2 pts\), lowest Procurement \(-22\.0 pts\)/);
    expect(answered('which teams are not above 40%').answer).toMatch(/^3 teams had adoption rate not above 40 % in 2026-W47: Legal \(27\.1 %\)/);
    expect(answered('how many people did not use AI').answer).toBe('Licensed people without an AI task for all teams in 2026-W47 were 6.');
  });
});
