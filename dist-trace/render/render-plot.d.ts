import * as Plot from '@observablehq/plot';
/** What `renderPlot` draws: Plot's options (with `marks`), one mark, or a list of marks. */
export type PlotInput = Plot.PlotOptions | Plot.Markish;
/**
 * A report chart drawn with Observable Plot, beside the Vega-Lite ones: `options` go to
 * `Plot.plot`; `data.values` are the rows drawn (an empty chart is left out of the report).
 */
export interface PlotChartSpec {
    kind: 'observable-plot';
    title: string;
    description?: string;
    data: {
        values: unknown[];
    };
    options: Plot.PlotOptions;
}
export interface RenderedPlot {
    /** The chart as standalone SVG, or null when Plot made a figure (title, subtitle, caption or legend). */
    svg: string | null;
    /** The chart as HTML: the SVG, or the figure around it. */
    html: string;
}
/**
 * True for a chart spec drawn with Plot rather than Vega-Lite.
 * @example isPlotChartSpec(adoptionByTaskTypeChart(doc)) // true
 */
export declare function isPlotChartSpec(spec: unknown): spec is PlotChartSpec;
/**
 * Draws an Observable Plot chart server-side and returns its markup (no browser, no network).
 * @example renderPlot(Plot.barY(rows, { x: 'team', y: 'tasks' })).svg // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export declare function renderPlot(input: PlotInput | PlotChartSpec, options?: Plot.PlotOptions): RenderedPlot;
/**
 * What a notebook cell displays for a Plot chart: its SVG (when it is one) and HTML, and a title as text.
 * @example displayBundle(plotDisplayBundle(Plot.dot(rows, { x: 'day', y: 'tasks' })))
 */
export declare function plotDisplayBundle(input: PlotInput | PlotChartSpec, options?: Plot.PlotOptions): Record<string, unknown>;
export { Plot };
