#!/usr/bin/env node
// The entry point, and the one place that exits. It imports nothing before its stop signals' handler is in
// place: static imports load before a module's first line runs, and a SIGTERM that came while commander, zod or a
// command's modules loaded (the first ~0.2 s, longer on a busy machine) ended uptake with the signal's default,
// exit 143 and not a word. Only Node's own start, before any JavaScript runs, is out of its reach.

/** EXIT_CODES.aborted (errors.ts), written out: nothing is imported before the handler below is in place. */
const STOPPED = 130;
/** STOP_SIGNALS (cli/stop-signals.ts), written out for the same reason. */
const EARLY_STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

// Whether a command handles the stop signals now: none can until the command line has loaded.
let commandHandlesSignals = (): boolean => false;

// A command without a run to finish (metrics, validate, ask, generate, ...), and every command while it loads,
// ended silently with 128 + the signal's number, an exit code uptake does not document. While no command
// handles the stop signals, one ends uptake at once (whatever it was loading or computing), saying so, with the
// aborted run's exit code; the signals' default action comes back first, so that a second one ends a process
// whose exit a system call holds.
function stopAtOnceOnSignals(): void {
  const stop = (signal: NodeJS.Signals) => {
    if (commandHandlesSignals()) return;
    for (const each of EARLY_STOP_SIGNALS) process.removeAllListeners(each);
    process.stderr.write(`uptake: stopped by ${signal} before it finished\n`);
    process.exit(STOPPED);
  };
  for (const signal of EARLY_STOP_SIGNALS) process.on(signal, stop);
}

// process.exit joins libuv's threads, and one blocked for good in a system call (open() of a FIFO that no process
// writes to, say) would hold the process forever, deaf to signals: the stop signals get their default action
// back first, so that another one ends it. An aborted run whose file I/O is still unfinished 2 s on (an abort's
// own clean-up takes moments) ends by SIGINT's default action instead, which shells report as 130, the exit code
// it stands for.
async function exitProcess(code: number): Promise<void> {
  for (const signal of EARLY_STOP_SIGNALS) process.removeAllListeners(signal);
  if (code === STOPPED) {
    const fileIoPending = () => process.getActiveResourcesInfo().some((resource) => resource.startsWith('FSReq'));
    for (let waited = 0; fileIoPending() && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    if (fileIoPending()) process.kill(process.pid, 'SIGINT');
  }
  process.exit(code);
}

stopAtOnceOnSignals();
const commandLine = await import('./command-line.js');
commandHandlesSignals = commandLine.commandHandlesSignals;
// Then exit, since a failed command may leave handles (browser, sockets) open.
await commandLine.runCommandLine(process.argv);
await exitProcess(Number(process.exitCode ?? 0));
