import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../../src/render/charts/index.js';
import { chartDoc } from './fixture-doc.js';

describe('reportCharts', () => {
  it('lists the five charts in page order', () => {
    expect(reportCharts(chartDoc()).map((chart) => [chart.id, chart.title])).toEqual([
      ['adoption-trend', 'Adoption rate by week'],
      ['adoption-by-task-type', 'Adoption by task type'],
      ['cumulative-hours-saved', 'Cumulative hours saved'],
      ['asi-by-month', 'Accuracy stability (ASI) by month'],
      ['logging-coverage', 'Logging coverage'],
    ]);
  });

  it('passes configured thresholds to the charts that draw them', () => {
    const charts = reportCharts(chartDoc(), { accuracyTarget: 0.95, coverageThreshold: 0.6 });
    const spec = (id: string) => charts.find((chart) => chart.id === id)!.spec as any;
    expect(spec('asi-by-month').layer[1].encoding.y.datum).toBe(0.95);
    expect(spec('logging-coverage').layer[1].encoding.x.datum).toBe(0.6);
  });

  it('leaves out charts without data', () => {
    expect(reportCharts(chartDoc({ accuracy_stability: [], logging_coverage: [] })).map((chart) => chart.id)).toEqual([
      'adoption-trend',
      'adoption-by-task-type',
      'cumulative-hours-saved',
    ]);
  });
});
