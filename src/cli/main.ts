#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { isUptakeError, EXIT_CODES } from '../errors.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

/** Builds the `uptake` command tree; every command lives in `cli/commands/`. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('uptake')
    .description("Turns an AI tool's raw usage logs into a weekly adoption report people can trust.")
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const commands = await import('./commands/index.js');
  for (const register of commands.registrations) register(program);
  return program;
}

// The one place that exits: every failure becomes a message and an exit code, never a stack trace.
async function main(argv: string[]): Promise<void> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES.usage;
      return;
    }
    if (isUptakeError(error)) {
      process.stderr.write(`uptake: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`uptake: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT_CODES.internal;
  }
}

await main(process.argv);
// stdout and stderr are asynchronous when they are pipes: let them drain, or `uptake metrics --json | jq`
// gets only the first 64 KB. Then exit, since a failed command may leave handles (browser, sockets) open.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
process.exit(process.exitCode ?? 0);
