// Notebook outputs are HTML/SVG strings from libraries and kernels we do not fully control.
// This rebuilds them from an allow-list: every tag, attribute and text run is re-emitted
// with our own escaping, so anything the tokenizer does not recognise ends up as inert text.
// Names never contain `<`, which keeps the scan linear on hostile input such as `<a<a<a...`.
const HTML_ELEMENTS = [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
    'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
    'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp',
    'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
    'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr', 'section', 'article', 'aside', 'header', 'footer',
];
const SVG_ELEMENTS = [
    'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
    'title', 'desc', 'defs', 'clipPath', 'mask', 'pattern', 'linearGradient', 'radialGradient', 'stop',
    'symbol', 'use', 'image', 'marker',
];
/** Canonical spelling by lower-cased name (SVG names are camel-cased). */
const ALLOWED = new Map([...HTML_ELEMENTS, ...SVG_ELEMENTS].map((name) => [name.toLowerCase(), name]));
const VOID_ELEMENTS = new Set(['br', 'col', 'hr', 'img', 'input', 'wbr']);
/** Dropped together with everything up to their closing tag. */
const DROP_WITH_CONTENT = new Set([
    'script', 'style', 'iframe', 'object', 'embed', 'noscript', 'noembed', 'noframes', 'template',
    'textarea', 'xmp', 'plaintext', 'foreignobject', 'math', 'select', 'button', 'form', 'head',
]);
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src']);
const ID_REFERENCE_ATTRIBUTES = new Set(['aria-labelledby', 'aria-describedby']);
const DROPPED_ATTRIBUTES = new Set([
    'action', 'formaction', 'srcset', 'srcdoc', 'background', 'poster', 'data', 'codebase', 'cite',
    'longdesc', 'usemap', 'ping', 'lowsrc', 'dynsrc', 'manifest', 'xml:base', 'attributename',
    'from', 'to', 'values', 'by', 'begin',
]);
const SAFE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)[^\s"'<>`\\]+$/i;
const FRAGMENT = /^#[\w.:-]+$/;
const TOKEN = new RegExp([
    '<!--[\\s\\S]*?(?:-->|$)', // comment
    '<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>|$)', // CDATA
    '<[!?][^>]*>?', // doctype, processing instruction
    '<\\/([a-zA-Z][^\\s/<>]*)[^<>]*>', // end tag
    '<([a-zA-Z][^\\s/<>]*)((?:(?:\\s|/(?!>))+[^\\s/<>"\'=]+(?:\\s*=\\s*(?:"[^"]*"|\'[^\']*\'|[^\\s>"\'`=<]+))?)*)\\s*(/?)>', // start tag
    '[^<]+', // text
    '<', // a lone "<"
].join('|'), 'g');
const ATTRIBUTE = /([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'`=<]+)))?/g;
/** Escapes `<`, `>` and `"`; keeps well-formed entity references, escapes a bare `&`. */
function escapeKeepingEntities(text) {
    return text
        .replace(/&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)/gi, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
// CSS can load resources (url(), @import) or, in old engines, run code: keep only local references.
function isSafeStyleValue(value) {
    if (/[\\]|expression\s*\(|@import|javascript:|vbscript:|behavior\s*:|-moz-binding/i.test(value))
        return false;
    const urls = value.match(/url\s*\(\s*['"]?[^)'"]*/gi) ?? [];
    return urls.every((url) => /url\s*\(\s*['"]?#/i.test(url));
}
function prefixIdReferences(value, prefix) {
    return value.replace(/url\(\s*(['"]?)#/gi, `url($1#${prefix}`);
}
function sanitizeAttributes(element, raw, options) {
    const kept = [];
    const prefix = options.idPrefix ?? '';
    let hasImageSource = false;
    for (const match of raw.matchAll(ATTRIBUTE)) {
        const name = match[1];
        const lower = name.toLowerCase();
        let value = (match[2] ?? match[3] ?? match[4] ?? '').trim();
        if (!/^[a-z][a-z0-9_:.-]*$/i.test(name))
            continue;
        if (lower.startsWith('on') || lower === 'xmlns' || lower.startsWith('xmlns:'))
            continue;
        if (DROPPED_ATTRIBUTES.has(lower))
            continue;
        if (URL_ATTRIBUTES.has(lower)) {
            if (FRAGMENT.test(value))
                value = `#${prefix}${value.slice(1)}`;
            else if (SAFE_IMAGE.test(value) && (element === 'img' || element === 'image'))
                hasImageSource = true;
            else if (!(element === 'a' && SAFE_LINK.test(value)))
                continue;
        }
        else if (lower === 'style') {
            if (!isSafeStyleValue(value))
                continue;
            value = prefixIdReferences(value, prefix);
        }
        else if (/url\s*\(/i.test(value)) {
            if (!isSafeStyleValue(value))
                continue;
            value = prefixIdReferences(value, prefix);
        }
        else if (/^\s*(?:javascript|vbscript|data):/i.test(value)) {
            continue;
        }
        else if (lower === 'id' && prefix) {
            value = `${prefix}${value}`;
        }
        else if (ID_REFERENCE_ATTRIBUTES.has(lower) && prefix) {
            value = value.split(/\s+/).filter(Boolean).map((id) => `${prefix}${id}`).join(' ');
        }
        if (element === 'input' && !['type', 'checked', 'disabled'].includes(lower))
            continue;
        if (element === 'input' && lower === 'type' && value.toLowerCase() !== 'checkbox')
            return null;
        kept.push(match[2] === undefined && match[3] === undefined && match[4] === undefined
            ? name
            : `${name}="${escapeKeepingEntities(value)}"`);
    }
    if (element === 'img' && !hasImageSource)
        return null;
    if (element === 'input' && !kept.includes('disabled'))
        kept.push('disabled');
    return kept;
}
/**
 * Rebuilds an HTML or SVG fragment from an allow-list: scripts, event handlers, external
 * resources and unknown elements are removed; text is re-escaped; unclosed elements are closed.
 * @example
 * sanitizeMarkup('<svg onload="x()"><script>alert(1)</script><text>hi</text></svg>')
 * // => '<svg><text>hi</text></svg>'
 */
export function sanitizeMarkup(markup, options = {}) {
    const output = [];
    const open = [];
    TOKEN.lastIndex = 0;
    let match;
    while ((match = TOKEN.exec(markup)) !== null) {
        const [token, endName, startName, rawAttributes, selfClosing] = match;
        if (startName !== undefined) {
            const lower = startName.toLowerCase();
            if (DROP_WITH_CONTENT.has(lower)) {
                if (selfClosing)
                    continue;
                const closing = new RegExp(`</${lower}[\\s/>]`, 'ig');
                closing.lastIndex = TOKEN.lastIndex;
                const found = closing.exec(markup);
                if (!found)
                    break;
                const end = markup.indexOf('>', found.index);
                TOKEN.lastIndex = end < 0 ? markup.length : end + 1;
                continue;
            }
            const element = ALLOWED.get(lower);
            if (!element)
                continue;
            const attributes = sanitizeAttributes(lower, rawAttributes ?? '', options);
            if (attributes === null)
                continue;
            const tag = `<${element}${attributes.length ? ` ${attributes.join(' ')}` : ''}>`;
            if (VOID_ELEMENTS.has(lower)) {
                output.push(tag);
            }
            else if (selfClosing) {
                output.push(tag, `</${element}>`);
            }
            else {
                output.push(tag);
                open.push(element);
            }
        }
        else if (endName !== undefined) {
            const element = ALLOWED.get(endName.toLowerCase());
            const at = element ? open.lastIndexOf(element) : -1;
            if (at < 0)
                continue;
            while (open.length > at)
                output.push(`</${open.pop()}>`);
        }
        else if (token === '<') {
            output.push('&lt;');
        }
        else if (!token.startsWith('<')) {
            output.push(escapeKeepingEntities(token).replace(/&quot;/g, '"'));
        }
    }
    while (open.length)
        output.push(`</${open.pop()}>`);
    return output.join('');
}
//# sourceMappingURL=sanitize-markup.js.map