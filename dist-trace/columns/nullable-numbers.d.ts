/**
 * A column of numbers or nulls held in a Float64Array, NaN for null. Reads as an arquero column
 * (length, at, iteration).
 * @example new NullableNumbers(Float64Array.of(0.9, Number.NaN)).at(1) // null
 */
export declare class NullableNumbers {
    readonly values: Float64Array;
    constructor(values: Float64Array);
    get length(): number;
    /**
     * The number of a row, null for NaN.
     * @example accuracy.at(0) // 0.9
     */
    at(row: number): number | null;
    [Symbol.iterator](): IterableIterator<number | null>;
}
