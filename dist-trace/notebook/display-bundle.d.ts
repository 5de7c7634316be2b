/**
 * Shows ONE notebook output carrying several representations, e.g. a Vega-Lite spec (interactive in
 * Jupyter and VS Code) with its SVG (static export) and a text fallback. Returns false outside a
 * tslab kernel, where there is nothing to display to.
 * @example
 * displayBundle({ 'application/vnd.vegalite.v5+json': spec, 'image/svg+xml': svg, 'text/plain': 'Adoption trend' })
 */
export declare function displayBundle(data: Record<string, unknown>, metadata?: Record<string, unknown>): boolean;
