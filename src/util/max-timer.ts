/** The longest wait a Node timer holds (2^31 - 1 ms, about 24.8 days): a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The same, in whole seconds. */
export const MAX_TIMER_SEC = Math.floor(MAX_TIMER_MS / 1000);
