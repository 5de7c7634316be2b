import { expect, test } from 'vitest';
import { prefaultedMemory } from '../../src/columns/prefaulted-memory.js';

test('the memory is zeroed, ready once mapped, and the caller\'s to write afterwards', async () => {
  const memory = prefaultedMemory(3 * 4096 + 10);
  await memory.ready;
  const bytes = new Uint8Array(memory.buffer);
  expect(bytes.length).toBe(3 * 4096 + 10);
  expect(bytes.every((byte) => byte === 0)).toBe(true);
  bytes[4096] = 7;
  await new Promise((resolve) => setTimeout(resolve, 50)); // the mapping thread is gone: nothing writes over it
  expect(bytes[4096]).toBe(7);
});
