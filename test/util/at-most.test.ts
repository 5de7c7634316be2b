import { describe, expect, it } from 'vitest';
import { atMost } from '../../src/util/at-most.js';

describe('atMost', () => {
  it('runs at most `limit` tasks at once, starts the others in the order given, and frees a slot when a task fails', async () => {
    const inTurn = atMost(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (index: number) => async () => {
      started.push(index);
      running += 1;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, 5));
      running -= 1;
      if (index === 1) throw new Error('task 1 failed');
      return index * 10;
    };
    const outcomes = await Promise.allSettled([0, 1, 2, 3, 4].map((index) => inTurn(task(index))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error).message))).toEqual([0, 'task 1 failed', 20, 30, 40]);
    // every slot came back: two more run side by side
    running = 0;
    most = 0;
    await Promise.all([inTurn(task(5)), inTurn(task(6))]);
    expect(most).toBe(2);
  });
});
