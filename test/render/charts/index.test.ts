import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../../src/render/charts/index.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { isPlotChartSpec } from '../../../src/render/render-plot.js';
import { chartDoc } from './fixture-doc.js';

describe('reportCharts', () => {
  it('never says "no team below the target" when teams are withheld for privacy', () => {
    const doc = chartDoc();
    const withheld = { ...doc, tables: { ...doc.tables, accuracy_stability: doc.tables.accuracy_stability.map((row) => (row.team === '*' ? row : { ...row, asi: null, suppressed: true })) } };
    const caption = reportCharts(withheld).find((chart) => chart.id === 'asi-by-month')!.caption;
    expect(caption).toMatch(/^Axis zoomed to the data; dashed line: the 90 % accuracy target\. No team shown is below it in 2026-11 \(\d+ withheld\)\.$/);
  });

  it('lists the five charts in page order, each with a one-line caption as its subtitle (drawn under the title by Plot)', async () => {
    const charts = reportCharts(chartDoc());
    expect(charts.map((chart) => [chart.id, chart.title, chart.caption])).toEqual([
      ['adoption-trend', 'Adoption rate by week', 'Black: all teams; no team moved enough this week to single out.'],
      ['adoption-by-task-type', 'Adoption by task type', 'Highest use of AI: contract review (75 %); lowest: budget reconciliation (25 %).'],
      ['cumulative-hours-saved', 'Cumulative hours saved', '22.5 h saved to date by all teams (top panel, own scale); most among teams: Legal, 9.0 h.'],
      ['asi-by-month', 'Accuracy stability (ASI) by month', 'Axis zoomed to the data; dashed line: the 90 % accuracy target. Below it in 2026-11: Sales Ops.'],
      ['logging-coverage', 'Logging blind spots', '1 of 2 users logged less than 80 % of the AI tasks they reported in 2026-10: their AI use is under-counted.'],
    ]);
    // A caption wider than the chart is wrapped into lines (see render-svg.test.ts); its words stay in order
    for (const chart of charts.filter((chart) => !isPlotChartSpec(chart.spec))) expect([(chart.spec as any).title.subtitle].flat().join(' ')).toBe(chart.caption);
    const plotChart = charts.find((chart) => isPlotChartSpec(chart.spec))!;
    expect(plotChart.id).toBe('adoption-by-task-type');
    expect(await renderSvg(plotChart.spec)).toContain('>Highest use of AI: contract review (75 %); lowest: budget reconciliation (25 %).<');
  });

  it('rounds the percents of its captions as the narrative does (41.9 % reads 42 %, a target of 0.875 reads 88 %)', () => {
    const doc = chartDoc();
    doc.tables.adoption_by_team.push({ team: '*', ai_tasks: 419, manual_tasks: 581, adoption_rate: 0.419, delta_pts: 0, user_adoption_rate: 1 } as (typeof doc.tables.adoption_by_team)[number]);
    const charts = reportCharts(doc, { accuracyTarget: 0.875 });
    expect(charts.find((chart) => chart.id === 'adoption-trend')!.caption).toContain('(now 42 %)');
    expect(charts.find((chart) => chart.id === 'asi-by-month')!.caption).toContain('the 88 % accuracy target');
  });

  it('passes configured thresholds to the charts that draw them', () => {
    const charts = reportCharts(chartDoc(), { accuracyTarget: 0.95, coverageThreshold: 0.6 });
    const spec = (id: string) => charts.find((chart) => chart.id === id)!.spec as any;
    expect(spec('asi-by-month').layer[1].encoding.y.datum).toBe(0.95);
    expect(spec('logging-coverage').layer[1].encoding.x.datum).toBe(0.6);
    // the threshold drawn is the one that selects: at 0.95 u2 (90 %) is below it too, whatever the document flagged
    const strict = reportCharts(chartDoc(), { coverageThreshold: 0.95 }).find((chart) => chart.id === 'logging-coverage')!;
    expect((strict.spec as any).data.values.map((row: { user_id: string }) => row.user_id)).toEqual(['u1', 'u2']);
    expect(strict.caption).toBe('2 of 2 users logged less than 95 % of the AI tasks they reported in 2026-10: their AI use is under-counted.');
  });

  it('says "the others in grey" only when the trend has a team that is not in colour', () => {
    // Legal moved 25 points (named, in colour); with Legal the only team there is no grey line
    const adoption_by_team = [
      { team: '*', ai_tasks: 40, manual_tasks: 60, adoption_rate: 0.4, delta_pts: 10, user_adoption_rate: 1 },
      { team: 'Legal', ai_tasks: 15, manual_tasks: 5, adoption_rate: 0.75, delta_pts: 25, user_adoption_rate: 1 },
    ];
    const caption = (doc: ReturnType<typeof chartDoc>) => reportCharts(doc).find((chart) => chart.id === 'adoption-trend')!.caption;
    const oneTeam = chartDoc({ adoption_by_team });
    expect(caption(oneTeam)).toBe('Black: all teams (now 40 %). In colour, the teams that moved most this week: Legal.');
    const withHr = chartDoc({ adoption_by_team, adoption_trend: [...oneTeam.tables.adoption_trend, { week: '2026-W47', team: 'HR', ai_tasks: 5, manual_tasks: 5, adoption_rate: 0.5 }] });
    expect(caption(withHr)).toBe('Black: all teams (now 40 %). In colour, the teams that moved most this week: Legal; the others in grey.');
  });

  it('leaves out charts without data', () => {
    expect(reportCharts(chartDoc({ accuracy_stability: [], logging_coverage: [] })).map((chart) => chart.id)).toEqual([
      'adoption-trend',
      'adoption-by-task-type',
      'cumulative-hours-saved',
    ]);
  });
});
