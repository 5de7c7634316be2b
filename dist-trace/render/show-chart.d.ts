import type { TopLevelSpec } from 'vega-lite';
import { Plot, type PlotChartSpec, type PlotInput } from './render-plot.js';
/**
 * Draws an Observable Plot chart in the notebook: Plot's options (with `marks`), one mark, or a list
 * of marks, plus options. Shows nothing outside a kernel (see renderPlot for the markup).
 * @example uptake.plot(uptake.Plot.barY(rows, { x: "team", y: "tasks" }), { title: "Tasks" });
 */
export declare function plot(input: PlotInput | PlotChartSpec, options?: Plot.PlotOptions): void;
/**
 * Draws a Vega-Lite spec in the notebook (rendered to SVG in the kernel, interactive where the
 * front end draws Vega-Lite). Await it, so the chart lands in its own cell.
 * @example await uptake.vegaLite({ data: { values: rows }, mark: "bar", encoding: { x: { field: "team" }, y: { aggregate: "count" } } });
 */
export declare function vegaLite(spec: TopLevelSpec): Promise<void>;
