import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { UptakeError } from '../errors.js';

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
  data: { values: unknown[] };
  options: Plot.PlotOptions;
}

export interface RenderedPlot {
  /** The chart as standalone SVG, or null when Plot made a figure (title, subtitle, caption or legend). */
  svg: string | null;
  /** The chart as HTML: the SVG, or the figure around it. */
  html: string;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** The few DOM members used here (the project compiles without the DOM library). */
interface PlotElement {
  tagName: string;
  outerHTML: string;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): Iterable<PlotElement>;
}

/**
 * True for a chart spec drawn with Plot rather than Vega-Lite.
 * @example isPlotChartSpec(adoptionByTaskTypeChart(doc)) // true
 */
export function isPlotChartSpec(spec: unknown): spec is PlotChartSpec {
  return typeof spec === 'object' && spec !== null && (spec as { kind?: unknown }).kind === 'observable-plot';
}

function plotOptions(input: PlotInput, options: Plot.PlotOptions): Plot.PlotOptions {
  if (isPlotChartSpec(input)) return { ...input.options, ...options };
  const isMark = input instanceof Plot.Mark || Array.isArray(input) || typeof input === 'function' || input === null || input === undefined;
  return isMark ? { ...options, marks: [input as Plot.Markish] } : { ...(input as Plot.PlotOptions), ...options };
}

// Plot draws into a DOM; the kernel and the CLI have none, so each chart gets linkedom's document.
/**
 * Draws an Observable Plot chart server-side and returns its markup (no browser, no network).
 * @example renderPlot(Plot.barY(rows, { x: 'team', y: 'tasks' })).svg // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function renderPlot(input: PlotInput | PlotChartSpec, options: Plot.PlotOptions = {}): RenderedPlot {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  let element: PlotElement;
  try {
    element = Plot.plot({ ...plotOptions(input as PlotInput, options), document: document as unknown as Plot.PlotOptions['document'] }) as unknown as PlotElement;
  } catch (error) {
    const title = isPlotChartSpec(input) ? ` "${input.title}"` : '';
    throw new UptakeError('render', `Plot chart${title}: expected marks and options Plot can draw, got an error: ${(error as Error).message}`, { cause: error });
  }
  // linkedom serialises the namespace only when set as an attribute; a standalone SVG needs it
  for (const svg of element.querySelectorAll('svg')) svg.setAttribute('xmlns', SVG_NAMESPACE);
  if (element.tagName.toLowerCase() === 'svg') element.setAttribute('xmlns', SVG_NAMESPACE);
  const html = element.outerHTML;
  return { svg: element.tagName.toLowerCase() === 'svg' ? html : null, html };
}

/**
 * What a notebook cell displays for a Plot chart: its SVG (when it is one) and HTML, and a title as text.
 * @example displayBundle(plotDisplayBundle(Plot.dot(rows, { x: 'day', y: 'tasks' })))
 */
export function plotDisplayBundle(input: PlotInput | PlotChartSpec, options: Plot.PlotOptions = {}): Record<string, unknown> {
  const rendered = renderPlot(input, options);
  const title = isPlotChartSpec(input) ? input.title : (options.title ?? (input as Plot.PlotOptions)?.title);
  return {
    ...(rendered.svg ? { 'image/svg+xml': rendered.svg } : {}),
    'text/html': rendered.html,
    'text/plain': typeof title === 'string' ? title : 'Plot chart',
  };
}

export { Plot };
