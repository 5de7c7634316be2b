// A column of a few thousand distinct strings over millions of rows is cheaper as numbers: an Int32Array
// is half the memory of an array of references, needs no filling before use, holds nothing for the
// garbage collector to trace, and groups by number without hashing a string per row.
/**
 * A column of repeated values held as codes into `values` (-1 is null). Reads as an arquero column
 * (length, at, iteration); the metrics group by its codes directly (columnCodes).
 * @example new CodedColumn(Int32Array.of(1, -1, 1), ['Finance', 'Legal']).at(0) // 'Legal'
 */
export class CodedColumn {
    codes;
    values;
    constructor(codes, 
    /** Distinct or not: equal values under two codes are one value to columnCodes. Others may append. */
    values) {
        this.codes = codes;
        this.values = values;
    }
    get length() {
        return this.codes.length;
    }
    /**
     * The value of a row, null for code -1.
     * @example teams.at(1) // null
     */
    at(row) {
        const code = this.codes[row];
        return code === -1 ? null : this.values[code];
    }
    *[Symbol.iterator]() {
        for (let row = 0; row < this.codes.length; row += 1)
            yield this.at(row);
    }
}
//# sourceMappingURL=coded-column.js.map