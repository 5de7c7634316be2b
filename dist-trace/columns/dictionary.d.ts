/**
 * Values to codes, numbered in order of first appearance: `values[code]` is the value of a code.
 * @example const teams = new Dictionary<string>(); teams.code('Legal') // 0; teams.code('Finance') // 1; teams.code('Legal') // 0
 */
export declare class Dictionary<Value> {
    /** The distinct values by code, in order of first appearance. */
    readonly values: Value[];
    /** Value -> code. */
    readonly idOf: Map<Value, number>;
    get size(): number;
    /**
     * The value's code, added when new.
     * @example dictionary.code('u17') // 0
     */
    code(value: Value): number;
    /**
     * Codes of another list of values (another file's dictionary) in this one: `recoded[theirCode]` is ours.
     * `map` turns each value first (undefined: no code, -1).
     * @example const codes = strings.recode(part.dictionary); codes[partCode] // the code in `strings`
     */
    recode<Other>(others: readonly Other[], map?: (value: Other) => Value | undefined): Int32Array;
}
/**
 * `target[offset + i]` = `codes[source[i]]`, -1 staying -1: a column of codes moved into another dictionary.
 * @example recodeInto(part.user, strings.recode(part.dictionary), rows.user, offset)
 */
export declare function recodeInto(source: ArrayLike<number>, codes: Int32Array, target: Int32Array, offset?: number): void;
/**
 * A new column of codes for the first `length` rows of `source`: `codes[source[i]]` per row, -1 staying -1.
 * @example const taskTypes = recoded(rows.label, canonical.recode(rows.strings), rows.length)
 */
export declare function recoded(source: ArrayLike<number>, codes: Int32Array, length: number): Int32Array;
