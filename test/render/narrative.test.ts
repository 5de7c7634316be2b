import { describe, expect, it } from 'vitest';
import type { HarmRow, MetricsDocument, MetricsTables } from '../../src/metrics/document.js';
import { buildNarrative, escapeMarkdown, formatPercent, headlineKpis, keyPoints, namedTeams } from '../../src/render/narrative.js';

function makeDoc(tables: Partial<MetricsTables> = {}, extra: Partial<MetricsDocument> = {}): MetricsDocument {
  return {
    week: '2026-W47',
    week_start: '2026-11-16',
    week_end: '2026-11-22',
    timezone: 'UTC',
    tables: {
      adoption_by_team: [],
      adoption_by_task_type: [],
      adoption_trend: [],
      time_saved: [],
      accuracy_stability: [],
      harm: [],
      logging_coverage: [],
      gaps: [],
      alerts: [],
      ...tables,
    },
    accounting: {},
    ...extra,
  };
}

const team = (name: string, rate: number | null, delta: number | null, extra: Record<string, unknown> = {}) => ({
  team: name,
  ai_tasks: 10,
  manual_tasks: 10,
  adoption_rate: rate,
  delta_pts: delta,
  user_adoption_rate: null,
  ...extra,
});

describe('buildNarrative: adoption', () => {
  it('states the overall rise and names the team past the drop line', () => {
    // 2.3 points up to 41 %; Procurement -16.4 (past -10); Legal +0.5 is within the steady band.
    const doc = makeDoc({
      adoption_by_team: [team('*', 0.4132, 2.3), team('Procurement', 0.22, -16.4), team('Legal', 0.5, 0.5)],
    });
    expect(buildNarrative(doc)).toEqual(['Adoption rose 2.3 points to 41 %; Procurement fell 16.4 points.']);
  });

  it('says "held steady" below the steady band, and the band is configurable', () => {
    const doc = makeDoc({ adoption_by_team: [team('*', 0.6, -0.94), team('Finance', 0.7, 1.5)] });
    expect(buildNarrative(doc)).toEqual(['Adoption held steady at 60 %; Finance rose 1.5 points.']);
    expect(buildNarrative(doc, { adoptionSteadyPts: 2 })).toEqual(['Adoption held steady at 60 %.']);
    expect(buildNarrative(doc, { adoptionSteadyPts: 0.5 })).toEqual(['Adoption fell 0.9 points to 60 %; Finance rose 1.5 points.']);
  });

  it('judges the steady band on the change as shown: -0.96 reads "-1.0 pts" on the tile, so it fell 1.0 points', () => {
    const doc = makeDoc({ adoption_by_team: [team('*', 0.6, -0.96), team('Finance', 0.7, 0.97), team('HR', 0.5, 0.93)] });
    expect(buildNarrative(doc)).toEqual(['Adoption fell 1.0 points to 60 %; Finance rose 1.0 points.']);
    expect(headlineKpis(doc)[0]).toMatchObject({ label: 'Adoption', direction: 'down', tone: 'worse' });
    expect(headlineKpis(doc)[0].detail).toMatch(/^-1\.0 pts vs last week/);
    expect(headlineKpis(makeDoc({ adoption_by_team: [team('*', 0.6, -0.94)] }))[0]).toMatchObject({ direction: 'flat', tone: 'neutral' });
  });

  it('names every team at or below the drop threshold even beyond the largest moves', () => {
    const doc = makeDoc({
      adoption_by_team: [
        team('*', 0.5, -3),
        team('A', 0.5, 30),
        team('B', 0.5, 25),
        team('C', 0.5, 20),
        team('D', 0.3, -10),
        team('E', 0.3, -9.9),
      ],
    });
    // Largest two other moves (A, B) plus D at exactly -10; C and E are left out.
    expect(buildNarrative(doc)).toEqual(['Adoption fell 3.0 points to 50 %; A rose 30.0 points; B rose 25.0 points; D fell 10.0 points.']);
    expect(buildNarrative(doc, { adoptionDropPts: -9.5 })).toEqual([
      'Adoption fell 3.0 points to 50 %; A rose 30.0 points; B rose 25.0 points; D fell 10.0 points; E fell 9.9 points.',
    ]);
  });

  it('takes the drop threshold the document was computed with', () => {
    const doc = makeDoc(
      { adoption_by_team: [team('*', 0.5, 0), team('A', 0.5, 30), team('B', 0.5, 25), team('E', 0.3, -5)] },
      { thresholds: { accuracy_target: 0.9, coverage_threshold: 0.8, adoption_drop_pts: -5 } },
    );
    expect(buildNarrative(doc)).toEqual(['Adoption held steady at 50 %; A rose 30.0 points; B rose 25.0 points; E fell 5.0 points.']);
  });

  it('states a null rate as not measurable and a missing previous week plainly', () => {
    expect(buildNarrative(makeDoc({ adoption_by_team: [team('*', null, null, { ai_tasks: 0, manual_tasks: 0 })] }))).toEqual([
      'Adoption in 2026-W47 is not measurable (no tasks).',
    ]);
    expect(buildNarrative(makeDoc({ adoption_by_team: [team('*', 0.25, null)] }))).toEqual([
      'Adoption stood at 25 %, with no measurable previous week to compare.',
    ]);
  });

  it('never names a suppressed team, even one past the drop line', () => {
    const doc = makeDoc({
      adoption_by_team: [team('*', 0.4, 5), team('Tiny', null, null, { suppressed: true }), team('Hidden', 0.1, -40, { suppressed: true })],
    });
    expect(buildNarrative(doc)).toEqual(['Adoption rose 5.0 points to 40 %.']);
  });

  it('escapes a hostile team name', () => {
    const doc = makeDoc({ adoption_by_team: [team('*', 0.4, 5), team('<script>alert(1)</script>', 0.1, -20)] });
    const [paragraph] = buildNarrative(doc);
    expect(paragraph).toBe('Adoption rose 5.0 points to 40 %; &lt;script&gt;alert\\(1\\)&lt;/script&gt; fell 20.0 points.');
    expect(paragraph).not.toContain('<script>');
  });
});

