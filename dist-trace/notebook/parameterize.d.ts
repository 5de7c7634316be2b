import { type Notebook } from './nbformat.js';
export interface ParameterizeOptions {
    /** Values from the command line arrive as text and are read by the declared type. */
    textParameters?: Record<string, string>;
    /** Called once per parameter the `parameters` cell does not declare. */
    warn?(message: string): void;
}
export interface ParameterizeResult {
    notebook: Notebook;
    /** The values injected, after coercion. */
    parameters: Record<string, unknown>;
    /** Index of the injected cell, or -1 when there were no parameters. */
    injectedIndex: number;
}
/**
 * Returns a copy of `notebook` with a cell tagged `injected-parameters` holding the values as TypeScript literals.
 * @example const { notebook: ready } = await parameterizeNotebook(notebook, { week: '2026-W47' })
 */
export declare function parameterizeNotebook(notebook: Notebook, parameters: Record<string, unknown>, options?: ParameterizeOptions): Promise<ParameterizeResult>;
/**
 * Splits `-p key=value` arguments into a record; the value keeps any further `=`.
 * @example parseParameterArguments(['week=2026-W47']) // { week: '2026-W47' }
 */
export declare function parseParameterArguments(pairs: string[]): Record<string, string>;
