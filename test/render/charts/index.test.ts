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

  it('leaves out charts without data', () => {
    expect(reportCharts(chartDoc({ accuracy_stability: [], logging_coverage: [] })).map((chart) => chart.id)).toEqual([
      'adoption-trend',
      'adoption-by-task-type',
      'cumulative-hours-saved',
    ]);
  });
});
