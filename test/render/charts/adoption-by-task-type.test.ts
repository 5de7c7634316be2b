import { describe, expect, it } from 'vitest';
import { adoptionByTaskTypeChart } from '../../../src/render/charts/adoption-by-task-type.js';
import { renderPlot } from '../../../src/render/render-plot.js';
import { chartDoc } from './fixture-doc.js';

describe('adoptionByTaskTypeChart (Observable Plot)', () => {
  it('draws one bar per measurable task type of the report week, highest rate first', () => {
    const spec = adoptionByTaskTypeChart(chartDoc());
    expect(spec.kind).toBe('observable-plot');
    expect(spec.title).toBe('Adoption by task type, 2026-W47');
    expect(spec.data.values).toEqual([
      { task_type: 'contract_review', adoption_rate: 0.75, delta_pts: 5, ai_tasks: 30, manual_tasks: 10 },
      { task_type: 'budget_reconciliation', adoption_rate: 0.25, delta_pts: null, ai_tasks: 10, manual_tasks: 30 },
    ]);
    expect(spec.options.y).toMatchObject({ domain: ['contract_review', 'budget_reconciliation'], label: 'Task type' });
    expect(spec.options.x).toMatchObject({ domain: [0, 1], label: 'Adoption rate' });
    // Two bars: 120 px minimum plot height plus the title's band; width fixed.
    expect([spec.options.width, spec.options.height]).toEqual([640, 156]);
  });

  it('renders to one SVG with its title, axis labels, percentages and a tooltip per bar', () => {
    const { svg } = renderPlot(adoptionByTaskTypeChart(chartDoc()));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('>Adoption by task type, 2026-W47</text>');
    // Task types read as words on the axis and in the tooltips, as in the report's tables and the caption
    expect(svg).toContain('>contract review</text>');
    expect(svg).not.toContain('>contract_review</text>');
    expect(svg).toContain('>40 %</text>');
    expect(svg).toContain('<title>contract review\nAdoption rate: 75.0 %\nChange (points): +5.0\nAI tasks: 30\nManual tasks: 10</title>');
    expect(svg).toContain('<title>budget reconciliation\nAdoption rate: 25.0 %\nAI tasks: 10\nManual tasks: 30</title>');
    expect(svg!.match(/<rect /g)?.length).toBe(2);
  });

  it('escapes a hostile task type', () => {
    const doc = chartDoc({ adoption_by_task_type: [{ task_type: '<script>x</script>', ai_tasks: 1, manual_tasks: 1, adoption_rate: 0.5, delta_pts: null } as never] });
    const { svg } = renderPlot(adoptionByTaskTypeChart(doc));
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).not.toContain('<script');
  });
});