describe('buildNarrative: outcomes', () => {
  it("pairs overall ASI with the team whose ASI fell ('Sales Ops' accuracy stability fell from 62 % to 34 %')", () => {
    const asi = (month: string, name: string, value: number | null, extra: Record<string, unknown> = {}) => ({
      month,
      team: name,
      evaluated: 50,
      above_target: 0,
      asi: value,
      ...extra,
    });
    const doc = makeDoc({
      adoption_by_team: [team('*', 0.41, 2.3)],
      accuracy_stability: [
        asi('2026-10', '*', 0.852),
        asi('2026-10', 'Sales Ops', 0.62),
        asi('2026-10', 'Legal', 0.9),
        asi('2026-10', 'Secret', 0.9),
        asi('2026-11', '*', 0.849),
        asi('2026-11', 'Sales Ops', 0.34),
        asi('2026-11', 'Legal', 0.95),
        asi('2026-11', 'Secret', null, { suppressed: true }),
      ],
    });
    expect(buildNarrative(doc)).toEqual([
      "Adoption rose 2.3 points to 41 %. Accuracy stability held steady at 85 % in 2026-11, while Sales Ops' accuracy stability fell from 62 % to 34 %.",
    ]);
  });

  it('reports an overall ASI fall with the falling teams, and a null ASI as not measurable', () => {
    const row = (month: string, name: string, value: number | null) => ({ month, team: name, evaluated: 10, above_target: 0, asi: value });
    const falling = makeDoc({
      accuracy_stability: [row('2026-10', '*', 0.8), row('2026-10', 'Legal', 0.9), row('2026-11', '*', 0.7), row('2026-11', 'Legal', 0.8)],
    });
    expect(buildNarrative(falling)).toEqual(["Accuracy stability fell from 80 % to 70 % (2026-10 to 2026-11); Legal's accuracy stability fell from 90 % to 80 %."]);
    const empty = makeDoc({ accuracy_stability: [{ month: '2026-11', team: '*', evaluated: 0, above_target: 0, asi: null }] });
    expect(buildNarrative(empty)).toEqual(['Accuracy stability for 2026-11 is not measurable (no evaluated tasks).']);
  });

  it('states time saved this week and cumulative, and harm with its teams', () => {
    const doc = makeDoc({
      time_saved: [
        { week: '2026-W45', team: '*', hours_saved: 40, cumulative_hours_saved: 40 },
        { week: '2026-W46', team: '*', hours_saved: 31.55, cumulative_hours_saved: 71.55 },
        { week: '2026-W47', team: '*', hours_saved: 12.46, cumulative_hours_saved: 84.01 },
        { week: '2026-W47', team: 'Legal', hours_saved: 2, cumulative_hours_saved: 9 },
      ],
      harm: [
        { team: '*', ai_tasks: 412, harmful: 3, harm_rate: 3 / 412 },
        { team: 'Legal', ai_tasks: 100, harmful: 2, harm_rate: 0.02 },
        { team: 'Finance', ai_tasks: 80, harmful: 1, harm_rate: 1 / 80 },
        { team: 'Small', ai_tasks: 2, harmful: null, harm_rate: null, suppressed: true } as unknown as HarmRow,
      ],
    });
    expect(buildNarrative(doc)).toEqual([
      'AI tasks saved an estimated 12.5 hours this week against the manual baseline; 84.0 hours saved in total since 2026-W45. ' +
        '3 of 412 AI tasks (1 %) were flagged harmful this week: Legal 2, Finance 1.',
    ]);
  });

  it('phrases negative time saved as time lost', () => {
    const doc = makeDoc({ time_saved: [{ week: '2026-W47', team: '*', hours_saved: -3.24, cumulative_hours_saved: -1234.56 }] });
    expect(buildNarrative(doc)).toEqual([
      'AI tasks took an estimated 3.2 hours more than the manual baseline this week; a net 1,234.6 hours lost in total since 2026-W47.',
    ]);
  });

  it('says nothing about harm when no AI task was harmful', () => {
    expect(buildNarrative(makeDoc({ harm: [{ team: '*', ai_tasks: 50, harmful: 0, harm_rate: 0 }] }))).toEqual([]);
  });
});

