import { type ParameterType } from './read-parameter-declarations.js';
export interface CoerceOptions {
    /** The value came as text from the command line (`-p name=value`): read it by the declared type. */
    fromText?: boolean;
}
/**
 * Turns a parameter value into one that fits its declared type, or throws a usage error naming it.
 * Text from `-p` stays a string for a `string` parameter and is read as JSON for the others.
 * @example coerceParameter('n', '5', { kind: 'number' }, { fromText: true }) // 5
 */
export declare function coerceParameter(name: string, value: unknown, type: ParameterType, options?: CoerceOptions): unknown;
/** Whether a JSON value is assignable to the declared type. */
export declare function fits(value: unknown, type: ParameterType): boolean;
