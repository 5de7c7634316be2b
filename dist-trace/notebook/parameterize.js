import { UptakeError } from '../errors.js';
import { newCellId } from './nbformat.js';
import { readParameterDeclarations } from './read-parameter-declarations.js';
import { coerceParameter } from './coerce-parameter.js';
import { translateParameters } from './translate-ts.js';
const hasTag = (cell, tag) => Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
// papermill's contract: the injected cell goes right after the `parameters` cell, replacing an older one.
/**
 * Returns a copy of `notebook` with a cell tagged `injected-parameters` holding the values as TypeScript literals.
 * @example const { notebook: ready } = await parameterizeNotebook(notebook, { week: '2026-W47' })
 */
export async function parameterizeNotebook(notebook, parameters, options = {}) {
    const textParameters = options.textParameters ?? {};
    const names = [...new Set([...Object.keys(parameters), ...Object.keys(textParameters)])];
    const cells = notebook.cells.filter((cell) => !hasTag(cell, 'injected-parameters'));
    if (names.length === 0)
        return { notebook: { ...notebook, cells }, parameters: {}, injectedIndex: -1 };
    const parametersIndex = cells.findIndex((cell) => hasTag(cell, 'parameters'));
    const declarations = new Map();
    if (parametersIndex >= 0) {
        for (const declaration of await readParameterDeclarations(cells[parametersIndex].source))
            declarations.set(declaration.name, declaration);
    }
    const values = {};
    const injected = [];
    const order = [...declarations.keys()];
    const position = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
    for (const name of [...names].sort((a, b) => position(a) - position(b))) {
        const fromText = Object.hasOwn(textParameters, name);
        const raw = fromText ? textParameters[name] : parameters[name];
        const declaration = declarations.get(name);
        if (!declaration) {
            options.warn?.(parametersIndex >= 0
                ? `parameter \`${name}\` is not declared in the notebook's \`parameters\` cell; injecting it anyway`
                : `the notebook has no cell tagged \`parameters\`; injecting \`${name}\` at the top`);
        }
        const type = declaration?.type ?? { kind: 'any' };
        const value = coerceParameter(name, raw, type, { fromText });
        values[name] = value;
        injected.push({ name, value, keyword: declaration?.keyword ?? 'let', typeText: declaration?.typeText ?? null });
    }
    const cell = {
        cell_type: 'code',
        source: translateParameters(injected),
        metadata: { tags: ['injected-parameters'] },
        outputs: [],
        execution_count: null,
    };
    if (notebook.nbformat > 4 || notebook.nbformat_minor >= 5)
        cell.id = newCellId();
    const injectedIndex = parametersIndex + 1;
    cells.splice(injectedIndex, 0, cell);
    return { notebook: { ...notebook, cells }, parameters: values, injectedIndex };
}
/**
 * Splits `-p key=value` arguments into a record; the value keeps any further `=`.
 * @example parseParameterArguments(['week=2026-W47']) // { week: '2026-W47' }
 */
export function parseParameterArguments(pairs) {
    const result = {};
    for (const pair of pairs) {
        const at = pair.indexOf('=');
        if (at <= 0)
            throw new UptakeError('usage', `expected -p NAME=VALUE, got \`${pair}\``);
        result[pair.slice(0, at).trim()] = pair.slice(at + 1);
    }
    return result;
}
//# sourceMappingURL=parameterize.js.map