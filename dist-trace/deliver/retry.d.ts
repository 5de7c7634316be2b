export interface RetryOptions {
    /** Total tries, the first included (1 = no retry). */
    attempts: number;
    /** Delay before the second try; doubles for every further try. */
    baseDelayMs: number;
    /** Upper bound of any single delay. */
    maxDelayMs: number;
    /** Waits `ms` milliseconds; tests pass their own so nothing really waits. */
    sleep?: (ms: number) => Promise<void>;
    /** Uniform number in [0, 1) for the jitter; tests pass a fixed one. */
    random?: () => number;
    /** Decides whether an error is worth another try; defaults to {@link isRetryableError}. */
    isRetryable?: (error: unknown) => boolean;
    /** Told before each wait, e.g. to log "attempt 2 of 4 in 1200 ms". */
    onRetry?: (info: {
        attempt: number;
        delayMs: number;
        error: unknown;
    }) => void;
}
/**
 * HTTP 4xx other than 408/429, SMTP 5xx replies, SMTP authentication failures, TLS certificate
 * failures, config errors and
 * errors marked `retryable: false` are final; everything else (network errors, 5xx, 429) is retried.
 * @example isRetryableError(Object.assign(new Error('no'), { status: 403 })) // false
 */
export declare function isRetryableError(error: unknown): boolean;
/**
 * The wait before try `attempt + 1`: `baseDelayMs * 2^(attempt-1)` capped at `maxDelayMs`, of which
 * the upper half is jitter (`random()` picks the point), so it lies in [cap/2, cap).
 * @example backoffDelay(2, { baseDelayMs: 1000, maxDelayMs: 30000 }, () => 0.5) // 1500
 */
export declare function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number;
/**
 * Calls `fn(attempt)` until it resolves, a non-retryable error occurs, or `attempts` tries are used;
 * then rethrows the last error. An error carrying `retryAfterMs` (HTTP Retry-After) waits that long
 * instead (still capped at `maxDelayMs`).
 * @example
 * await withRetries(() => postJson(url, body), { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 })
 */
export declare function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T>;
