import { describe, expect, it } from 'vitest';
import { backoffDelay, fateUnknown, isRetryableError, withRetries } from '../../src/deliver/retry.js';
import { UptakeError } from '../../src/errors.js';

const httpError = (status: number, extra: Record<string, unknown> = {}) => Object.assign(new Error(`HTTP ${status}`), { status, ...extra });

function failing(errors: unknown[], value = 'done') {
  const calls: number[] = [];
  const fn = async (attempt: number) => {
    calls.push(attempt);
    const error = errors[attempt - 1];
    if (error !== undefined) throw error;
    return value;
  };
  return { fn, calls };
}

describe('withRetries', () => {
  it('backs off exponentially with jitter, capped, until success', async () => {
    const delays: number[] = [];
    const randoms = [0, 0.5, 0.999];
    const { fn, calls } = failing([httpError(500), httpError(502), httpError(503)]);
    const result = await withRetries(fn, {
      attempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 3000,
      sleep: async (ms) => void delays.push(ms),
      random: () => randoms.shift() ?? 0,
    });
    expect(result).toBe('done');
    expect(calls).toEqual([1, 2, 3, 4]);
    // ceilings 1000, 2000, min(3000, 4000) = 3000; delay = ceiling/2 + random * ceiling/2
    expect(delays).toEqual([500, 1500, 2999]);
  });

  it('an abort ends the try in progress and the wait before the next at once, with no further try', async () => {
    const during = new AbortController();
    const calls: number[] = [];
    const hanging = withRetries(
      (attempt) => {
        calls.push(attempt);
        return new Promise<string>(() => {}); // a server that never answers
      },
      { attempts: 4, baseDelayMs: 10, maxDelayMs: 10, signal: during.signal },
    );
    during.abort('SIGTERM');
    await expect(hanging).rejects.toBe('SIGTERM');
    expect(calls).toEqual([1]);

    const waiting = new AbortController();
    const { fn, calls: tries } = failing([httpError(503), httpError(503)]);
    const sleeping = withRetries(fn, { attempts: 4, baseDelayMs: 60_000, maxDelayMs: 60_000, signal: waiting.signal, sleep: () => new Promise(() => {}) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    waiting.abort('SIGINT');
    await expect(sleeping).rejects.toBe('SIGINT');
    expect(tries).toEqual([1]);
  });

  it('gives up after the configured attempts and rethrows the last error', async () => {
    const delays: number[] = [];
    const last = httpError(503);
    const { fn, calls } = failing([httpError(500), httpError(500), last]);
    await expect(withRetries(fn, { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000, sleep: async (ms) => void delays.push(ms), random: () => 1 })).rejects.toBe(last);
    expect(calls).toEqual([1, 2, 3]);
    expect(delays).toEqual([100, 200]);
  });

  it('stops at once on a 4xx refusal but retries 429 honouring Retry-After', async () => {
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    const forbidden = failing([httpError(403), httpError(403)]);
    await expect(withRetries(forbidden.fn, { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, sleep })).rejects.toThrow('HTTP 403');
    expect(forbidden.calls).toEqual([1]);
    expect(delays).toEqual([]);

    const limited = failing([httpError(429, { retryAfterMs: 700 }), httpError(429, { retryAfterMs: 5000 })]);
    await expect(withRetries(limited.fn, { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, sleep })).resolves.toBe('done');
    expect(limited.calls).toEqual([1, 2, 3]);
    expect(delays).toEqual([700, 1000]);
  });

  it('rejects a non-positive attempt count', async () => {
    await expect(withRetries(async () => 1, { attempts: 0, baseDelayMs: 1, maxDelayMs: 1 })).rejects.toThrow(/positive integer, got 0/);
  });
});

describe('isRetryableError', () => {
  // a post or mail the other end may have taken is not tried again, whatever else the error says (a 500, a timeout)
  it('never retries an error whose fate is unknown, and finds the mark in a cause', () => {
    expect(isRetryableError(Object.assign(httpError(500), { fateUnknown: true }))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('no answer within 15 s'), { code: 'ETIMEDOUT', fateUnknown: true }))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('no answer within 15 s'), { code: 'ETIMEDOUT' }))).toBe(true);
    expect(fateUnknown(new UptakeError('deliver', 'x', { cause: Object.assign(new Error('no answer'), { fateUnknown: true }) }))).toBe(true);
    expect(fateUnknown(new UptakeError('deliver', 'x', { cause: httpError(404) }))).toBe(false);
  });

  it('sorts errors into final and transient', () => {
    expect(isRetryableError(httpError(400))).toBe(false);
    expect(isRetryableError(httpError(404))).toBe(false);
    expect(isRetryableError(httpError(429))).toBe(true);
    expect(isRetryableError(httpError(500))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('auth'), { code: 'EAUTH', responseCode: 535 }))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('later'), { code: 'EMESSAGE', responseCode: 451 }))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('no such user'), { code: 'EENVELOPE', responseCode: 550 }))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isRetryableError(new UptakeError('config', 'no password'))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('certificate has expired'), { code: 'ESOCKET' }))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('socket hang up'), { code: 'ESOCKET' }))).toBe(true);
    expect(isRetryableError(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }))).toBe(false);
  });

  it('computes a delay within [ceiling/2, ceiling]', () => {
    expect(backoffDelay(1, { baseDelayMs: 1000, maxDelayMs: 30000 }, () => 0)).toBe(500);
    expect(backoffDelay(3, { baseDelayMs: 1000, maxDelayMs: 30000 }, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, { baseDelayMs: 1000, maxDelayMs: 30000 }, () => 0)).toBe(15000);
  });
});
