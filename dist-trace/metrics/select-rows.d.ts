/**
 * The rows 0 .. length - 1 for which `keep` holds, in order, as an index list into the table
 * (a view of a length-sized buffer: copying it would cost more than the unused tail).
 * @example selectRows(tasks.numRows(), (row) => evaluated[row] === 1)
 */
export declare function selectRows(length: number, keep: (row: number) => boolean): Int32Array;