describe('buildNarrative: caveats', () => {
  it('lists gaps, blind spots of the newest month and quarantined rows', () => {
    const doc = makeDoc(
      {
        gaps: [
          { source: 'ai_logs', team: 'Legal', date: '2026-11-19' },
          { source: 'ai_logs', team: 'Legal', date: '2026-11-18' },
          { source: 'manual_logs', team: 'R&D', date: '2026-11-20' },
        ],
        logging_coverage: [
          { month: '2026-09', user_id: 'u9', logged_ai_tasks: 1, reported_ai_tasks: 10, coverage: 0.1, flagged: true },
          { month: '2026-10', user_id: 'u2', logged_ai_tasks: 5, reported_ai_tasks: 10, coverage: 0.5, flagged: true },
          { month: '2026-10', user_id: 'u1', logged_ai_tasks: 7, reported_ai_tasks: 10, coverage: 0.7, flagged: true },
          { month: '2026-10', user_id: 'u3', logged_ai_tasks: 9, reported_ai_tasks: 10, coverage: 0.9, flagged: false },
        ],
      },
      {
        accounting: {
          ai_logs: { rows_read: 100, quarantined: 10, exact_duplicates: 4, conflicting_duplicates: 3, retry_duplicates: 0, rows_in_tasks: 86, tasks: 80 },
          manual_logs: { rows_read: 50, quarantined: 2, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 48, tasks: 48 },
          user_monthly_summary: { rows_read: 5, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 5, tasks: 5 },
        },
      },
    );
    expect(buildNarrative(doc)).toEqual([
      '**Data caveats.** Possible data gaps (days with no tasks where that weekday usually has several): ' +
        'no AI tasks from Legal on 2026-11-18 and 2026-11-19; no manual tasks from R&amp;D on 2026-11-20. ' +
        'Logging blind spots: in 2026-10, 2 users (u1 and u2) logged under 80 % of the AI tasks they reported, so the logs undercount their AI use. ' +
        '12 input rows were quarantined and left out of every figure (AI logs 10, manual logs 2). ' +
        '3 ids arrived in copies that disagree (AI logs 3); the most complete copy was kept, flagged harmful if any copy was.',
    ]);
  });

  it('quotes the configured coverage threshold and shortens long user lists', () => {
    const users = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({
      month: '2026-10',
      user_id: id,
      logged_ai_tasks: 1,
      reported_ai_tasks: 10,
      coverage: 0.1,
      flagged: true,
    }));
    expect(buildNarrative(makeDoc({ logging_coverage: users }), { coverageThreshold: 0.75 })).toEqual([
      '**Data caveats.** Logging blind spots: in 2026-10, 7 users (a, b, c, d, e and 2 more) logged under 75 % of the AI tasks they reported, so the logs undercount their AI use.',
    ]);
  });

  it('escapes hostile user ids and team names in caveats', () => {
    const doc = makeDoc({
      gaps: [{ source: 'manual_logs', team: '<img src=x onerror=alert(1)>', date: '2026-11-18' }],
      logging_coverage: [{ month: '2026-10', user_id: '*u*<b>', logged_ai_tasks: 0, reported_ai_tasks: 4, coverage: 0, flagged: true }],
    });
    expect(buildNarrative(doc)).toEqual([
      '**Data caveats.** Possible data gaps (days with no tasks where that weekday usually has several): ' +
        'no manual tasks from &lt;img src=x onerror=alert\\(1\\)&gt; on 2026-11-18. ' +
        'Logging blind spots: in 2026-10, 1 user (\\*u\\*&lt;b&gt;) logged under 80 % of the AI tasks they reported, so the logs undercount their AI use.',
    ]);
  });

  it('says when weeks without a single task blunt the data-gap check (a stray old row), not for one quiet week', () => {
    const trend = (weeks: string[]) => weeks.map((week) => ({ week, team: '*', ai_tasks: 5, manual_tasks: 5, adoption_rate: 0.5 }));
    expect(buildNarrative(makeDoc({ adoption_trend: trend(['2025-W23', '2026-W46', '2026-W47']) }))).toEqual([
      '**Data caveats.** The data holds no task at all from 2025-W24 to 2026-W45 (74 weeks), after tasks in 2025-W23: ' +
        'the data-gap check counts those days as 0, so it may miss a missing export; if the earlier tasks are stray rows, `cleaning.earliest` leaves them out.',
    ]);
    expect(buildNarrative(makeDoc({ adoption_trend: trend(['2026-W44', '2026-W46', '2026-W47']) }))).toEqual([]);
    expect(buildNarrative(makeDoc({ adoption_trend: trend(['2026-W43', '2026-W46', '2026-W47']) }))[0]).toMatch(/from 2026-W44 to 2026-W45 \(2 weeks\)/);
  });

  it('says when the week compared with holds far fewer tasks than usual (its exports missing), on page 1 and in the caveats', () => {
    // W43..W45 hold 1,000 tasks each, W46 only 40 (a spill-over of the weeks around it): W47's moves are against it
    const totals: Array<[string, number]> = [['2026-W43', 1000], ['2026-W44', 1000], ['2026-W45', 1000], ['2026-W46', 40], ['2026-W47', 1000]];
    const adoption_trend = totals.map(([week, total]) => ({ week, team: '*', ai_tasks: total / 2, manual_tasks: total / 2, adoption_rate: 0.5 }));
    const adoption_by_team = [{ team: '*', ai_tasks: 500, manual_tasks: 500, adoption_rate: 0.5, delta_pts: 12.5, user_adoption_rate: 1 }];
    const doc = makeDoc({ adoption_trend, adoption_by_team });
    expect(buildNarrative(doc).filter((paragraph) => paragraph.startsWith('**Data caveats.**'))).toEqual([
      '**Data caveats.** 2026-W46, the week this one is compared with, holds 40 tasks against a usual 1,000 a week: ' +
        'its exports may be missing, so every change "vs last week" may come from missing data rather than from use.',
    ]);
    expect(keyPoints(doc)[0]).toBe('Adoption rose 12.5 points to 50 % (against 2026-W46, which holds only 40 tasks where a week usually has 1,000: see the data caveats).');
    // half a usual week or more is not told
    const fuller = makeDoc({ adoption_trend: adoption_trend.map((row) => (row.week === '2026-W46' ? { ...row, ai_tasks: 250, manual_tasks: 250 } : row)), adoption_by_team });
    expect(buildNarrative(fuller).filter((paragraph) => paragraph.startsWith('**Data caveats.**'))).toEqual([]);
    expect(keyPoints(fuller)[0]).toBe('Adoption rose 12.5 points to 50 %.');
  });

  it('claims nothing when the document holds no data', () => {
    expect(buildNarrative(makeDoc())).toEqual([]);
  });
});

