import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAskEngine, type AskEngine } from '../../src/ask/ask-engine.js';
import type { Kpi } from '../../src/metrics/kpi.js';
import { registry } from '../../src/metrics/registry.js';
import { KPI_SYNONYMS } from '../../src/metrics/synonyms.js';
import { askConfig, askFixture } from './ask-fixture.js';

// A KPI added the documented way: one registry entry and one line of synonyms, no change to `uptake ask`.
// Its value: tasks of the team in the report week / 1000, so it is known by hand.
const reviewRate: Kpi = {
  id: 'review_rate',
  title: 'Review rate',
  definition: 'Tasks of the team in the report week / 1000 (a test KPI).',
  grain: 'week',
  dimensions: ['team'],
  columns: { adoption_by_team: ['review_rate'] },
  compute(context) {
    const counts = new Map<string, number>();
    const teams = context.tasks.array('team') as ArrayLike<string | null>;
    const weeks = context.tasks.array('week') as ArrayLike<string>;
    for (let index = 0; index < weeks.length; index += 1) {
      const team = teams[index];
      if (weeks[index] === context.report.week && team) counts.set(team, (counts.get(team) ?? 0) + 1);
    }
    return { adoption_by_team: [...counts].map(([team, tasks]) => ({ team, review_rate: tasks / 1000 })) };
  },
};

let engine: AskEngine;

beforeAll(() => {
  registry.push(reviewRate);
  KPI_SYNONYMS.review_rate = ['reviews', 'checked'];
  engine = createAskEngine(askFixture(), askConfig());
});

afterAll(() => {
  registry.splice(registry.indexOf(reviewRate), 1);
  delete KPI_SYNONYMS.review_rate;
});

describe('a KPI added to the registry is askable from its entry', () => {
  test('by its title and its synonyms, per team, ranked and filtered, suppressed groups left out', () => {
    // By hand, W47: Finance 3 users x (3 AI + 2 manual) + 7 more AI tasks of f1 = 22 tasks; Sales Ops 3 x (4 + 2) = 18;
    // Legal 3 x (1 + 4) = 15; Procurement 3 x (1 + 2) = 9; Tiny (1 user) is suppressed
    expect(engine.ask('which team has the highest review rate').answer).toBe('Finance had the highest review rate in 2026-W47: 2.2 %. 1 team suppressed (fewer than 2 users) is not shown.');
    expect(engine.ask('reviews for Sales Ops').answer).toBe('Review rate for Sales Ops in 2026-W47 was 1.8 %.');
    const below = engine.ask('which teams have reviews below 2%');
    expect(below.table.rows.map((row) => row[0])).toEqual(['Procurement', 'Legal', 'Sales Ops']);
    expect(below.interpretation).toBe('review rate by team, 2026-W47, only those below 2.0 %');
    expect(below.answer).not.toContain('Tiny');
  });
});
