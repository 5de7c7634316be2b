import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { isUptakeError, isSystemError, fromSystemError, EXIT_CODES, type UptakeError } from '../errors.js';
import { guardStandardStreams } from './standard-streams.js';
import { rejectBlankValues } from './reject-blank-values.js';
import { rejectOpposites } from './reject-opposites.js';
import { printable } from '../util/some-names.js';
import { abandonedRun } from './stop-signals.js';

export { commandHandlesSignals } from './stop-signals.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

/** Builds the `uptake` command tree; every command lives in `cli/commands/`. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('uptake')
    .description("Turns an AI tool's raw usage logs into a weekly adoption report people can trust.")
    .version(version)
    .option('--debug', 'on failure, print the stack trace (and its causes) after the one-line message')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const commands = await import('./commands/index.js');
  for (const register of commands.registrations) register(program);
  // (`--input "$EXPORTS"` with EXPORTS unset is refused, never taken for the default)
  rejectBlankValues(program);
  // (`--store FILE --no-store` is refused, never settled by the one given last)
  rejectOpposites(program);
  return program;
}

// Every failure becomes a one-line message and its documented exit code (main.ts exits with it);
// the stack trace only with --debug (or UPTAKE_DEBUG=1), for a bug report.
async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug') || process.env.UPTAKE_DEBUG === '1';
  try {
    const program = await buildProgram();
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES.usage;
      return;
    }
    const known = knownFailure(error);
    // (a path in it may hold a line break, a terminal escape or a right-to-left override: shown escaped)
    process.stderr.write(`uptake: ${printable(known ? known.message : `unexpected failure: ${oneLine(error)}`)}\n`);
    if (debug) process.stderr.write(`${stackWithCauses(error)}\n`);
    else if (!known) process.stderr.write('uptake: run again with --debug for the stack trace, and please report it\n');
    process.exitCode = known ? known.exitCode : EXIT_CODES.internal;
  }
}

// An UptakeError as it is; a system error nobody wrapped (a full disk, a read-only folder) as the
// UptakeError it stands for, naming the errno and the path.
function knownFailure(error: unknown): UptakeError | null {
  if (isUptakeError(error)) return error;
  if (isSystemError(error)) return fromSystemError(error);
  return null;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0];
}

function stackWithCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth += 1) {
    parts.push(depth === 0 ? '' : 'caused by: ');
    parts[parts.length - 1] += current instanceof Error ? (current.stack ?? current.message) : String(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

/**
 * Runs the command `argv` names, to its end: its outcome is process.exitCode, with stdout and stderr drained.
 * cli/main.ts loads this module once its stop signals' handler of last resort is in place, and exits after it.
 * @example await runCommandLine(process.argv); process.exit(Number(process.exitCode ?? 0));
 */
export async function runCommandLine(argv: string[]): Promise<void> {
  guardStandardStreams();
  // A run aborted by a stop signal that does not stop (see abandonedRun) is not waited for.
  const abandoned = await Promise.race([main(argv).then(() => null), abandonedRun()]);
  if (abandoned) {
    process.stderr.write(`uptake: ${abandoned.message}\n`);
    process.exitCode = abandoned.exitCode;
  }
  // stdout and stderr are asynchronous when they are pipes: let them drain, or `uptake metrics --json | jq`
  // gets only the first 64 KB (an abandoned run waits a second at most: a reader may be gone too).
  const drained = Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  await (abandoned ? Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 1000))]) : drained);
}
