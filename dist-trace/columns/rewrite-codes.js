// A million rows carry a few dozen distinct values: each code is rewritten once, and each new value gets one
// new code appended to the column's values (the old codes stay, unused), so no row's string is compared.
/**
 * Rewrites rows from..to - 1 of a coded column in place: present values through `rewrite` (once per code),
 * null rows through `fill`. Returns how many null rows were filled.
 * @example rewriteCodes(teams, 0, teams.length, { rewrite: (team) => team.trim(), fill: () => null }) // 0
 */
export function rewriteCodes(column, from, to, { rewrite, fill }) {
    const codeOfValue = new Map();
    const newCode = (value) => {
        let code = codeOfValue.get(value);
        if (code === undefined) {
            codeOfValue.set(value, (code = column.values.length));
            column.values.push(value);
        }
        return code;
    };
    const rewritten = new Int32Array(column.values.length).fill(-1); // old code -> new code
    let filled = 0;
    for (let row = from; row < to; row += 1) {
        const code = column.codes[row];
        if (code !== -1) {
            if (rewritten[code] === -1)
                rewritten[code] = newCode(rewrite(column.values[code]));
            column.codes[row] = rewritten[code];
            continue;
        }
        const value = fill(row);
        if (value !== null) {
            column.codes[row] = newCode(value);
            filled += 1;
        }
    }
    return filled;
}
/**
 * `compute(value of the row)` for rows of a coded column, computed once per code (and once for null).
 * @example const rosterOf = perCode(users, (user) => rosterByUser.get(user)); rosterOf(row)
 */
export function perCode(column, compute) {
    const results = [];
    const known = [];
    let nullResult;
    return (row) => {
        const code = column.codes[row];
        if (code === -1)
            return (nullResult ??= { value: compute(null) }).value;
        if (!known[code])
            [results[code], known[code]] = [compute(column.values[code]), true];
        return results[code];
    };
}
const QUARTER_HOUR = 15 * 60_000;
// Zone offsets in use are whole quarter hours, so a local date, week or month is the same over a UTC quarter
// hour; rows come roughly in time order, so the quarter hour asked for last mostly answers.
/**
 * `compute(epochMs)` remembered per UTC quarter hour: for calendar periods of a time zone (constant within one).
 * @example const monthAt = byQuarterHour((epochMs) => monthOf(epochMs, 'Europe/Paris')); monthAt(startedAt)
 */
export function byQuarterHour(compute) {
    const bySlot = new Map();
    let lastSlot = Number.NaN;
    let lastResult;
    return (epochMs) => {
        const slot = Math.floor(epochMs / QUARTER_HOUR);
        if (slot === lastSlot)
            return lastResult;
        let result = bySlot.get(slot);
        if (result === undefined)
            bySlot.set(slot, (result = compute(epochMs)));
        [lastSlot, lastResult] = [slot, result];
        return result;
    };
}
/**
 * `compute` remembered per key (a Map): for a few distinct strings repeated over many rows.
 * @example const spell = memoized((team: string) => team.trim()); spell(' Legal ') // 'Legal'
 */
export function memoized(compute) {
    const cache = new Map();
    return (key) => {
        if (cache.has(key))
            return cache.get(key);
        const result = compute(key);
        cache.set(key, result);
        return result;
    };
}
//# sourceMappingURL=rewrite-codes.js.map