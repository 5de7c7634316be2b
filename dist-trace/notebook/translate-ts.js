import { UptakeError } from '../errors.js';
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface ' +
    'package private protected public await arguments eval undefined NaN Infinity').split(' '));
/** Whether `name` can stand as a variable name in the injected cell. */
export function isParameterName(name) {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}
// Values become literals built from JSON pieces, never spliced text: a string can only ever be a string.
/**
 * Renders a JSON value as a TypeScript literal.
 * @example toTypeScriptLiteral('"; process.exit(1); "') // '"\\"; process.exit(1); \\""'
 */
export function toTypeScriptLiteral(value, where = 'parameter') {
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return escapeLineSeparators(JSON.stringify(value));
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new UptakeError('usage', `${where}: expected a finite number, got ${String(value)}`);
        return Object.is(value, -0) ? '0' : JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map((element, index) => toTypeScriptLiteral(element, `${where}[${index}]`)).join(', ')}]`;
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        const entries = Object.entries(value).map(([key, field]) => {
            // `"__proto__": x` in a literal would set the prototype; a computed key defines a field.
            const shownKey = key === '__proto__' ? '["__proto__"]' : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : escapeLineSeparators(JSON.stringify(key));
            return `${shownKey}: ${toTypeScriptLiteral(field, `${where}.${key}`)}`;
        });
        return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
    }
    throw new UptakeError('usage', `${where}: expected a JSON value (string, number, boolean, null, array or object), got ${typeof value}`);
}
// U+2028/2029 are legal in modern string literals but break older tooling; escape them.
function escapeLineSeparators(json) {
    return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
/**
 * Writes the source of the `injected-parameters` cell: one declaration per parameter.
 * @example translateParameters([{ name: 'week', value: '2026-W47', keyword: 'let', typeText: 'string' }])
 * // '// Parameters\nlet week: string = "2026-W47";\n'
 */
export function translateParameters(parameters) {
    const lines = ['// Parameters'];
    for (const parameter of parameters) {
        if (!isParameterName(parameter.name)) {
            throw new UptakeError('usage', `expected a parameter name made of letters, digits, _ and $ (not a reserved word), got \`${parameter.name}\``);
        }
        const annotation = parameter.typeText ? `: ${parameter.typeText}` : '';
        lines.push(`${parameter.keyword} ${parameter.name}${annotation} = ${toTypeScriptLiteral(parameter.value, `parameter \`${parameter.name}\``)};`);
    }
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=translate-ts.js.map