import { describe, expect, test } from 'vitest';
import { createAskEngine, type AskAnswer } from '../../src/ask/ask-engine.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { askConfig, askFixture } from './ask-fixture.js';

// A team with no task in some weeks of a range (Legal none in 2026-W45 and 2026-W47, Finance none in 2026-W46): those
// weeks are said in words, as the single-week answer says them, never shown as a bare "—" in the sentence.
const config = askConfig();
const data = askFixture({ quietWeeks: { Legal: [5, 7], Finance: [6] } });
const engine = createAskEngine(data, config);

function answered(question: string): AskAnswer {
  const answer = engine.ask(question);
  expect(answer.answered, `${question}: ${answer.answer}`).toBe(true);
  expect(answer.answer, question).not.toContain('—');
  return answer;
}

const rowOf = (week: string, team: string) => computeMetrics(data, config, week).tables.adoption_by_team.find((row) => row.team === team);

describe('a range with weeks in which the team had no task', () => {
  test('the metrics documents have no row for Legal in 2026-W45 and 2026-W47', () => {
    expect(rowOf('2026-W45', 'Legal')).toBeUndefined();
    expect(rowOf('2026-W47', 'Legal')).toBeUndefined();
    expect(rowOf('2026-W46', 'Legal')?.adoption_rate).toBe(0.25);
    expect(rowOf('2026-W45', 'Finance')?.adoption_rate).toBe(0.6);
  });

  test('a rate runs from the first to the last week with tasks, and the others are named', () => {
    expect(answered('Legal adoption since W45').answer).toBe(
      'Adoption rate for Legal from 2026-W45 to 2026-W47 was 25.0 % taken together; per week it was 25.0 % in 2026-W46, its only week with tasks. Legal had no tasks (AI or manual) in 2026-W45 and 2026-W47.',
    );
    expect(answered('Finance adoption from W45 to W47').answer).toBe(
      'Adoption rate for Finance from 2026-W45 to 2026-W47 was 67.6 % taken together; per week it went from 60.0 % in 2026-W45 to 72.7 % in 2026-W47 (+12.7 pts). Finance had no tasks (AI or manual) in 2026-W46.',
    );
    const change = answered('how did Legal adoption change since W44');
    expect(change.answer).toBe('Adoption rate for Legal went from 25.0 % in 2026-W44 to 25.0 % in 2026-W46 (0.0 pts). Legal had no tasks (AI or manual) in 2026-W45 and 2026-W47.');
    expect(change.interpretation).toBe('adoption rate for Legal, 2026-W44 to 2026-W47, the change from the first to the last week with tasks');
    expect(answered('Legal adoption in W45 vs W46').answer).toBe('Adoption rate for Legal was 25.0 % in 2026-W46, so there is no change to give. Legal had no tasks (AI or manual) in 2026-W45.');
  });

  test('a count of tasks is 0 in such a week', () => {
    const answer = answered('how many tasks did Legal do over the last 4 weeks');
    expect(answer.answer).toBe('Tasks (AI and manual) for Legal from 2026-W44 to 2026-W47 were 24 taken together; per week it went from 12 in 2026-W44 to 0 in 2026-W47 (-12). Legal had no tasks (AI or manual) in 2026-W45 and 2026-W47.');
    expect(answer.table.rows).toEqual([['2026-W44', 12, 3, 9], ['2026-W45', 0, 0, 0], ['2026-W46', 12, 3, 9], ['2026-W47', 0, 0, 0]]);
  });

  test('per week by team', () => {
    expect(answered('adoption per week by team since W45').answer).toBe(
      'Adoption rate per week by team from 2026-W45 to 2026-W47, one column per week: Finance 60.0 % (2026-W45) to 72.7 % (2026-W47), Sales Ops 50.0 % (2026-W45) to 66.7 % (2026-W47), ' +
        'Procurement 60.0 % (2026-W45) to 25.0 % (2026-W47), Legal 25.0 % (2026-W46 only). Finance had no tasks (AI or manual) in 2026-W46; Legal had no tasks (AI or manual) in 2026-W45 and 2026-W47. ' +
        '1 team suppressed (fewer than 2 users) is not shown.',
    );
  });
});

describe('a count per week by team', () => {
  test('is 0 in a week the team had no task in', () => {
    const answer = answered('AI tasks per week by team since W45');
    expect(answer.table.rows.find((row) => row[0] === 'Legal')).toEqual(['Legal', 0, 3, 0]);
    expect(answer.answer).toContain('Legal 0 (2026-W45) to 0 (2026-W47). Finance had no tasks (AI or manual) in 2026-W46; Legal had no tasks (AI or manual) in 2026-W45 and 2026-W47.');
  });
});
