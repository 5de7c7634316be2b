import { UptakeError } from '../../errors.js';
import { isPlotChartSpec, plotDisplayBundle, renderPlot } from '../render-plot.js';
// vega has a top-level await and notebooks `require` our dist: both libraries are loaded
// here, on first use, never by a static import.
async function loadVega() {
    const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
    return { vegaLite, vega };
}
function specTitle(spec) {
    const title = spec.title;
    if (typeof title === 'string')
        return title;
    if (title && typeof title === 'object' && typeof title.text === 'string')
        return title.text;
    return 'chart';
}
/**
 * Renders a Vega-Lite spec to an SVG string headlessly (no DOM, no network: any data URL is refused).
 * @example const svg = await renderSvg(adoptionTrendChart(doc)); // '<svg xmlns=...'
 */
export async function renderSvg(spec) {
    if (isPlotChartSpec(spec))
        return renderPlot(spec).svg ?? renderPlot(spec).html;
    const { vegaLite, vega } = await loadVega();
    const title = specTitle(spec);
    let view;
    try {
        // Warnings (e.g. about encodings) would reach a notebook's stderr; errors still throw.
        const { spec: vegaSpec } = vegaLite.compile(spec, { logger: vega.logger(vega.Error) });
        const remote = (vegaSpec.data ?? []).find((data) => 'url' in data && data.url !== undefined);
        if (remote && 'url' in remote)
            throw new Error(`expected inline data, got a request for \`${String(remote.url)}\``);
        const offline = vega.loader();
        offline.load = async (uri) => {
            throw new Error(`expected inline data, got a request for \`${uri}\``);
        };
        view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: offline });
        return await view.toSVG();
    }
    catch (error) {
        throw new UptakeError('render', `chart "${title}": expected a Vega-Lite spec vega can render, got an error: ${error.message}`, { cause: error });
    }
    finally {
        view?.finalize();
    }
}
/**
 * What a notebook cell displays for a chart: the interactive Vega-Lite spec, its SVG for
 * static export, and the title as plain text (a Plot chart: its SVG, HTML and title).
 * @example display(await chartDisplayBundle(adoptionTrendChart(doc)));
 */
export async function chartDisplayBundle(spec) {
    if (isPlotChartSpec(spec))
        return plotDisplayBundle(spec);
    return {
        'application/vnd.vegalite.v5+json': spec,
        'image/svg+xml': await renderSvg(spec),
        'text/plain': specTitle(spec),
    };
}
//# sourceMappingURL=render-svg.js.map