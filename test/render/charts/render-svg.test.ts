import { describe, expect, it } from 'vitest';
import { adoptionTrendChart } from '../../../src/render/charts/adoption-trend.js';
import { reportCharts } from '../../../src/render/charts/index.js';
import { chartDisplayBundle, renderSvg } from '../../../src/render/charts/render-svg.js';
import { withCaption } from '../../../src/render/charts/chart-style.js';
import { chartDoc } from './fixture-doc.js';

describe('renderSvg', () => {
  it('renders every report chart to SVG with its axis titles and its caption', async () => {
    const charts = reportCharts(chartDoc());
    const svgs = await Promise.all(charts.map((chart) => renderSvg(chart.spec)));
    for (const svg of svgs) expect(svg.startsWith('<svg')).toBe(true);
    // A caption is drawn whole, or wrapped into lines of the chart's width
    charts.forEach((chart, index) => {
      const lines = [(chart.spec as { title?: { subtitle?: string | string[] } }).title?.subtitle ?? chart.caption].flat();
      for (const line of lines) expect(svgs[index]).toContain(`>${line.replace(/&/g, '&amp;')}<`);
    });
    expect(svgs[0]).toContain('>Adoption</text>');
    expect(svgs[0]).toContain('>40 %</text>');
    expect(svgs[0]).toContain('>2026-W47</text>');
    expect(svgs[3]).toContain('>target 90 %</text>');
    // The target label is drawn once, not once per data row.
    expect(svgs[3].split('>target 90 %</text>').length - 1).toBe(1);
    expect(svgs[4]).toContain('>u1</text>');
  });

  it('wraps a long caption instead of widening (and so shrinking) the chart: twelve teams below the ASI target', async () => {
    const teams = ['Engineering EMEA', 'Finance', 'Finance EMEA', 'HR', 'HR EMEA', 'Procurement', 'Procurement EMEA', 'Sales Ops', 'Sales Ops EMEA', 'Legal EMEA'];
    const many = chartDoc({
      accuracy_stability: [
        { month: '2026-10', team: '*', evaluated: 100, above_target: 85, asi: 0.85 },
        { month: '2026-11', team: '*', evaluated: 100, above_target: 80, asi: 0.8 },
        ...teams.map((team) => ({ month: '2026-11', team, evaluated: 50, above_target: 40, asi: 0.8 })),
      ],
    });
    const asi = reportCharts(many).find((chart) => chart.id === 'asi-by-month')!;
    expect(asi.caption.length).toBeGreaterThan(150);
    const widthOf = (svg: string) => Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
    const wide = widthOf(await renderSvg(asi.spec));
    const short = widthOf(await renderSvg(withCaption(asi.spec, 'Below the target: ten teams.')));
    expect(wide).toBe(short);
    // Every word of the caption is still drawn
    const svg = await renderSvg(asi.spec);
    for (const team of teams) expect(svg).toContain(team);
  });

  it('renders a hostile team name as escaped text', async () => {
    const doc = chartDoc({
      adoption_trend: [{ week: '2026-W47', team: '<script>alert(1)</script>', ai_tasks: 1, manual_tasks: 1, adoption_rate: 0.5 }],
    });
    const svg = await renderSvg(adoptionTrendChart(doc));
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('<script');
  });

  it('refuses a spec that loads data from a URL', async () => {
    const spec = { data: { url: 'http://127.0.0.1:9/data.json' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as const;
    await expect(renderSvg(spec as any)).rejects.toThrow(/expected inline data, got a request for `http:\/\/127\.0\.0\.1:9\/data\.json`/);
  });
});

describe('chartDisplayBundle', () => {
  it('holds the Vega-Lite spec, its SVG and the title', async () => {
    const spec = adoptionTrendChart(chartDoc());
    const bundle = await chartDisplayBundle(spec);
    expect(Object.keys(bundle).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/plain']);
    expect(bundle['application/vnd.vegalite.v5+json']).toBe(spec);
    expect(bundle['image/svg+xml']).toMatch(/^<svg[^>]*>/);
    expect(bundle['text/plain']).toBe('Adoption rate by week');
  });
});
