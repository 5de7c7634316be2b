import { isUptakeError } from '../errors.js';
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const CERTIFICATE_PROBLEM = /certificate|self[-_ ]signed|CERT_|UNABLE_TO_VERIFY|ALTNAME/i;
// A TLS certificate that fails verification fails the same way on every try (nodemailer: ESOCKET; fetch: in `cause`).
function isCertificateError(error) {
    const cause = error.cause;
    if (typeof cause?.code === 'string' && CERTIFICATE_PROBLEM.test(cause.code))
        return true;
    return error instanceof Error && error.code === 'ESOCKET' && CERTIFICATE_PROBLEM.test(error.message);
}
// A refusal (bad request, wrong password, unknown recipient) will not change on a retry; an outage may.
/**
 * HTTP 4xx other than 408/429, SMTP 5xx replies, SMTP authentication failures, TLS certificate
 * failures, config errors and
 * errors marked `retryable: false` are final; everything else (network errors, 5xx, 429) is retried.
 * @example isRetryableError(Object.assign(new Error('no'), { status: 403 })) // false
 */
export function isRetryableError(error) {
    if (isUptakeError(error) && (error.kind === 'config' || error.kind === 'usage'))
        return false;
    if (typeof error !== 'object' || error === null)
        return true;
    const shape = error;
    if (typeof shape.retryable === 'boolean')
        return shape.retryable;
    if (typeof shape.status === 'number') {
        if (shape.status === 408 || shape.status === 429)
            return true;
        return !(shape.status >= 400 && shape.status < 500);
    }
    if (shape.code === 'EAUTH' || isCertificateError(error))
        return false;
    if (typeof shape.responseCode === 'number')
        return !(shape.responseCode >= 500 && shape.responseCode < 600);
    if (shape.code === 'EENVELOPE' || shape.code === 'EMESSAGE')
        return false;
    return true;
}
/**
 * The wait before try `attempt + 1`: `baseDelayMs * 2^(attempt-1)` capped at `maxDelayMs`, of which
 * the upper half is jitter (`random()` picks the point), so it lies in [cap/2, cap).
 * @example backoffDelay(2, { baseDelayMs: 1000, maxDelayMs: 30000 }, () => 0.5) // 1500
 */
export function backoffDelay(attempt, options, random) {
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
export async function withRetries(fn, options) {
    if (!Number.isInteger(options.attempts) || options.attempts < 1) {
        throw new RangeError(`expected retry attempts to be a positive integer, got ${options.attempts}`);
    }
    const sleep = options.sleep ?? realSleep;
    const random = options.random ?? Math.random;
    const isRetryable = options.isRetryable ?? isRetryableError;
    for (let attempt = 1;; attempt += 1) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !isRetryable(error))
                throw error;
            const retryAfter = error?.retryAfterMs;
            const delayMs = typeof retryAfter === 'number' && retryAfter >= 0
                ? Math.min(options.maxDelayMs, retryAfter)
                : backoffDelay(attempt, options, random);
            options.onRetry?.({ attempt, delayMs, error });
            await sleep(delayMs);
        }
    }
}
//# sourceMappingURL=retry.js.map