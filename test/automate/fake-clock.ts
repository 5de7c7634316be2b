import type { Clock } from '../../src/automate/clock.js';

/** A clock the test moves by hand; timers fire in due order as it advances. */
export class FakeClock implements Clock {
  private nextId = 1;
  private timers: Array<{ id: number; at: number; callback: () => void }> = [];

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Moves to `target`, firing every timer due on the way (and letting promise chains settle after each). */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
      await settle();
    }
    this.current = Math.max(this.current, target);
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}

/** Lets pending promise callbacks and quick file I/O run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setImmediate(resolve));
}

/** A promise with its resolve function outside, to hold a job open. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
