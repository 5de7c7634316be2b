import { isUptakeError } from '../errors.js';

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
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Aborting it ends the try in progress or the wait at once, with no further try (a run aborted by a stop signal). */
  signal?: AbortSignal;
}

/** Error fields the delivery code looks at to decide on a retry. */
interface ErrorShape {
  retryable?: unknown;
  fateUnknown?: unknown;
  status?: unknown;
  code?: unknown;
  responseCode?: unknown;
  retryAfterMs?: unknown;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const CERTIFICATE_PROBLEM = /certificate|self[-_ ]signed|CERT_|UNABLE_TO_VERIFY|ALTNAME/i;

// A TLS certificate that fails verification fails the same way on every try (nodemailer: ESOCKET; fetch: in `cause`).
/**
 * Whether an error is a TLS certificate that failed verification (nodemailer's ESOCKET, or fetch's `cause`).
 * @example isCertificateError(new TypeError('fetch failed', { cause: { code: 'CERT_HAS_EXPIRED' } })) // true
 */
export function isCertificateError(error: object): boolean {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string' && CERTIFICATE_PROBLEM.test(cause.code)) return true;
  return error instanceof Error && (error as ErrorShape).code === 'ESOCKET' && CERTIFICATE_PROBLEM.test(error.message);
}

/**
 * Whether a failed try may still have delivered: the request went out whole and no answer came (a timeout, a
 * connection dropped after it), or the answer does not say it was not taken. The sender marks such an error
 * `fateUnknown: true` (the UptakeError it throws holds it as its cause); it is never tried again (see
 * isRetryableError), nor by a later run.
 * @example fateUnknown(new UptakeError('deliver', 'x', { cause: Object.assign(new Error('no answer'), { fateUnknown: true }) })) // true
 */
export function fateUnknown(error: unknown): boolean {
  for (let each = error, depth = 0; typeof each === 'object' && each !== null && depth < 8; each = (each as { cause?: unknown }).cause, depth += 1) {
    if ((each as ErrorShape).fateUnknown === true) return true;
  }
  return false;
}

// A refusal (bad request, wrong password, unknown recipient) will not change on a retry; an outage may. A try whose
// fate is unknown is not repeated: a Slack post and a mail are not idempotent, and a retry of one the other end took
// shows the report twice (four times, with four attempts, to a webhook that takes posts and never answers).
/**
 * Errors marked `fateUnknown` (the other end may have taken the message), HTTP 4xx other than 408/429, SMTP 5xx
 * replies, SMTP authentication failures, TLS certificate failures, config errors and
 * errors marked `retryable: false` are final; everything else (network errors, 5xx, 429) is retried.
 * @example isRetryableError(Object.assign(new Error('no'), { status: 403 })) // false
 */
export function isRetryableError(error: unknown): boolean {
  if (isUptakeError(error) && (error.kind === 'config' || error.kind === 'usage')) return false;
  if (typeof error !== 'object' || error === null) return true;
  const shape = error as ErrorShape;
  if (shape.fateUnknown === true) return false;
  if (typeof shape.retryable === 'boolean') return shape.retryable;
  if (typeof shape.status === 'number') {
    if (shape.status === 408 || shape.status === 429) return true;
    return !(shape.status >= 400 && shape.status < 500);
  }
  if (shape.code === 'EAUTH' || isCertificateError(error)) return false;
  if (typeof shape.responseCode === 'number') return !(shape.responseCode >= 500 && shape.responseCode < 600);
  if (shape.code === 'EENVELOPE' || shape.code === 'EMESSAGE') return false;
  return true;
}

/**
 * The wait before try `attempt + 1`: `baseDelayMs * 2^(attempt-1)` capped at `maxDelayMs`, of which
 * the upper half is jitter (`random()` picks the point), so it lies in [cap/2, cap).
 * @example backoffDelay(2, { baseDelayMs: 1000, maxDelayMs: 30000 }, () => 0.5) // 1500
 */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

// Many senders retrying in lock-step make an outage worse: spread the retries with jitter.
/**
 * Calls `fn(attempt)` until it resolves, a non-retryable error occurs, or `attempts` tries are used;
 * then rethrows the last error. An error carrying `retryAfterMs` (HTTP Retry-After) waits that long
 * instead (still capped at `maxDelayMs`).
 * @example
 * await withRetries(() => postJson(url, body), { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 })
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  if (!Number.isInteger(options.attempts) || options.attempts < 1) {
    throw new RangeError(`expected retry attempts to be a positive integer, got ${options.attempts}`);
  }
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const isRetryable = options.isRetryable ?? isRetryableError;
  const { signal } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      signal?.throwIfAborted();
      return await untilAborted(fn(attempt), signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (attempt >= options.attempts || !isRetryable(error)) throw error;
      const retryAfter = (error as ErrorShape | null)?.retryAfterMs;
      const delayMs =
        typeof retryAfter === 'number' && retryAfter >= 0
          ? Math.min(options.maxDelayMs, retryAfter)
          : backoffDelay(attempt, options, random);
      options.onRetry?.({ attempt, delayMs, error });
      await untilAborted(sleep(delayMs), signal);
    }
  }
}

// A try whose server never answers (nodemailer counts only silence) must not hold an aborted run: the
// promise is left to settle unobserved, its socket to the process's exit.
/**
 * `promise`, or its rejection with the signal's reason as soon as `signal` aborts.
 * @example await untilAborted(transport.sendMail(mail), stop.abort)
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {}); // lost the race: its late failure is nobody's
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
