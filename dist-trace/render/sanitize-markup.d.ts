export interface SanitizeOptions {
    /** Prefix for every `id` and reference to it, so several inline SVGs keep distinct ids. */
    idPrefix?: string;
}
/**
 * Rebuilds an HTML or SVG fragment from an allow-list: scripts, event handlers, external
 * resources and unknown elements are removed; text is re-escaped; unclosed elements are closed.
 * @example
 * sanitizeMarkup('<svg onload="x()"><script>alert(1)</script><text>hi</text></svg>')
 * // => '<svg><text>hi</text></svg>'
 */
export declare function sanitizeMarkup(markup: string, options?: SanitizeOptions): string;