describe('headlineKpis', () => {
  it('gives the page-1 tiles from the all-teams rows, with direction and better/worse', () => {
    const doc = makeDoc({
      adoption_by_team: [{ team: '*', ai_tasks: 120, manual_tasks: 173, adoption_rate: 120 / 293, delta_pts: -2.34, user_adoption_rate: 0.5 }],
      time_saved: [
        { week: '2026-W46', team: '*', hours_saved: 10, cumulative_hours_saved: 10 },
        { week: '2026-W47', team: '*', hours_saved: 5.25, cumulative_hours_saved: 15.25 },
      ],
      accuracy_stability: [
        { month: '2026-10', team: '*', evaluated: 180, above_target: 153, asi: 0.85 },
        { month: '2026-11', team: '*', evaluated: 200, above_target: 181, asi: 0.905 },
      ],
      harm: [{ team: '*', ai_tasks: 120, harmful: 0, harm_rate: 0 }],
      alerts: [
        { rule: 'adoption_drop', team: 'Procurement', severity: 'high' },
        { rule: 'data_gap', team: 'Legal', severity: 'medium' },
        { rule: 'blind_spot', severity: 'medium' },
      ],
    });
    expect(headlineKpis(doc)).toEqual([
      { label: 'Adoption', value: '41 %', detail: '-2.3 pts vs last week; 120 of 293 tasks used AI', direction: 'down', tone: 'worse' },
      { label: 'Hours saved this week', value: '5.3 h', detail: '-4.8 h vs last week, against the manual baseline', direction: 'down', tone: 'worse' },
      { label: 'Hours saved to date', value: '15.3 h', detail: 'since 2026-W46' },
      { label: 'Accuracy stability (ASI)', value: '91 %', detail: '+5.5 pts vs 2026-10; 200 evaluated tasks in 2026-11', direction: 'up', tone: 'better' },
      { label: 'Harm rate', value: '0 %', detail: '0 of 120 AI tasks flagged harmful', tone: 'better' },
      { label: 'Alerts', value: '3', detail: '1 high, 2 medium', tone: 'worse' },
    ]);
  });

  it('compares hours saved with the week right before only: a week without tasks between is no "last week"', () => {
    // W46 held no task: W45's 300 h is two weeks back, not "last week"
    const doc = makeDoc({ time_saved: [{ week: '2026-W45', team: '*', hours_saved: 300, cumulative_hours_saved: 300 }, { week: '2026-W47', team: '*', hours_saved: 100, cumulative_hours_saved: 400 }] });
    const tile = headlineKpis(doc)[1];
    expect(tile).toMatchObject({ value: '100.0 h', detail: 'against the manual baseline' });
    expect(tile.detail).not.toContain('vs last week');
    expect(headlineKpis(doc)[2]).toMatchObject({ value: '400.0 h', detail: 'since 2026-W45' });
    expect(keyPoints(doc)).toContain('AI tasks saved an estimated 100.0 hours this week against the manual baseline; 400.0 hours saved in total since 2026-W45.');
  });

  it('reads hours saved within 1 % of the week before as steady, as adoption within a point', () => {
    const hours = (before: number, now: number) =>
      headlineKpis(makeDoc({ time_saved: [{ week: '2026-W46', team: '*', hours_saved: before, cumulative_hours_saved: before }, { week: '2026-W47', team: '*', hours_saved: now, cumulative_hours_saved: before + now }] }))[1];
    expect(hours(337.9, 336.9)).toMatchObject({ detail: '-1.0 h vs last week, against the manual baseline', direction: 'flat', tone: 'neutral' });
    expect(hours(337.9, 333.9)).toMatchObject({ direction: 'down', tone: 'worse' });
    expect(hours(337.9, 341.9)).toMatchObject({ direction: 'up', tone: 'better' });
  });

  it('says "as far as the data shows" of first AI use near the data\'s first week', () => {
    const trend = (weeks: string[]) => weeks.map((week) => ({ week, team: '*', ai_tasks: 5, manual_tasks: 5, adoption_rate: 0.5 }));
    const people = {
      activation: [{ grain: 'week', period: '2026-W47', team: '*', licensed_users: 10, new_ai_users: 3, activation_rate: 0.3, median_days_to_first_ai_task: null, suppressed: false }],
      retention: [{ month: '2026-10', team: '*', cohort_users: 8, retained_m1: 0.75, suppressed: false }],
    };
    const early = buildNarrative(makeDoc({ adoption_trend: trend(['2026-W45', '2026-W46', '2026-W47']), ...people })).join(' ');
    expect(early).toContain('3 licensed users used AI for the first time this week (30 % of the licensed users who had not used it yet); the data starts in 2026-W45, so use before it is not seen.');
    expect(early).toContain('Of the 8 people who first used AI in 2026-10 (as far as the data shows: it starts in 2026-W45), 75 % used it again in 2026-11.');
    const later = buildNarrative(makeDoc({ adoption_trend: trend(['2026-W30', '2026-W47']), ...people })).join(' ');
    expect(later).toContain('3 licensed users used AI for the first time this week (30 % of');
    expect(later).toContain('Of the 8 people who first used AI in 2026-10, 75 %');
  });

  it('says there is no week before to compare when the report week is the first', () => {
    const doc = makeDoc({ adoption_by_team: [{ team: '*', ai_tasks: 120, manual_tasks: 173, adoption_rate: 120 / 293, delta_pts: null, user_adoption_rate: 0.5 }] });
    expect(headlineKpis(doc)[0]).toMatchObject({ label: 'Adoption', value: '41 %', detail: 'no week before to compare; 120 of 293 tasks used AI' });
  });

  it('shows dashes and says why when there is nothing to measure', () => {
    const doc = makeDoc({ adoption_by_team: [{ team: '*', ai_tasks: 0, manual_tasks: 0, adoption_rate: null, delta_pts: null, user_adoption_rate: null }] });
    expect(headlineKpis(doc).map((kpi) => [kpi.value, kpi.detail, kpi.direction, kpi.tone])).toEqual([
      ['—', 'not measurable (no tasks)', undefined, 'neutral'],
      ['—', 'no tasks in 2026-W47', undefined, 'neutral'],
      ['—', 'no tasks in 2026-W47', undefined, undefined],
      ['—', 'no evaluated tasks in 2026-11', undefined, 'neutral'],
      ['—', 'not measurable (no AI tasks)', undefined, 'neutral'],
      ['0', 'none', undefined, 'better'],
    ]);
  });
});

