/**
 * The value stored under `key`, computed and stored on first use (a Map or a WeakMap).
 * @example const perTable = cachedIn(cache, table, () => new Map<string, number[]>())
 */
export declare function cachedIn<Key, Value>(cache: {
    get(key: Key): Value | undefined;
    set(key: Key, value: Value): unknown;
}, key: Key, compute: () => Value): Value;
