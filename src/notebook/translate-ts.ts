import { UptakeError } from '../errors.js';

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface ' +
    'package private protected public await arguments eval undefined NaN Infinity').split(' '),
);

/** Whether `name` can stand as a variable name in the injected cell. */
export function isParameterName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}

// Values become literals built from JSON pieces, never spliced text: a string can only ever be a string.
/** How a language writes JSON's scalars and objects (arrays are `[a, b]` in both TypeScript and Python). */
export interface LiteralDialect {
  null: string;
  true: string;
  false: string;
  string(value: string): string;
  /** An object from its keys and their values' literals. */
  object(entries: Array<[string, string]>): string;
}

/**
 * Renders a JSON value as a literal of a language (TYPESCRIPT, or Python's in translate-python.ts).
 * @example toLiteral([true, null], TYPESCRIPT) // '[true, null]'
 */
export function toLiteral(value: unknown, dialect: LiteralDialect, where = 'parameter'): string {
  if (value === null) return dialect.null;
  if (typeof value === 'string') return dialect.string(value);
  if (typeof value === 'boolean') return value ? dialect.true : dialect.false;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UptakeError('usage', `${where}: expected a finite number, got ${String(value)}`);
    return Object.is(value, -0) ? '0' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((element, index) => toLiteral(element, dialect, `${where}[${index}]`)).join(', ')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return dialect.object(Object.entries(value as Record<string, unknown>).map(([key, field]) => [key, toLiteral(field, dialect, `${where}.${key}`)]));
  }
  throw new UptakeError('usage', `${where}: expected a JSON value (string, number, boolean, null, array or object), got ${typeof value}`);
}

const TYPESCRIPT: LiteralDialect = {
  null: 'null',
  true: 'true',
  false: 'false',
  string: (value) => escapeLineSeparators(JSON.stringify(value)),
  object: (entries) => {
    const fields = entries.map(([key, literal]) => {
      // `"__proto__": x` in a literal would set the prototype; a computed key defines a field.
      const shownKey = key === '__proto__' ? '["__proto__"]' : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : escapeLineSeparators(JSON.stringify(key));
      return `${shownKey}: ${literal}`;
    });
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  },
};

/**
 * Renders a JSON value as a TypeScript literal.
 * @example toTypeScriptLiteral('"; process.exit(1); "') // '"\\"; process.exit(1); \\""'
 */
export function toTypeScriptLiteral(value: unknown, where = 'parameter'): string {
  return toLiteral(value, TYPESCRIPT, where);
}

// U+2028/2029 are legal in modern string literals but break older tooling; escape them.
function escapeLineSeparators(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface InjectedParameter {
  name: string;
  value: unknown;
  keyword: 'let' | 'const' | 'var';
  /** The declared annotation to repeat, or null. */
  typeText: string | null;
}

/**
 * Writes the source of the `injected-parameters` cell: one declaration per parameter.
 * @example translateParameters([{ name: 'week', value: '2026-W47', keyword: 'let', typeText: 'string' }])
 * // '// Parameters\nlet week: string = "2026-W47";\n'
 */
export function translateParameters(parameters: InjectedParameter[]): string {
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
