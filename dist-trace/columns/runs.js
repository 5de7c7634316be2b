import { keepRows } from './keep-rows.js';
// Rows are bucketed by group in one pass and only each (small) bucket is sorted.
/**
 * `indices` ordered by group, then by `by` (a start, say), then input order.
 * @example orderWithinGroups(Int32Array.of(2, 0, 1), { ids: Int32Array.of(1, 0, 1), count: 2 }, [5, 1, 3]) // { order: [1, 2, 0], group: [0, 1, 1] }
 */
export function orderWithinGroups(indices, groups, by) {
    const { ids: groupOf, count: groupCount } = groups;
    const bucketStart = new Int32Array(groupCount + 1);
    for (let slot = 0; slot < indices.length; slot += 1)
        bucketStart[groupOf[indices[slot]] + 1] += 1;
    for (let id = 0; id < groupCount; id += 1)
        bucketStart[id + 1] += bucketStart[id];
    const fill = bucketStart.slice(0, groupCount);
    const order = new Int32Array(indices.length);
    const group = new Int32Array(indices.length);
    // indices arrive in input order, so each bucket is filled in input order: a stable base for the sort
    for (let slot = 0; slot < indices.length; slot += 1) {
        const index = indices[slot];
        const position = fill[groupOf[index]]++;
        order[position] = index;
        group[position] = groupOf[index];
    }
    for (let id = 0; id < groupCount; id += 1) {
        const from = bucketStart[id];
        const to = bucketStart[id + 1];
        if (to - from < 2 || isSorted(order, from, to, by))
            continue;
        const bucket = Array.from(order.subarray(from, to)).sort((a, b) => by[a] - by[b] || a - b);
        order.set(bucket, from);
    }
    return { order, group };
}
function isSorted(order, from, to, by) {
    for (let position = from + 1; position < to; position += 1)
        if (by[order[position]] < by[order[position - 1]])
            return false;
    return true;
}
/**
 * Chains consecutive rows of a group while `continues(previous row, row)` holds: each chain is a run.
 * @example chainRuns(ordered, (previous, row) => start[row] - start[previous] <= 30_000)
 */
export function chainRuns(ordered, continues) {
    const { order, group } = ordered;
    const firstSlots = new Int32Array(order.length);
    let count = 0;
    for (let slot = 0; slot < order.length; slot += 1) {
        if (slot > 0 && group[slot] === group[slot - 1] && continues(order[slot - 1], order[slot]))
            continue;
        firstSlots[count++] = slot;
    }
    return { order, firstSlots: firstSlots.subarray(0, count) };
}
/**
 * One run per row, listed in the order given.
 * @example singleRowRuns(kept).listed.length === kept.length
 */
export function singleRowRuns(indices) {
    const slots = new Int32Array(indices.length);
    for (let slot = 0; slot < slots.length; slot += 1)
        slots[slot] = slot;
    return { order: indices, firstSlots: slots, listed: slots };
}
/**
 * The runs listed in the input order of their first rows (`rowCount`: rows of the columns).
 * @example listByFirstRow(chainRuns(ordered, continues), rows.length).listed // run numbers
 */
export function listByFirstRow(runs, rowCount) {
    // marked by row, then read in row order (no sort)
    const runOfFirstRow = new Int32Array(rowCount).fill(-1);
    runs.firstSlots.forEach((slot, run) => {
        runOfFirstRow[runs.order[slot]] = run;
    });
    const listed = new Int32Array(runs.firstSlots.length);
    let next = 0;
    for (const run of runOfFirstRow)
        if (run !== -1)
            listed[next++] = run;
    return { ...runs, listed };
}
/**
 * `indices` without the rows of each run but the one `compare` puts first (compare < 0: a before b).
 * @example keepBestOfRuns(rows, runs, (a, b) => status[a] - status[b] || a - b, rows.length)
 */
export function keepBestOfRuns(indices, runs, compare, rowCount) {
    const dropped = new Uint8Array(rowCount);
    const runCount = runs.firstSlots.length;
    for (let run = 0; run < runCount; run += 1) {
        const from = runs.firstSlots[run];
        const to = run + 1 < runCount ? runs.firstSlots[run + 1] : runs.order.length;
        let best = runs.order[from];
        for (let slot = from + 1; slot < to; slot += 1) {
            const row = runs.order[slot];
            if (compare(row, best) < 0) {
                dropped[best] = 1;
                best = row;
            }
            else {
                dropped[row] = 1;
            }
        }
    }
    return keepRows(indices, (row) => dropped[row] === 0);
}
/**
 * Merges `valueOf(row)` over each run's rows and writes one value per run, in listed order, to
 * `into[offset + position]`. `unknown` is the value that stands for none (NaN, or -1 for codes).
 * @example aggregateRuns(runs, 'sum', (row) => end[row] - start[row], durations) // durations[0]: the first listed run's
 */
export function aggregateRuns(runs, how, valueOf, into, { offset = 0, unknown = Number.NaN } = {}) {
    const { order, listed, firstSlots } = runs;
    const known = Number.isNaN(unknown) ? (value) => !Number.isNaN(value) : (value) => value !== unknown;
    const runCount = firstSlots.length;
    // one loop per kind of merge (no branch per run); a run's slots are firstSlots[run] up to the next run's
    for (let position = 0; position < listed.length; position += 1) {
        const run = listed[position];
        const from = firstSlots[run];
        const to = run + 1 < runCount ? firstSlots[run + 1] : order.length;
        if (how === 'first' || (to - from === 1 && how !== 'count')) {
            into[offset + position] = valueOf(order[from]);
            continue;
        }
        let value = unknown;
        switch (how) {
            case 'last':
                value = valueOf(order[to - 1]);
                break;
            case 'count':
                value = to - from;
                break;
            case 'sum':
                value = 0;
                for (let slot = from; slot < to; slot += 1)
                    value += valueOf(order[slot]);
                break;
            case 'first known':
                for (let slot = from; slot < to && !known(value); slot += 1)
                    value = valueOf(order[slot]);
                break;
            case 'last known':
                for (let slot = to - 1; slot >= from && !known(value); slot -= 1)
                    value = valueOf(order[slot]);
                break;
            case 'any':
                for (let slot = from; slot < to; slot += 1) {
                    const next = valueOf(order[slot]);
                    if (known(next) && (!known(value) || next > value))
                        value = next;
                }
                break;
        }
        into[offset + position] = value;
    }
}
//# sourceMappingURL=runs.js.map