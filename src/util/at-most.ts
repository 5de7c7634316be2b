/**
 * A gate that lets at most `limit` tasks run at once; the others start, in the order given, as running ones end
 * (whether they succeed or fail). For work that holds a scarce resource while it runs, e.g. a file descriptor.
 * @example const inTurn = atMost(16); await Promise.all(paths.map((path) => inTurn(() => readFile(path))))
 */
export function atMost(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((start) => waiting.push(start));
    else running += 1;
    try {
      return await task();
    } finally {
      // the slot passes to the next task waiting, or is freed
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
