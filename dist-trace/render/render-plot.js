import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { UptakeError } from '../errors.js';
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
/**
 * True for a chart spec drawn with Plot rather than Vega-Lite.
 * @example isPlotChartSpec(adoptionByTaskTypeChart(doc)) // true
 */
export function isPlotChartSpec(spec) {
    return typeof spec === 'object' && spec !== null && spec.kind === 'observable-plot';
}
function plotOptions(input, options) {
    if (isPlotChartSpec(input))
        return { ...input.options, ...options };
    const isMark = input instanceof Plot.Mark || Array.isArray(input) || typeof input === 'function' || input === null || input === undefined;
    return isMark ? { ...options, marks: [input] } : { ...input, ...options };
}
// Plot draws into a DOM; the kernel and the CLI have none, so each chart gets linkedom's document.
/**
 * Draws an Observable Plot chart server-side and returns its markup (no browser, no network).
 * @example renderPlot(Plot.barY(rows, { x: 'team', y: 'tasks' })).svg // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function renderPlot(input, options = {}) {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    let element;
    try {
        element = Plot.plot({ ...plotOptions(input, options), document: document });
    }
    catch (error) {
        const title = isPlotChartSpec(input) ? ` "${input.title}"` : '';
        throw new UptakeError('render', `Plot chart${title}: expected marks and options Plot can draw, got an error: ${error.message}`, { cause: error });
    }
    // linkedom serialises the namespace only when set as an attribute; a standalone SVG needs it
    for (const svg of element.querySelectorAll('svg'))
        svg.setAttribute('xmlns', SVG_NAMESPACE);
    if (element.tagName.toLowerCase() === 'svg')
        element.setAttribute('xmlns', SVG_NAMESPACE);
    const html = element.outerHTML;
    return { svg: element.tagName.toLowerCase() === 'svg' ? html : null, html };
}
/**
 * What a notebook cell displays for a Plot chart: its SVG (when it is one) and HTML, and a title as text.
 * @example displayBundle(plotDisplayBundle(Plot.dot(rows, { x: 'day', y: 'tasks' })))
 */
export function plotDisplayBundle(input, options = {}) {
    const rendered = renderPlot(input, options);
    const title = isPlotChartSpec(input) ? input.title : (options.title ?? input?.title);
    return {
        ...(rendered.svg ? { 'image/svg+xml': rendered.svg } : {}),
        'text/html': rendered.html,
        'text/plain': typeof title === 'string' ? title : 'Plot chart',
    };
}
export { Plot };
//# sourceMappingURL=render-plot.js.map