import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { arrayCarver, prefaultedMemory } from '../../src/columns/prefaulted-memory.js';

const MB = 1024 * 1024;

/** Resident anonymous memory of this process (Linux): a SharedArrayBuffer's pages count here once touched. */
function residentBytes(): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((entry) => entry.startsWith('RssAnon:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) * 1024;
}

// The trick is that another thread maps every page before this one writes: a fresh buffer is not resident,
// a prefaulted one is, all of it, and still zero.
test('once ready, every page of the memory is mapped, and it is still zero', async () => {
  const size = 64 * MB;
  const before = residentBytes();
  const plain = new SharedArrayBuffer(size);
  expect(residentBytes() - before).toBeLessThan(4 * MB); // the control: a fresh buffer is not mapped
  const memory = prefaultedMemory(size);
  await memory.ready;
  expect(residentBytes() - before).toBeGreaterThanOrEqual(size - MB);
  expect(memory.buffer.byteLength).toBe(size);
  const bytes = new Uint8Array(memory.buffer);
  expect(bytes.every((byte) => byte === 0)).toBe(true);
  expect(plain.byteLength).toBe(size);
});

test('arrays carved from the memory follow each other without overlapping, as fresh ones would', () => {
  const memory = new SharedArrayBuffer(3 * 8 + 4 * 4);
  const carve = arrayCarver(memory);
  const floats = carve(Float64Array, 3);
  const ints = carve(Int32Array, 4);
  expect([floats.byteOffset, ints.byteOffset, ints.byteOffset + ints.byteLength]).toEqual([0, 24, 40]);
  floats.fill(1.5);
  ints.fill(-1);
  expect([...floats, ...ints]).toEqual([1.5, 1.5, 1.5, -1, -1, -1, -1]);
  expect(arrayCarver(undefined)(Int32Array, 2).buffer).not.toBe(memory);
});
