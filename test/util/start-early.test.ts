import { describe, expect, it } from 'vitest';
import { startEarly } from '../../src/util/start-early.js';

// A start whose end the test decides.
function controlledStart() {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const signals: AbortSignal[] = [];
  const start = (signal: AbortSignal) => {
    signals.push(signal);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      signal.addEventListener('abort', () => reject(new Error('cancelled')));
    });
  };
  return { start, signals, finish: (value: string) => finish(value), fail: (error: Error) => fail(error) };
}

describe('startEarly', () => {
  it('starts at once and hands over what started, with how long that took', async () => {
    const controlled = controlledStart();
    const stopped: string[] = [];
    const early = startEarly(controlled.start, async (value) => void stopped.push(value));
    expect(controlled.signals).toHaveLength(1);
    expect(early.durationMs).toBeNull();
    controlled.finish('kernel');
    expect(await early.ready).toBe('kernel');
    expect(early.durationMs).toEqual(expect.any(Number));
    await early.stop();
    await early.stop();
    expect(stopped).toEqual(['kernel']);
  });

  it('keeps a failed start for the stage that awaits it, without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const controlled = controlledStart();
      const stopped: string[] = [];
      const early = startEarly(controlled.start, async (value) => void stopped.push(value));
      controlled.fail(new Error('kernel `tslab` died while starting'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      await expect(early.ready).rejects.toThrow('kernel `tslab` died while starting');
      expect(early.durationMs).toBeNull();
      await early.stop();
      expect(stopped).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('cancels a start still under way when stopped', async () => {
    const controlled = controlledStart();
    const stopped: string[] = [];
    const early = startEarly(controlled.start, async (value) => void stopped.push(value));
    await early.stop();
    expect(controlled.signals[0].aborted).toBe(true);
    await expect(early.ready).rejects.toThrow('cancelled');
    expect(stopped).toEqual([]);
  });

  it('turns a start that throws at once into a failed `ready`', async () => {
    const early = startEarly<string>(() => {
      throw new Error('no kernelspec');
    }, async () => undefined);
    await expect(early.ready).rejects.toThrow('no kernelspec');
  });

  it('never throws from stop, even when stopping fails', async () => {
    const early = startEarly(async () => 'browser', async () => {
      throw new Error('already closed');
    });
    await early.ready;
    await expect(early.stop()).resolves.toBeUndefined();
  });
});
