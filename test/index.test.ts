import { describe, expect, test } from 'vitest';
import * as uptake from '../src/index.js';

describe('the library API (dist/index.js)', () => {
  // The README's "From code" line: cleanInput was not exported, so the line failed for anyone importing uptake
  test("computeMetrics(await cleanInput('data/sample', config), config, 'latest') gives the sample's report week", async () => {
    expect(typeof (uptake as Record<string, unknown>).cleanInput).toBe('function');
    const config = uptake.parseConfig({});
    const doc = uptake.computeMetrics(await uptake.cleanInput('data/sample', config), config, 'latest');
    expect(doc.week).toBe('2026-W47');
    expect(doc.tables.adoption_by_team.find((row) => row.team === '*')?.ai_tasks).toBe(1009);
  }, 60_000);
});
