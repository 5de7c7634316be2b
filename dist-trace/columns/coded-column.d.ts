/**
 * A column of repeated values held as codes into `values` (-1 is null). Reads as an arquero column
 * (length, at, iteration); the metrics group by its codes directly (columnCodes).
 * @example new CodedColumn(Int32Array.of(1, -1, 1), ['Finance', 'Legal']).at(0) // 'Legal'
 */
export declare class CodedColumn<Value> {
    readonly codes: Int32Array;
    /** Distinct or not: equal values under two codes are one value to columnCodes. Others may append. */
    readonly values: Value[];
    constructor(codes: Int32Array, 
    /** Distinct or not: equal values under two codes are one value to columnCodes. Others may append. */
    values: Value[]);
    get length(): number;
    /**
     * The value of a row, null for code -1.
     * @example teams.at(1) // null
     */
    at(row: number): Value | null;
    [Symbol.iterator](): IterableIterator<Value | null>;
}
