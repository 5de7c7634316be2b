// Repeated strings are numbers everywhere below the rules: a column of codes is a quarter of the memory of a
// column of strings, and grouping compares numbers. This is the one place that hands out those numbers.
/**
 * Values to codes, numbered in order of first appearance: `values[code]` is the value of a code.
 * @example const teams = new Dictionary<string>(); teams.code('Legal') // 0; teams.code('Finance') // 1; teams.code('Legal') // 0
 */
export class Dictionary {
    /** The distinct values by code, in order of first appearance. */
    values = [];
    /** Value -> code. */
    idOf = new Map();
    get size() {
        return this.values.length;
    }
    /**
     * The value's code, added when new.
     * @example dictionary.code('u17') // 0
     */
    code(value) {
        let code = this.idOf.get(value);
        if (code === undefined) {
            code = this.values.length;
            this.values.push(value);
            this.idOf.set(value, code);
        }
        return code;
    }
    /**
     * Codes of another list of values (another file's dictionary) in this one: `recoded[theirCode]` is ours.
     * `map` turns each value first (undefined: no code, -1).
     * @example const codes = strings.recode(part.dictionary); codes[partCode] // the code in `strings`
     */
    recode(others, map = (value) => value) {
        return Int32Array.from(others, (other) => {
            const value = map(other);
            return value === undefined ? -1 : this.code(value);
        });
    }
}
/**
 * `target[offset + i]` = `codes[source[i]]`, -1 staying -1: a column of codes moved into another dictionary.
 * @example recodeInto(part.user, strings.recode(part.dictionary), rows.user, offset)
 */
export function recodeInto(source, codes, target, offset = 0) {
    for (let index = 0; index < source.length; index += 1) {
        const code = source[index];
        target[offset + index] = code === -1 ? -1 : codes[code];
    }
}
/**
 * A new column of codes for the first `length` rows of `source`: `codes[source[i]]` per row, -1 staying -1.
 * @example const taskTypes = recoded(rows.label, canonical.recode(rows.strings), rows.length)
 */
export function recoded(source, codes, length) {
    const target = new Int32Array(length);
    for (let index = 0; index < length; index += 1) {
        const code = source[index];
        target[index] = code === -1 ? -1 : codes[code];
    }
    return target;
}
//# sourceMappingURL=dictionary.js.map