describe('keyPoints and the user view', () => {
  const doc = makeDoc({
    adoption_by_team: [
      team('*', 0.5, 0.2, { ai_tasks: 400, manual_tasks: 400, ai_users: 45, licensed_users: 50, user_adoption_rate: 0.9, user_weighted_adoption_rate: 0.42 }),
      team('Procurement', 0.3, -22),
      team('Legal', 0.6, 4),
    ],
    time_saved: [{ week: '2026-W47', team: '*', hours_saved: 12, cumulative_hours_saved: 40 }],
    power_users: [
      { week: '2026-W47', user_id: 'u6', team: 'Engineering', ai_tasks: 60, threshold: 25 },
      { week: '2026-W47', user_id: 'u9', team: 'Engineering', ai_tasks: 40, threshold: 25 },
      { week: '2026-W46', user_id: 'u1', team: 'Legal', ai_tasks: 99, threshold: 25 },
    ],
    usage_tiers: [{ week: '2026-W47', team: '*', people: 50, none: 5, light: 10, moderate: 30, heavy: 5, suppressed: false }],
  });

  it('never counts a user without a licence among the licensed users who used AI', () => {
    const withTiers = (people: number | null) => makeDoc({
      adoption_by_team: [team('*', 0.5, 0.2, { ai_tasks: 400, manual_tasks: 400, ai_users: 45, licensed_users: 44, user_adoption_rate: 45 / 44 })],
      ...(people === null ? {} : { usage_tiers: [{ week: '2026-W47', team: '*', people, none: 0, light: 10, moderate: 30, heavy: 5, suppressed: false }] }),
    });
    // 45 AI users, 1 of them unlicensed: 44 of 44 licensed users, not "45 of 44"
    expect(buildNarrative(withTiers(45)).find((sentence) => sentence.includes('used AI this week'))).toMatch(/^44 of 44 licensed users used AI this week, and 1 user without a licence \(user adoption, everyone who used AI over licensed users: 102 %\)/);
    // unknown (no usage tiers): no claim that the AI users are licensed
    expect(buildNarrative(withTiers(null)).find((sentence) => sentence.includes('used AI this week'))).toMatch(/^45 users used AI this week, against 44 licensed users \(user adoption 102 %\)/);
  });

  it('puts users, the per-user view and power users into words', () => {
    expect(buildNarrative(doc)[2]).toBe(
      "45 of 50 licensed users used AI this week (90 %); counted per user (each user's own AI share, averaged) adoption is 42 % against 50 % counted per task, " +
        'so heavy users pull the task figure up; 2 power users (26 or more AI tasks in the week) did 100 of the 400 AI tasks (25 %).',
    );
  });

  it('picks three to five sentences for page 1, adoption first, and names the teams the trend chart highlights', () => {
    const points = keyPoints(doc);
    expect(points).toHaveLength(3);
    expect(points[0]).toBe('Adoption held steady at 50 %; Procurement fell 22.0 points; Legal rose 4.0 points.');
    expect(points[1]).toMatch(/^AI tasks saved an estimated 12.0 hours/);
    expect(points[2]).toMatch(/^45 of 50 licensed users/);
    expect(namedTeams(doc)).toEqual(['Procurement', 'Legal']);
  });
});

