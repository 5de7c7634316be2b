// Metrics compute codes, groups and row lists once per table and share them between KPIs.
/**
 * The value stored under `key`, computed and stored on first use (a Map or a WeakMap).
 * @example const perTable = cachedIn(cache, table, () => new Map<string, number[]>())
 */
export function cachedIn(cache, key, compute) {
    let value = cache.get(key);
    if (value === undefined) {
        value = compute();
        cache.set(key, value);
    }
    return value;
}
/**
 * `compute` remembered per key object: each key's value is computed on first use and kept while the key lives
 * (a WeakMap), so that several rules or KPIs share one result.
 * @example const taskRows = memoizedPer((context: KpiContext) => selectTaskRows(context))
 */
export function memoizedPer(compute) {
    const cache = new WeakMap();
    return (key) => cachedIn(cache, key, () => compute(key));
}
//# sourceMappingURL=cached-in.js.map