import { beforeAll, describe, expect, test } from 'vitest';
import type { AskEngine } from '../../src/ask/ask-engine.js';
import { sampleAskEngine } from './ask-fixture.js';
import type { MetricsDocument } from '../../src/metrics/document.js';

// The committed sample (data/sample), as a new user would ask about it.
let engine: AskEngine;
let report: MetricsDocument;

beforeAll(async () => {
  engine = await sampleAskEngine();
  report = engine.source.report;
});

describe('uptake ask on data/sample', () => {
  test('every documented example question is answered', () => {
    const unanswered = engine.examples().filter((question) => !engine.ask(question).answered);
    expect(unanswered).toEqual([]);
  });

  test('two weeks side by side: those two weeks only, their values from the trend table, and the change between them', () => {
    const trend = new Map(report.tables.adoption_trend.filter((row) => row.team === '*').map((row) => [row.week, row.adoption_rate as number]));
    const answer = engine.ask('adoption in W47 vs W40');
    expect(answer.table.rows.map((row) => row.slice(0, 2))).toEqual([['2026-W40', trend.get('2026-W40')], ['2026-W47', trend.get('2026-W47')]]);
    const change = (100 * (trend.get('2026-W47')! - trend.get('2026-W40')!)).toFixed(1);
    expect(answer.answer).toBe(`Adoption rate for all teams went from 34.6 % in 2026-W40 to 47.3 % in 2026-W47 (+${change} pts).`);
    expect(answer.interpretation).toBe('adoption rate for all teams, 2026-W40 and 2026-W47, the change from the first to the last week');
    // a week without data is named, never left out of the comparison
    expect(engine.ask('adoption in W30 vs W45').answer).toBe('There is no adoption rate for 2026-W30: the data holds 2026-W40 to 2026-W47.');
  });

  test('activation says what it divides by, and shows its denominator (not the all-licensed count) beside it', () => {
    const answer = engine.ask('what is the activation rate');
    expect(answer.answer).toBe('Activation rate (new AI users of the licensed users not yet using AI) for all teams in 2026-W47 was 20.0 %.');
    // 1 new AI user of the 5 licensed users with no AI task before 2026-W47 (65 are licensed)
    expect(answer.table.columns).toEqual(['team', 'activation', 'new_ai_users', 'not_yet_active_users']);
    expect(answer.table.rows).toEqual([['*', 0.2, 1, 5]]);
  });

  test('the five questions of the issue answer from the tables', () => {
    const dipped = report.tables.adoption_by_team.filter((row) => row.team !== '*' && !row.suppressed && (row.delta_pts as number) < -10);
    expect(engine.ask('which teams dipped more than 10 points last week').table.rows.map((row) => row[0])).toEqual(dipped.map((row) => row.team));
    expect(dipped.map((row) => row.team)).toEqual(['Procurement']);

    const asi = engine.ask('top task types by accuracy stability this month');
    expect(asi.table.rows).toHaveLength(3);
    expect(asi.interpretation).toBe(`accuracy stability (ASI) by task type, ${report.tables.accuracy_stability.at(-1)!.month}, highest first, top 3`);

    const october = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'];
    const hours = report.tables.time_saved.filter((row) => row.team === 'Finance' && october.includes(row.week)).reduce((sum, row) => sum + row.hours_saved, 0);
    expect(engine.ask('how many hours did Finance save in October').answer).toBe(`Finance saved ${hours.toFixed(1)} hours in 2026-10 (weeks 2026-W40 to 2026-W44).`);

    const flagged = report.tables.logging_coverage.filter((row) => row.flagged && row.month === '2026-10');
    expect(engine.ask('which users are logging blind spots').table.rows.map((row) => row[1]).sort()).toEqual(flagged.map((row) => row.user_id).sort());

    const trend = report.tables.adoption_trend.filter((row) => row.team === '*');
    expect(engine.ask('how did adoption change since W40').table.rows.map((row) => row[1])).toEqual(trend.map((row) => row.adoption_rate));
  });
});
