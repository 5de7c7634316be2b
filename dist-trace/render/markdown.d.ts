/** Escapes text for HTML element content and quoted attribute values. */
export declare function escapeHtml(text: string): string;
/**
 * Keeps a number and its percent sign on one line ("33.6 %" never wraps before the "%").
 * @example keepUnitsTogether('fell to 33.6 %') // 'fell to 33.6\u00a0%'
 */
export declare function keepUnitsTogether(text: string): string;
/**
 * Renders markdown to safe HTML: raw HTML is escaped, then the result goes through the allow-list.
 * @example
 * renderMarkdown('**rose** <script>alert(1)</script>')
 * // => '<p><strong>rose</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n'
 */
export declare function renderMarkdown(text: string): string;
