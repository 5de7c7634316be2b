import { describe, expect, it } from 'vitest';
import { describeAlert, frontPage } from '../../src/render/front-page.js';
import { metricsFixture } from '../deliver/metrics-fixture.js';

describe('frontPage', () => {
  it('lists the alerts most severe first, in the reader\'s words, and counts those left off', () => {
    const doc = metricsFixture();
    doc.tables.alerts = [
      { rule: 'blind_spot', severity: 'low', team: 'HR', user_id: 'u017', message: 'u017 (HR): only 34 of 50 AI tasks reported for 2026-10 were logged' },
      { rule: 'adoption_drop', severity: 'high', team: 'R&D <Labs>', message: 'R&D <Labs>: adoption fell 14.2 points' },
      { rule: 'harm_rate', severity: 'critical', team: '*', message: '*: 1 of 41 AI tasks were flagged harmful' },
    ];
    const page = frontPage(doc, { maxAlerts: 2 });
    expect(page.alerts).toEqual([
      { severity: 'critical', title: 'Harmful outputs', team: 'All teams', message: '1 of 41 AI tasks were flagged harmful' },
      { severity: 'high', title: 'Adoption dropped', team: 'R&D <Labs>', message: 'Adoption fell 14.2 points' },
    ]);
    expect(page.moreAlerts).toBe(1);
    expect(page.tiles.map((tile) => tile.label)).toEqual(['Adoption', 'Hours saved this week', 'Hours saved to date', 'Accuracy stability (ASI)', 'Harm rate', 'Alerts']);
    expect(page.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(page.keyPoints.length).toBeLessThanOrEqual(5);
  });

  it('keeps a message that does not start with the team as it is (a user id stays lower-case)', () => {
    expect(describeAlert({ rule: 'blind_spot', severity: 'low', team: 'HR', message: 'u017 (HR): only 34 of 50 logged' })).toEqual({
      severity: 'low',
      title: 'Logging blind spot',
      team: 'HR',
      message: 'u017 (HR): only 34 of 50 logged',
    });
    expect(describeAlert({ rule: 'new_rule', severity: 'medium' })).toEqual({ severity: 'medium', title: 'New rule', team: '', message: '' });
  });
});
