/**
 * The value stored under `key`, computed and stored on first use (a Map or a WeakMap).
 * @example const perTable = cachedIn(cache, table, () => new Map<string, number[]>())
 */
export declare function cachedIn<Key, Value>(cache: {
    get(key: Key): Value | undefined;
    set(key: Key, value: Value): unknown;
}, key: Key, compute: () => Value): Value;
/**
 * `compute` remembered per key object: each key's value is computed on first use and kept while the key lives
 * (a WeakMap), so that several rules or KPIs share one result.
 * @example const taskRows = memoizedPer((context: KpiContext) => selectTaskRows(context))
 */
export declare function memoizedPer<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value;
