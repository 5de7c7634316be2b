import { Worker } from 'node:worker_threads';
/** Bytes of one page of memory: the unit the kernel maps on first touch. */
const PAGE_BYTES = 4096;
// Runs as CommonJS inside the worker: writes a zero to every page of the buffer it is sent, then says so.
const TOUCH_EVERY_PAGE = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (buffer) => {
  const bytes = new Uint8Array(buffer);
  for (let at = 0; at < bytes.length; at += ${PAGE_BYTES}) bytes[at] = 0;
  parentPort.postMessage('done');
});`;
// On virtual machines the first write to a fresh page of memory is slow (about 13 us a page measured here,
// so a 160 MB table costs 0.7 s before a single value is computed), and the cleaning runs on one core while
// the other idles. A worker thread writes to every page of a shared buffer ahead of time, so the main thread
// later fills memory that is already mapped. The worker only writes zeros to a buffer nobody reads yet; the
// caller waits for `ready` before touching it, so the two never write at the same time.
/**
 * A zeroed shared buffer of `bytes` whose pages another thread maps while this one goes on working. If the
 * thread cannot start or fails, `ready` still resolves: the memory is only slower to touch the first time.
 * @example const memory = prefaultedMemory(taskTableBytes(bound, 2)); ...; await memory.ready; new Float64Array(memory.buffer, 0, n)
 */
export function prefaultedMemory(bytes) {
    const buffer = new SharedArrayBuffer(bytes);
    const ready = new Promise((resolve) => {
        let worker;
        try {
            worker = new Worker(TOUCH_EVERY_PAGE, { eval: true });
        }
        catch {
            resolve();
            return;
        }
        worker.unref();
        const finish = () => {
            resolve();
            void worker.terminate();
        };
        worker.once('message', finish);
        worker.once('error', finish);
        worker.once('exit', finish);
        worker.postMessage(buffer);
    });
    return { buffer, ready };
}
/**
 * Cuts typed arrays one after another from `memory` (zeroed; allocate the widest element type first so that
 * every offset stays aligned), or makes fresh arrays when there is no memory.
 * @example const carve = arrayCarver(memory.buffer); const starts = carve(Float64Array, n); const codes = carve(Int32Array, n)
 */
export function arrayCarver(memory) {
    let used = 0;
    return (make, length) => {
        if (!memory)
            return new make(length);
        const array = new make(memory, used, length);
        used += length * make.BYTES_PER_ELEMENT;
        return array;
    };
}
//# sourceMappingURL=prefaulted-memory.js.map