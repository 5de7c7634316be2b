import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { loadReport } from '../../src/report/load-report.js';

// The sample's last task is in 2026-W47; the clock after it.
const afterTheSample = { now: () => new Date('2026-12-05T00:00:00Z') };

describe('a team suppressed in the report week', () => {
  it('raises no alert and lists no power user: with every team suppressed, only alerts without a team remain', async () => {
    const open = await loadReport({ source: { input: 'data/sample' }, config: parseConfig({}), week: 'latest' }, afterTheSample);
    expect(open.metrics.tables.alerts.some((alert) => alert.rule === 'data_gap' && alert.team === 'Legal')).toBe(true);
    expect(open.metrics.tables.power_users.map((row) => row.user_id)).toEqual(['u006', 'u018']);
    const closed = await loadReport({ source: { input: 'data/sample' }, config: parseConfig({ privacy: { minGroupSize: 1000 } }), week: 'latest' }, afterTheSample);
    expect(closed.metrics.tables.adoption_by_team.filter((row) => row.team !== '*').every((row) => row.suppressed === true)).toBe(true);
    expect(closed.metrics.tables.alerts.filter((alert) => alert.team !== undefined)).toEqual([]);
    expect(closed.metrics.tables.power_users).toEqual([]);
  });
});
