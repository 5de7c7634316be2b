import { describe, expect, it } from 'vitest';
import { alertsAppendixHtml, APPENDIX_ALERTS, appendixAlerts, describeAlert, frontPage, moreAlertsSentence, reportMoreAlertsSentence } from '../../src/render/front-page.js';
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

describe('pageOrder', () => {
  it('shows each rule\'s worst alert in turn within a severity, not the alerts of one rule by team name', () => {
    const doc = metricsFixture();
    const drop = (team: string, delta: number) => ({ rule: 'adoption_drop', severity: 'high' as const, team, delta_pts: delta, message: `${team}: adoption fell ${-delta} points` });
    const asi = (team: string, value: number) => ({ rule: 'asi_below_target', severity: 'high' as const, team, asi: value, message: `${team}: only ${value}` });
    doc.tables.alerts = [
      drop('Accounting', -10.4), drop('Finance', -11), drop('HR', -12), drop('Legal', -10.1), drop('Procurement', -22), drop('Sales', -13), drop('Support', -10.2),
      asi('Finance', 0.71), asi('Legal', 0.42),
      { rule: 'data_gap', severity: 'low', team: 'HR', source: 'ai_logs', date: '2026-11-16', message: 'HR: gap' },
      { rule: 'data_gap', severity: 'low', team: 'Legal', source: 'ai_logs', date: '2026-11-20', message: 'Legal: gap' },
      { rule: 'harm_rate', severity: 'critical', team: 'Sales', harm_rate: 0.02, message: 'Sales: harmful' },
    ];
    const page = frontPage(doc, { maxAlerts: 6 });
    expect(page.alerts.map((alert) => `${alert.title}: ${alert.team}`)).toEqual([
      'Harmful outputs: Sales',
      'Adoption dropped: Procurement',
      'Accuracy below target: Legal',
      'Adoption dropped: Sales',
      'Accuracy below target: Finance',
      'Adoption dropped: HR',
    ]);
    expect(page.moreAlerts).toBe(6);
    // what is left off is not all "less severe": one is as high as the last shown
    expect(page.moreSeverities).toBe('4 high, 2 low');
    expect(moreAlertsSentence(page, 'listed in the appendix')).toBe('6 more alerts (4 high, 2 low) are listed in the appendix.');
    const all = frontPage(doc, { maxAlerts: 20 }).alerts;
    // the latest gap first; the document's own order (severity, rule, team) is left as it is
    expect(all.slice(-2).map((alert) => alert.team)).toEqual(['Legal', 'HR']);
    expect(doc.tables.alerts[0].team).toBe('Accounting');
  });
});

describe('appendixAlerts', () => {
  it('lists every alert in page 1\'s order as soon as page 1 may leave one off (it shows fewer than six when they do not fit)', () => {
    const doc = metricsFixture();
    const low = { rule: 'blind_spot', severity: 'low' as const, team: 'HR', user_id: 'u017', message: 'u017 (HR): only 34 of 50 AI tasks reported for 2026-10 were logged' };
    const high = { rule: 'adoption_drop', severity: 'high' as const, team: 'Legal', message: 'Legal: adoption fell 14.2 points' };
    const critical = { rule: 'harm_rate', severity: 'critical' as const, team: '*', message: '*: 1 of 41 AI tasks were flagged harmful' };
    doc.tables.alerts = [low, high, critical];
    // three alerts fit page 1's six, but page 1 may show only one of them: the appendix holds all three, page 1's first
    expect(appendixAlerts(doc).map((alert) => [alert.severity, alert.title, alert.team])).toEqual([
      ['critical', 'Harmful outputs', 'All teams'],
      ['high', 'Adoption dropped', 'Legal'],
      ['low', 'Logging blind spot', 'HR'],
    ]);
    expect(appendixAlerts(doc).slice(0, 2)).toEqual(frontPage(doc, { maxAlerts: 2 }).alerts);
    // one alert is always on page 1; none, nothing to list
    doc.tables.alerts = [high];
    expect(appendixAlerts(doc)).toEqual([]);
    doc.tables.alerts = [];
    expect(appendixAlerts(doc)).toEqual([]);
  });
});

describe('alertsAppendixHtml', () => {
  const blindSpot = (index: number) => ({
    rule: 'blind_spot',
    severity: 'low' as const,
    team: 'HR',
    user_id: `u${String(index).padStart(4, '0')}`,
    coverage: 0.5 + index / 1000,
    message: `u${String(index).padStart(4, '0')} (HR): only some AI tasks were logged`,
  });

  it('lists the most severe alerts, page 1\'s first, and says how many of which severity are left out and where every one is', () => {
    const doc = metricsFixture();
    doc.tables.alerts = [
      ...Array.from({ length: 180 }, (_, index) => blindSpot(index)),
      { rule: 'adoption_drop', severity: 'high', team: 'Legal', delta_pts: -14.2, message: 'Legal: adoption fell 14.2 points' },
      { rule: 'data_gap', severity: 'medium', team: 'Legal', source: 'ai_logs', date: '2026-11-18', message: 'Legal: gap' },
    ];
    expect(APPENDIX_ALERTS).toBe(30);
    const html = alertsAppendixHtml(doc);
    // 182 alerts used to fill eight printed pages: 30 rows now, the high and medium ones first
    expect(html.match(/<tbody>.*<\/tbody>/s)![0].match(/<tr>/g)).toHaveLength(30);
    expect(html).toContain('<caption>Alerts, 2026-W47: the 30 most severe of 182</caption>');
    expect(html.indexOf('Adoption dropped')).toBeLessThan(html.indexOf('Data gap'));
    expect(html.indexOf('Data gap')).toBeLessThan(html.indexOf('Logging blind spot'));
    // severities as page 1's badges and the mail write them
    expect([...html.matchAll(/<tr><td[^>]*>([^<]*)<\/td><td[^>]*>Adoption dropped/g)].map((match) => match[1])).toEqual(['HIGH']);
    expect(html).toContain(
      'Shown: the 30 most severe alerts (page 1&#39;s first), of 182; the other 152 (152 low) are left out; every alert is in metrics.xlsx and alerts.csv.',
    );
    // page 1 shows 5 of them: the 25 after those are in the appendix, the rest only in the files
    const page = frontPage(doc, { maxAlerts: 5 });
    expect(reportMoreAlertsSentence(page, 5)).toBe('177 more alerts (177 low) are in metrics.xlsx and alerts.csv; the appendix lists the 25 most severe.');
    expect(appendixAlerts(doc).slice(0, 5)).toEqual(page.alerts);
  });

  it('lists every alert under "All alerts" while they fit the bound, and nothing for one alert or none', () => {
    const doc = metricsFixture();
    doc.tables.alerts = Array.from({ length: 30 }, (_, index) => blindSpot(index));
    const html = alertsAppendixHtml(doc);
    expect(html).toContain('<caption>All alerts, 2026-W47</caption>');
    expect(html.match(/<tbody>.*<\/tbody>/s)![0].match(/<tr>/g)).toHaveLength(30);
    expect(html).not.toContain('Shown:');
    expect(reportMoreAlertsSentence(frontPage(doc, { maxAlerts: 6 }), 6)).toBe('24 more alerts (24 low) are listed in the appendix.');
    doc.tables.alerts = [blindSpot(1)];
    expect(alertsAppendixHtml(doc)).toBe('');
    expect(reportMoreAlertsSentence(frontPage(doc), 1)).toBe('');
  });
});
