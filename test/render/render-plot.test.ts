import { describe, expect, it } from 'vitest';
import { Plot, isPlotChartSpec, plotDisplayBundle, renderPlot } from '../../src/render/render-plot.js';

const rows = [
  { team: 'Legal', tasks: 12 },
  { team: 'Sales Ops', tasks: 30 },
];

describe('renderPlot', () => {
  it('draws a mark server-side to one standalone SVG', () => {
    const { svg, html } = renderPlot(Plot.barY(rows, { x: 'team', y: 'tasks' }));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="640"/);
    expect(html).toBe(svg);
    expect(svg).toContain('>Sales Ops</text>');
    expect(svg!.match(/<rect /g)?.length).toBe(2);
  });

  it('takes Plot options with marks, or a list of marks with options', () => {
    const fromOptions = renderPlot({ marks: [Plot.dot(rows, { x: 'tasks', y: 'team' })], width: 300 });
    const fromMarks = renderPlot([Plot.dot(rows, { x: 'tasks', y: 'team' })], { width: 300 });
    expect(fromOptions.svg).toContain('width="300"');
    expect(fromMarks.svg).toBe(fromOptions.svg);
    expect(fromOptions.svg!.match(/<circle /g)?.length).toBe(2);
  });

  it('gives a figure as HTML when Plot adds a title or legend', () => {
    const { svg, html } = renderPlot(Plot.dot(rows, { x: 'tasks', y: 'team', fill: 'team' }), { title: 'Tasks per team', color: { legend: true } });
    expect(svg).toBeNull();
    expect(html).toMatch(/^<figure[^>]*><h2>Tasks per team<\/h2>/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('names the chart and Plot error when it cannot draw', () => {
    expect(() => renderPlot({ kind: 'observable-plot', title: 'Broken', data: { values: [] }, options: { marks: [Plot.barY(rows, { x: 'team', y: 'tasks' })], x: { type: 'no-such-scale' as never } } })).toThrow(
      /^Plot chart "Broken": expected marks and options Plot can draw, got an error: .*no-such-scale/,
    );
  });
});

describe('plotDisplayBundle', () => {
  it('holds the SVG, the HTML and the title as text', () => {
    const bundle = plotDisplayBundle(Plot.barY(rows, { x: 'team', y: 'tasks' }), { ariaLabel: 'x' });
    expect(Object.keys(bundle).sort()).toEqual(['image/svg+xml', 'text/html', 'text/plain']);
    expect(bundle['text/plain']).toBe('Plot chart');
    expect(plotDisplayBundle(Plot.barY(rows, { x: 'team', y: 'tasks' }), { title: 'T' })).toMatchObject({ 'text/plain': 'T' });
    expect(isPlotChartSpec({ kind: 'observable-plot' })).toBe(true);
    expect(isPlotChartSpec({ mark: 'bar' })).toBe(false);
  });
});
