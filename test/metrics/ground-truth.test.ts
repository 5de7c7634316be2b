import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { writeDataset } from '../../src/generate/write-dataset.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';

// End to end: generated CSVs -> cleanInput -> computeMetrics, against the generator's independent truth.
const KEYS: Record<string, string[]> = {
  adoption_by_team: ['team'],
  adoption_by_task_type: ['task_type'],
  adoption_trend: ['week', 'team'],
  time_saved: ['week', 'team'],
  accuracy_stability: ['month', 'team'],
  harm: ['team'],
  logging_coverage: ['month', 'user_id'],
  gaps: ['source', 'team', 'date'],
  power_users: ['week', 'user_id'],
};

/** Compares row keys in order, then every truth column; returns the number of cells compared. */
function expectSameTable(name: string, mine: Array<Record<string, unknown>>, truth: Array<Record<string, unknown>>): number {
  let cells = 0;
  const keys = KEYS[name];
  const keyOf = (row: Record<string, unknown>) => keys.map((key) => String(row[key])).join(' | ');
  expect(mine.map(keyOf), `${name}: rows`).toEqual(truth.map(keyOf));
  truth.forEach((expected, index) => {
    for (const [column, value] of Object.entries(expected)) {
      const actual = mine[index][column];
      const where = `${name} [${keyOf(expected)}] ${column}`;
      cells += 1;
      if (typeof value === 'number' && typeof actual === 'number') {
        expect(Math.abs(actual - value), `${where}: ${actual} vs ${value}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
      } else {
        expect(actual, where).toEqual(value);
      }
    }
  });
  return cells;
}

describe.each([1, 2, 3])('generated data set, seed %i', (seed) => {
  it('matches the ground truth in every table, for the last two weeks', async () => {
    const dataset = generateDataset({ seed, users: 30, weeks: 6, endWeek: '2026-W47' });
    const dir = join(mkdtempSync(join(tmpdir(), 'uptake-truth-')), 'input');
    await writeDataset(dir, dataset);
    const { settings } = dataset.truth;
    const config = parseConfig({
      timezone: settings.timezone,
      metrics: {
        accuracyTarget: settings.accuracyTarget,
        coverageThreshold: settings.coverageThreshold,
        gapMinMedian: settings.gapMinMedian,
        powerUserPercentile: settings.powerUserPercentile,
      },
      privacy: { minGroupSize: settings.privacy_min_group_size },
    });
    const data = await cleanInput(dir, config);
    expect(Object.keys(dataset.truth.weeks)).toEqual(['2026-W46', '2026-W47']);
    let cells = 0;
    for (const [week, tables] of Object.entries(dataset.truth.weeks)) {
      const document = computeMetrics(data, config, week);
      for (const [name, rows] of Object.entries(tables)) {
        cells += expectSameTable(name, document.tables[name] as Array<Record<string, unknown>>, rows as Array<Record<string, unknown>>);
      }
    }
    expect(cells).toBeGreaterThan(1000);
    expect(computeMetrics(data, config, 'latest').week).toBe('2026-W47');
  });
});
