import { describe, expect, it } from 'vitest';
import { adoptionByTaskTypeChart } from '../../../src/render/charts/adoption-by-task-type.js';
import { at, chartDoc } from './fixture-doc.js';

describe('adoptionByTaskTypeChart', () => {
  it('draws one bar per measurable task type of the report week, sorted by rate', () => {
    const spec = adoptionByTaskTypeChart(chartDoc());
    expect(at(spec, 'title')).toBe('Adoption by task type, 2026-W47');
    expect(at(spec, 'data', 'values')).toEqual([
      { task_type: 'contract_review', adoption_rate: 0.75, delta_pts: 5, ai_tasks: 30, manual_tasks: 10 },
      { task_type: 'budget_reconciliation', adoption_rate: 0.25, delta_pts: null, ai_tasks: 10, manual_tasks: 30 },
    ]);
    expect(at(spec, 'encoding', 'y')).toMatchObject({ field: 'task_type', sort: '-x' });
    expect(at(spec, 'encoding', 'x')).toMatchObject({ field: 'adoption_rate', scale: { domain: [0, 1] } });
    // Two bars: 120 px minimum height; width fixed.
    expect([at(spec, 'width'), at(spec, 'height')]).toEqual([640, 120]);
  });
});
