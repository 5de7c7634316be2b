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
//# sourceMappingURL=cached-in.js.map