describe('formatting helpers', () => {
  it('never rounds a non-zero rate to 0 % or a rate below 1 to 100 %', () => {
    expect([formatPercent(0.004), formatPercent(0.996), formatPercent(0), formatPercent(1), formatPercent(null)]).toEqual([
      '<1 %',
      '>99 %',
      '0 %',
      '100 %',
      'not measurable (no tasks)',
    ]);
  });

  it('escapes markdown punctuation and HTML', () => {
    expect(escapeMarkdown(`*bold* _x_ [l](u) <b> & "q" 'a'`)).toBe('\\*bold\\* \\_x\\_ \\[l\\]\\(u\\) &lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;');
  });
});

describe('buildNarrative: hundreds of teams', () => {
  const names = Array.from({ length: 300 }, (_, index) => `Team ${String(index + 1).padStart(3, '0')}`);

  it('names five teams past the drop line and counts the rest', () => {
    const doc = makeDoc({ adoption_by_team: [team('*', 0.5, -12), ...names.map((name, index) => team(name, 0.3, -11 - index / 10))] });
    expect(buildNarrative(doc)).toEqual([
      'Adoption fell 12.0 points to 50 %; Team 300 fell 40.9 points; Team 299 fell 40.8 points; Team 298 fell 40.7 points; ' +
        'Team 297 fell 40.6 points; Team 296 fell 40.5 points; 295 more teams fell 11.0 to 40.4 points.',
    ]);
    expect(namedTeams(doc)).toEqual(['Team 300', 'Team 299', 'Team 298', 'Team 297', 'Team 296']);
  });

  it('names the five teams with the most harmful tasks and counts the rest', () => {
    const harm = names.map((name, index) => ({ team: name, ai_tasks: 100, harmful: index < 3 ? 9 - index : 1, harm_rate: 0.01 }));
    const doc = makeDoc({ harm: [{ team: '*', ai_tasks: 30000, harmful: 321, harm_rate: 321 / 30000 }, ...harm] });
    expect(buildNarrative(doc)).toEqual([
      '321 of 30,000 AI tasks (1 %) were flagged harmful this week: Team 001 9, Team 002 8, Team 003 7, Team 004 1, Team 005 1 and 295 more teams.',
    ]);
  });

  it('tells the data gaps of five teams and counts the rest', () => {
    const gaps = names.flatMap((name) => [
      { source: 'ai_logs' as const, team: name, date: '2026-11-18' },
      { source: 'manual_logs' as const, team: name, date: '2026-11-19' },
    ]);
    expect(buildNarrative(makeDoc({ gaps: gaps.reverse() }))).toEqual([
      '**Data caveats.** Possible data gaps (days with no tasks where that weekday usually has several): ' +
        'no manual tasks from Team 005 on 2026-11-19; no AI tasks from Team 005 on 2026-11-18; no manual tasks from Team 004 on 2026-11-19; ' +
        'no AI tasks from Team 004 on 2026-11-18; no manual tasks from Team 003 on 2026-11-19; no AI tasks from Team 003 on 2026-11-18; ' +
        'no manual tasks from Team 002 on 2026-11-19; no AI tasks from Team 002 on 2026-11-18; no manual tasks from Team 001 on 2026-11-19; ' +
        'no AI tasks from Team 001 on 2026-11-18; and such days from 295 more teams.',
    ]);
  });

  it('names all six when only one more would be counted', () => {
    const harm = names.slice(0, 6).map((name) => ({ team: name, ai_tasks: 100, harmful: 1, harm_rate: 0.01 }));
    const doc = makeDoc({ harm: [{ team: '*', ai_tasks: 600, harmful: 6, harm_rate: 0.01 }, ...harm] });
    expect(buildNarrative(doc)[0]).toMatch(/this week: Team 001 1, Team 002 1, Team 003 1, Team 004 1, Team 005 1, Team 006 1\.$/);
  });
});
