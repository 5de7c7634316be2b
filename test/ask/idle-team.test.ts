import { describe, expect, test } from 'vitest';
import { createAskEngine, type AskAnswer } from '../../src/ask/ask-engine.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { askConfig, askFixture } from './ask-fixture.js';

// A team on the roster with no task at all ("Idle", three licensed users): it is in no week table, so a question about
// it is answered for it (no tasks), never for every team nor with a blank that reads as a missing number.
const config = askConfig();
const data = askFixture({ idleTeam: 'Idle' });
const engine = createAskEngine(data, config);
const report = computeMetrics(data, config, 'latest');

function answered(question: string): AskAnswer {
  const answer = engine.ask(question);
  expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
  return answer;
}

describe('a team with no tasks in the period asked about', () => {
  test('the metrics document lists it in no week table, and the roster has it', () => {
    expect(report.week).toBe('2026-W47');
    expect(report.tables.adoption_by_team.some((row) => row.team === 'Idle')).toBe(false);
    expect(engine.source.teams).toContain('Idle');
  });

  test('adoption, hours saved and harm in the idle team say it had no tasks, for that team only', () => {
    for (const [question, label] of [
      ['adoption in the idle team', 'adoption rate'],
      ['adoption in the Idle team', 'adoption rate'],
      ['hours saved by Idle', 'hours saved'],
      ['Idle harm rate last week', 'harm rate'],
    ]) {
      const answer = answered(question);
      expect(answer.answer, question).toBe(`Idle had no tasks (AI or manual) in 2026-W47, so it has no ${label}.`);
      expect(answer.table.rows.map((row) => row[0]), question).toEqual(['Idle']);
    }
  });

  test('over a range, beside another team and in its summary', () => {
    expect(answered('Idle adoption since W45').answer).toBe('Idle had no tasks (AI or manual) from 2026-W45 to 2026-W47, so it has no adoption rate.');
    const legal = report.tables.adoption_by_team.find((row) => row.team === 'Legal')!;
    expect(((legal.adoption_rate as number) * 100).toFixed(1)).toBe('20.0');
    expect(answered('Idle vs Legal adoption').answer).toBe('Adoption rate in 2026-W47: Idle — (no tasks), Legal 20.0 %.');
    expect(answered('how is Idle doing').answer).toMatch(/^Idle in 2026-W47: no tasks \(AI or manual\), so adoption — /);
    // a team with tasks keeps its numbers
    expect(answered('adoption for Legal').answer).toBe('Adoption rate for Legal in 2026-W47 was 20.0 %.');
  });
});

// A team with no task has no row a table could suppress: one of fewer people on the roster than privacy.minGroupSize
// is suppressed when asked for by name, as the list "which teams did not use AI" counts it, never said to have done nothing.
describe('a small team with no tasks asked about by name', () => {
  const smallData = askFixture({ idleTeam: 'Idle', idleUsers: 1 });
  const small = createAskEngine(smallData, config);
  const suppressed = 'suppressed (fewer than 2 users)';
  test('every answer path says it is suppressed, and none says it had no tasks', () => {
    for (const question of [
      'how did Idle do in 2026-W47', 'how is Idle doing', 'adoption for Idle', 'hours saved by Idle', 'did Idle use AI',
      'how many AI tasks did Idle do', 'Idle adoption since W45', 'Idle adoption versus last week', 'average tasks per week for Idle',
      'which week had the highest adoption for Idle', 'how many users in Idle used AI', 'Idle harm rate last week',
    ]) {
      const answer = small.ask(question);
      expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
      expect(answer.answer, question).toContain(suppressed);
      expect(answer.answer, question).not.toMatch(/no tasks|— \(|0\.0 h|: 0\b/);
      expect(answer.table.rows.flat(), question).not.toContain('Idle');
    }
    expect(small.ask('Idle vs Legal adoption').answer).toBe(`Adoption rate in 2026-W47: Idle ${suppressed}, Legal 20.0 %.`);
    expect(small.ask('how is Idle doing').answer).toBe(`Idle's numbers for 2026-W47 are ${suppressed}.`);
    expect(small.ask('which week had the most tasks for Idle').answer).toBe(`Idle's tasks (AI and manual) from 2026-W40 to 2026-W47 are ${suppressed}.`);
    expect(small.ask('which teams did not use AI').answer).toBe('Every team used AI in 2026-W47 (4 teams). 2 teams suppressed (fewer than 2 users) are not shown.');
  });

  test('counting the teams names it among the suppressed, never as a team without tasks', () => {
    const answer = small.ask('how many teams are there');
    expect(answer.answer).toBe('4 teams had tasks in 2026-W47, besides 2 suppressed (fewer than 2 users, so not shown in lists); no other team is in the data (in its tasks or on its roster, in any week).');
    expect(answer.table.rows).toEqual([['Finance', true], ['Idle', null], ['Legal', true], ['Procurement', true], ['Sales Ops', true], ['Tiny', null]]);
  });

  test('with three people on the roster it is named, as before', () => {
    expect(engine.ask('how did Idle do in 2026-W47').answer).toMatch(/^Idle in 2026-W47: no tasks \(AI or manual\)/);
    expect(engine.ask('how many teams are there').answer).toBe('4 teams had tasks in 2026-W47, besides 1 suppressed (fewer than 2 users, so not shown in lists); the data names 6 teams in all (in its tasks or on its roster, in any week); 1 team had no task in 2026-W47: Idle.');
  });
});
