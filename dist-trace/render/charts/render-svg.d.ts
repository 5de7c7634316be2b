import type { TopLevelSpec } from 'vega-lite';
import { type PlotChartSpec } from '../render-plot.js';
/**
 * Renders a Vega-Lite spec to an SVG string headlessly (no DOM, no network: any data URL is refused).
 * @example const svg = await renderSvg(adoptionTrendChart(doc)); // '<svg xmlns=...'
 */
export declare function renderSvg(spec: TopLevelSpec | PlotChartSpec): Promise<string>;
/**
 * What a notebook cell displays for a chart: the interactive Vega-Lite spec, its SVG for
 * static export, and the title as plain text (a Plot chart: its SVG, HTML and title).
 * @example display(await chartDisplayBundle(adoptionTrendChart(doc)));
 */
export declare function chartDisplayBundle(spec: TopLevelSpec | PlotChartSpec): Promise<Record<string, unknown>>;
