import { beforeAll, describe, expect, test } from 'vitest';
import { createAskEngine, type AskEngine } from '../../src/ask/ask-engine.js';
import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { MetricsDocument } from '../../src/metrics/document.js';

// The committed sample (data/sample), as a new user would ask about it.
let engine: AskEngine;
let report: MetricsDocument;

beforeAll(async () => {
  const config = parseConfig({});
  engine = createAskEngine(await cleanInput('data/sample', config), config);
  report = engine.source.report;
});

describe('uptake ask on data/sample', () => {
  test('every documented example question is answered', () => {
    const unanswered = engine.examples().filter((question) => !engine.ask(question).answered);
    expect(unanswered).toEqual([]);
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
