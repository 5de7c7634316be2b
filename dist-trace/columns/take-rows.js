import { table } from 'arquero';
import { CodedColumn } from './coded-column.js';
import { NullableNumbers } from './nullable-numbers.js';
/** A read-only view of some rows of another column (text columns: nothing is copied until a row is read). */
class RowsOf {
    source;
    indices;
    constructor(source, indices) {
        this.source = source;
        this.indices = indices;
    }
    get length() {
        return this.indices.length;
    }
    at(row) {
        return this.source.at(this.indices[row]);
    }
    *[Symbol.iterator]() {
        for (let row = 0; row < this.indices.length; row += 1)
            yield this.at(row);
    }
}
// arquero's reify copies every column into a plain array: coded columns lose their codes and text columns
// (prompts) are read whole. Here typed columns stay typed and the rest are views.
/**
 * A table of the given rows of an unfiltered, unordered table, in that order: coded and nullable-number
 * columns and typed arrays copied as such, any other column a view of its rows.
 * @example takeRows(data.tasks, keepRows(data.tasks.numRows(), (row) => weeks[row] === 'current'))
 */
export function takeRows(source, indices) {
    const columns = {};
    for (const name of source.columnNames()) {
        const column = source.column(name);
        if (column instanceof CodedColumn)
            columns[name] = new CodedColumn(indices.map((row) => column.codes[row]), column.values);
        else if (column instanceof NullableNumbers)
            columns[name] = new NullableNumbers(Float64Array.from(indices, (row) => column.values[row]));
        else if (ArrayBuffer.isView(column) && !(column instanceof DataView)) {
            const typed = column;
            const taken = new typed.constructor(indices.length);
            for (let row = 0; row < indices.length; row += 1)
                taken[row] = typed[indices[row]];
            columns[name] = taken;
        }
        else
            columns[name] = new RowsOf(column, indices);
    }
    return table(columns);
}
//# sourceMappingURL=take-rows.js.map