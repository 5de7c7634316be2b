import { displayBundle } from '../notebook/display-bundle.js';
import { chartDisplayBundle } from './charts/render-svg.js';
import { plotDisplayBundle } from './render-plot.js';
// A notebook cell draws a chart in one call; the output carries SVG (static export, the HTML and PDF
// report) and, for Vega-Lite, the spec itself (interactive in Jupyter and VS Code).
/**
 * Draws an Observable Plot chart in the notebook: Plot's options (with `marks`), one mark, or a list
 * of marks, plus options. Shows nothing outside a kernel (see renderPlot for the markup).
 * @example uptake.plot(uptake.Plot.barY(rows, { x: "team", y: "tasks" }), { title: "Tasks" });
 */
export function plot(input, options = {}) {
    displayBundle(plotDisplayBundle(input, options));
}
/**
 * Draws a Vega-Lite spec in the notebook (rendered to SVG in the kernel, interactive where the
 * front end draws Vega-Lite). Await it, so the chart lands in its own cell.
 * @example await uptake.vegaLite({ data: { values: rows }, mark: "bar", encoding: { x: { field: "team" }, y: { aggregate: "count" } } });
 */
export async function vegaLite(spec) {
    displayBundle(await chartDisplayBundle(spec));
}
//# sourceMappingURL=show-chart.js.map