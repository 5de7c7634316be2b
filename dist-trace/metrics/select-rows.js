/**
 * The rows 0 .. length - 1 for which `keep` holds, in order, as an index list into the table
 * (a view of a length-sized buffer: copying it would cost more than the unused tail).
 * @example selectRows(tasks.numRows(), (row) => evaluated[row] === 1)
 */
export function selectRows(length, keep) {
    const rows = new Int32Array(length);
    let count = 0;
    for (let row = 0; row < length; row += 1) {
        if (keep(row)) {
            rows[count] = row;
            count += 1;
        }
    }
    return rows.subarray(0, count);
}
//# sourceMappingURL=select-rows.js.map