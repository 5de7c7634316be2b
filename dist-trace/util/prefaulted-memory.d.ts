/** Memory being mapped by another thread: use `buffer` only once `ready` has resolved. */
export interface PrefaultedMemory {
    buffer: SharedArrayBuffer;
    ready: Promise<void>;
}
/**
 * A zeroed shared buffer of `bytes` whose pages another thread maps while this one goes on working. If the
 * thread cannot start or fails, `ready` still resolves: the memory is only slower to touch the first time.
 * @example const memory = prefaultedMemory(taskTableBytes(bound, 2)); ...; await memory.ready; new Float64Array(memory.buffer, 0, n)
 */
export declare function prefaultedMemory(bytes: number): PrefaultedMemory;
type TypedArrayOf<T> = {
    new (length: number): T;
    new (buffer: ArrayBufferLike, offset: number, length: number): T;
    BYTES_PER_ELEMENT: number;
};
/**
 * Cuts typed arrays one after another from `memory` (zeroed; allocate the widest element type first so that
 * every offset stays aligned), or makes fresh arrays when there is no memory.
 * @example const carve = arrayCarver(memory.buffer); const starts = carve(Float64Array, n); const codes = carve(Int32Array, n)
 */
export declare function arrayCarver(memory: ArrayBufferLike | undefined): <T extends Float64Array | Int32Array | Int8Array>(make: TypedArrayOf<T>, length: number) => T;
export {};
