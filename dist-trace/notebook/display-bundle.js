import { createRequire } from 'node:module';
// tslab's public `display` sends one mime type per output; the function it wraps sends any bundle.
function findTslabWriter() {
    const cache = createRequire(import.meta.url).cache;
    for (const [file, module] of Object.entries(cache)) {
        if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file))
            continue;
        const writer = module?.exports?.lastWriteDisplayData;
        if (typeof writer === 'function')
            return writer;
    }
    return null;
}
/**
 * Shows ONE notebook output carrying several representations, e.g. a Vega-Lite spec (interactive in
 * Jupyter and VS Code) with its SVG (static export) and a text fallback. Returns false outside a
 * tslab kernel, where there is nothing to display to.
 * @example
 * displayBundle({ 'application/vnd.vegalite.v5+json': spec, 'image/svg+xml': svg, 'text/plain': 'Adoption trend' })
 */
export function displayBundle(data, metadata = {}) {
    const write = findTslabWriter();
    if (!write)
        return false;
    write({ data, metadata, transient: {} }, false);
    return true;
}
//# sourceMappingURL=display-bundle.js.map