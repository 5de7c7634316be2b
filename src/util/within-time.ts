/**
 * `promise`, or a rejection with `late()`'s error once `ms` have passed (the work itself is not stopped: its
 * caller ends it, or leaves it to the process's exit).
 * @example await withinTime(page.pdf(), 60_000, () => new Error('Chromium had not printed it after 60 s'))
 */
export function withinTime<T>(promise: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Whether `promise` fulfils within `ms`: false once they have passed (the work goes on, unawaited); its
 * rejection, when it comes first, is thrown.
 * @example if (!(await doneWithin(browser.close(), 5_000))) process.kill(-pid, 'SIGKILL')
 */
export async function doneWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
