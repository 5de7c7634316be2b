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
    expect(answered('Idle vs Legal adoption').answer).toBe('Adoption rate in 2026-W47: Idle — (no tasks), Legal 20.0%.');
    expect(answered('how is Idle doing').answer).toMatch(/^Idle in 2026-W47: no tasks \(AI or manual\), so adoption — /);
    // a team with tasks keeps its numbers
    expect(answered('adoption for Legal').answer).toBe('Adoption rate for Legal in 2026-W47 was 20.0%.');
  });
});
