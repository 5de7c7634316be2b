import { EXIT_CODES, outputError } from '../errors.js';
import { isReaderGone } from '../util/reader-gone.js';

// Nothing uptake does depends on someone reading its stdout or stderr: `uptake metrics --json | head`,
// a log reader that went away or the terminal of a closed SSH session must not turn a run into a crash
// (Node throws a stream's 'error' event that has no listener). With a listener, a stream that failed is
// destroyed and Node drops what is written to it later; the command ends with its own outcome.
/**
 * Listens for errors on process.stdout and process.stderr for the rest of the process: a reader that
 * is gone (or a terminal that hung up) is ignored; a stdout that cannot be written for another reason
 * (a full disk under `> metrics.json`) is an output failure, exit 12, named on stderr.
 * @example guardStandardStreams(); await program.parseAsync(argv);
 */
export function guardStandardStreams(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (isReaderGone(error) || hungUpTerminal(process.stdout, error)) return;
    process.stderr.write(`uptake: ${outputError('stdout', error).message}\n`);
    process.exitCode = EXIT_CODES.output;
  });
  // Progress and failures go to stderr: when it cannot take them, there is nobody left to tell.
  process.stderr.on('error', () => {});
}

// A write to the terminal of an ended session fails with EIO.
function hungUpTerminal(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException): boolean {
  return stream.isTTY === true && error.code === 'EIO';
}
