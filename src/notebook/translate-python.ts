import { UptakeError } from '../errors.js';
import { toLiteral, type InjectedParameter, type LiteralDialect } from './translate-ts.js';

const PYTHON_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
    'lambda nonlocal not or pass raise return try while with yield').split(' '),
);

/** Whether `name` can stand as a variable name in a Python cell. */
export function isPythonParameterName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

// JSON's string escapes (\" \\ \n \uXXXX ...) are Python's too: a JSON string is a Python str literal.
const PYTHON: LiteralDialect = {
  null: 'None',
  true: 'True',
  false: 'False',
  string: (value) => JSON.stringify(value),
  object: (entries) => `{${entries.map(([key, literal]) => `${JSON.stringify(key)}: ${literal}`).join(', ')}}`,
};

/**
 * Renders a JSON value as a Python literal.
 * @example toPythonLiteral({ on: true, list: [null] }) // '{"on": True, "list": [None]}'
 */
export function toPythonLiteral(value: unknown, where = 'parameter'): string {
  return toLiteral(value, PYTHON, where);
}

/**
 * Writes the source of the `injected-parameters` cell of a Python notebook, as papermill does.
 * @example translatePythonParameters([{ name: 'week', value: '2026-W47', keyword: 'let', typeText: null }]) // '# Parameters\nweek = "2026-W47"\n'
 */
export function translatePythonParameters(parameters: InjectedParameter[]): string {
  const lines = ['# Parameters'];
  for (const parameter of parameters) {
    if (!isPythonParameterName(parameter.name)) {
      throw new UptakeError('usage', `expected a parameter name made of letters, digits and _ (not a reserved word), got \`${parameter.name}\``);
    }
    lines.push(`${parameter.name} = ${toPythonLiteral(parameter.value, `parameter \`${parameter.name}\``)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The names a Python `parameters` cell assigns at its top level (`n = 3`, `name: str = "x"`); any value fits them.
 * @example readPythonParameterNames('n = 3\nname: str = "x"') // ['n', 'name']
 */
export function readPythonParameterNames(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split(/\r\n|\n|\r/)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=]*)?=(?!=)/.exec(line);
    if (match && !names.includes(match[1])) names.push(match[1]);
  }
  return names;
}
