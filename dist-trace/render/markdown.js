import { Marked } from 'marked';
import { sanitizeMarkup } from './sanitize-markup.js';
/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/**
 * Keeps a number and its percent sign on one line ("33.6 %" never wraps before the "%").
 * @example keepUnitsTogether('fell to 33.6 %') // 'fell to 33.6\u00a0%'
 */
export function keepUnitsTogether(text) {
    return text.replace(/(\d) %/g, '$1\u00a0%');
}
// Raw HTML inside markdown (a prompt pasted into a note, say) must show as text, never as markup.
const markdown = new Marked({
    gfm: true,
    async: false,
    renderer: {
        html: ({ text }) => escapeHtml(text),
    },
});
/**
 * Renders markdown to safe HTML: raw HTML is escaped, then the result goes through the allow-list.
 * @example
 * renderMarkdown('**rose** <script>alert(1)</script>')
 * // => '<p><strong>rose</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n'
 */
export function renderMarkdown(text) {
    return sanitizeMarkup(markdown.parse(text, { async: false }));
}
//# sourceMappingURL=markdown.js.map