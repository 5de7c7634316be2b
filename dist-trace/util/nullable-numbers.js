// Fractions in a plain array are one heap object each (and with nulls every number is): a Float64Array
// holds them in place, with NaN standing for null.
/**
 * A column of numbers or nulls held in a Float64Array, NaN for null. Reads as an arquero column
 * (length, at, iteration).
 * @example new NullableNumbers(Float64Array.of(0.9, Number.NaN)).at(1) // null
 */
export class NullableNumbers {
    values;
    constructor(values) {
        this.values = values;
    }
    get length() {
        return this.values.length;
    }
    /**
     * The number of a row, null for NaN.
     * @example accuracy.at(0) // 0.9
     */
    at(row) {
        const value = this.values[row];
        return Number.isNaN(value) ? null : value;
    }
    *[Symbol.iterator]() {
        for (let row = 0; row < this.values.length; row += 1)
            yield this.at(row);
    }
}
//# sourceMappingURL=nullable-numbers.js.map