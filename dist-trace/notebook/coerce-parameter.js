import { UptakeError } from '../errors.js';
import { describeParameterType } from './read-parameter-declarations.js';
/**
 * Turns a parameter value into one that fits its declared type, or throws a usage error naming it.
 * Text from `-p` stays a string for a `string` parameter and is read as JSON for the others.
 * @example coerceParameter('n', '5', { kind: 'number' }, { fromText: true }) // 5
 */
export function coerceParameter(name, value, type, options = {}) {
    const candidate = options.fromText && typeof value === 'string' ? readText(value, type) : value;
    if (candidate !== undefined && fits(candidate, type))
        return candidate;
    const shown = typeof value === 'string' && options.fromText ? `\`${value}\`` : `\`${JSON.stringify(value) ?? String(value)}\``;
    throw new UptakeError('usage', `parameter \`${name}\`: expected ${describeParameterType(type)}, got ${shown}`);
}
// A `-p` value is text; read it the way the declaration asks (a string stays verbatim).
function readText(text, type) {
    if (fits(text, type) && acceptsString(type))
        return text;
    const parsed = parseJson(text);
    if (parsed !== undefined && fits(parsed, type))
        return parsed;
    if (type.kind === 'boolean' || type.kind === 'union') {
        const lowered = text.trim().toLowerCase();
        if (lowered === 'true' || lowered === 'false')
            return lowered === 'true';
    }
    if (type.kind === 'any')
        return parsed === undefined ? text : parsed;
    return parsed ?? text;
}
function acceptsString(type) {
    if (type.kind === 'string')
        return true;
    if (type.kind === 'literal')
        return typeof type.value === 'string';
    if (type.kind === 'union')
        return type.members.some(acceptsString);
    return false;
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Whether a JSON value is assignable to the declared type. */
export function fits(value, type) {
    switch (type.kind) {
        case 'any':
            return isJsonValue(value);
        case 'string':
            return typeof value === 'string';
        case 'number':
            return typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return typeof value === 'boolean';
        case 'null':
            return value === null;
        case 'literal':
            return value === type.value;
        case 'array':
            return Array.isArray(value) && value.every((element) => fits(element, type.element));
        case 'tuple':
            return Array.isArray(value) && value.length === type.elements.length && value.every((element, index) => fits(element, type.elements[index]));
        case 'union':
            return type.members.some((member) => fits(value, member));
        case 'object': {
            if (!isPlainObject(value))
                return false;
            for (const [key, property] of Object.entries(type.properties)) {
                if (!(key in value)) {
                    if (!property.optional)
                        return false;
                }
                else if (!fits(value[key], property.type))
                    return false;
            }
            return Object.entries(value).every(([key, field]) => key in type.properties ? true : type.index ? fits(field, type.index) : false);
        }
    }
}
function isJsonValue(value) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean')
        return true;
    if (typeof value === 'number')
        return Number.isFinite(value);
    if (Array.isArray(value))
        return value.every(isJsonValue);
    if (isPlainObject(value))
        return Object.values(value).every(isJsonValue);
    return false;
}
//# sourceMappingURL=coerce-parameter.js.map