import { UptakeError } from '../errors.js';
import { newCellId, type Notebook, type NotebookCell } from './nbformat.js';
import { readParameterDeclarations, type ParameterDeclaration } from './read-parameter-declarations.js';
import { coerceParameter } from './coerce-parameter.js';
import { translateParameters, type InjectedParameter } from './translate-ts.js';
import { readPythonParameterNames, translatePythonParameters } from './translate-python.js';

export interface ParameterizeOptions {
  /** Values from the command line arrive as text and are read by the declared type. */
  textParameters?: Record<string, string>;
  /** Called once per parameter the `parameters` cell does not declare. */
  warn?(message: string): void;
  /**
   * The kernel's language; default the notebook's (`metadata.kernelspec.language`, else
   * `metadata.language_info.name`). Python gets a Python cell; any other language TypeScript.
   */
  language?: string;
}

/** The language a notebook's cells are in, as its metadata says, or ''. */
export function notebookLanguage(notebook: Notebook): string {
  const spec = notebook.metadata.kernelspec as { language?: unknown } | undefined;
  if (typeof spec?.language === 'string' && spec.language !== '') return spec.language;
  const info = notebook.metadata.language_info as { name?: unknown } | undefined;
  return typeof info?.name === 'string' ? info.name : '';
}

const isPython = (language: string) => language.trim().toLowerCase() === 'python';

export interface ParameterizeResult {
  notebook: Notebook;
  /** The values injected, after coercion. */
  parameters: Record<string, unknown>;
  /** Index of the injected cell, or -1 when there were no parameters. */
  injectedIndex: number;
}

const hasTag = (cell: NotebookCell, tag: string) => Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);

// papermill's contract: the injected cell goes right after the `parameters` cell, replacing an older one.
/**
 * Returns a copy of `notebook` with a cell tagged `injected-parameters` holding the values as TypeScript
 * literals (Python literals when the notebook's language is Python).
 * @example const { notebook: ready } = await parameterizeNotebook(notebook, { week: '2026-W47' })
 */
export async function parameterizeNotebook(
  notebook: Notebook,
  parameters: Record<string, unknown>,
  options: ParameterizeOptions = {},
): Promise<ParameterizeResult> {
  const textParameters = options.textParameters ?? {};
  const names = [...new Set([...Object.keys(parameters), ...Object.keys(textParameters)])];
  const cells = notebook.cells.filter((cell) => !hasTag(cell, 'injected-parameters'));
  if (names.length === 0) return { notebook: { ...notebook, cells }, parameters: {}, injectedIndex: -1 };

  const python = isPython(options.language ?? notebookLanguage(notebook));
  const parametersIndex = cells.findIndex((cell) => hasTag(cell, 'parameters'));
  const declarations = new Map<string, ParameterDeclaration>();
  if (parametersIndex >= 0) {
    const source = cells[parametersIndex].source;
    const declared = python
      ? readPythonParameterNames(source).map((name): ParameterDeclaration => ({ name, keyword: 'let', typeText: null, type: { kind: 'any' }, defaultText: null }))
      : await readParameterDeclarations(source);
    for (const declaration of declared) declarations.set(declaration.name, declaration);
  }
  const values: Record<string, unknown> = {};
  const injected: InjectedParameter[] = [];
  const order = [...declarations.keys()];
  const position = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  for (const name of [...names].sort((a, b) => position(a) - position(b))) {
    const fromText = Object.hasOwn(textParameters, name);
    const raw = fromText ? textParameters[name] : parameters[name];
    const declaration = declarations.get(name);
    if (!declaration) {
      options.warn?.(
        parametersIndex >= 0
          ? `parameter \`${name}\` is not declared in the notebook's \`parameters\` cell; injecting it anyway`
          : `the notebook has no cell tagged \`parameters\`; injecting \`${name}\` at the top`,
      );
    }
    const type = declaration?.type ?? { kind: 'any' as const };
    const value = coerceParameter(name, raw, type, { fromText });
    values[name] = value;
    injected.push({ name, value, keyword: declaration?.keyword ?? 'let', typeText: declaration?.typeText ?? null });
  }
  const cell: NotebookCell = {
    cell_type: 'code',
    source: python ? translatePythonParameters(injected) : translateParameters(injected),
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    execution_count: null,
  };
  if (notebook.nbformat > 4 || notebook.nbformat_minor >= 5) cell.id = newCellId();
  const injectedIndex = parametersIndex + 1;
  cells.splice(injectedIndex, 0, cell);
  return { notebook: { ...notebook, cells }, parameters: values, injectedIndex };
}

/**
 * Splits `-p key=value` arguments into a record; the value keeps any further `=`.
 * @example parseParameterArguments(['week=2026-W47']) // { week: '2026-W47' }
 */
export function parseParameterArguments(pairs: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UptakeError('usage', `expected -p NAME=VALUE, got \`${pair}\``);
    result[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return result;
}
