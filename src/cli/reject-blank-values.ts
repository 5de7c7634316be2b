import type { Argument, Command, Option } from 'commander';
import { expectValue } from '../util/expect-value.js';

/** What a value of each placeholder (`<dir>`, `<file|url>`, ...) should be, in a message's words. */
const EXPECTED: Record<string, string> = {
  dir: 'name a folder',
  file: 'name a file',
  'file|url': 'name a file or a postgres:// URL',
  notebook: 'name a notebook file',
  week: 'be a week (YYYY-Www or latest)',
  n: 'be a whole number',
  count: 'be a whole number',
  seconds: 'be a number of seconds',
  ms: 'be a number of milliseconds',
  'name=value': 'be NAME=VALUE',
  name: 'be a name',
  host: 'be a host name or address',
  question: 'be a question in quotes, e.g. uptake ask "adoption by team"',
};

// Every option that takes a value, and every argument, on every command: registered ones and those added
// later alike, so no command can take `--out ''` for "not given" and write into the current folder.
/**
 * Makes every value option and argument of `command` and its subcommands refuse an empty or blank value
 * with UptakeError('usage') naming it, before the option's own parser (choices, numbers) runs.
 * @example rejectBlankValues(program) // `uptake metrics --input ''`: expected --input to name a folder, got an empty value
 */
export function rejectBlankValues(command: Command): void {
  for (const option of command.options as Option[]) {
    if (!option.required && !option.optional) continue;
    guard(option, option.long ?? option.short ?? option.flags, expectedOf(option.flags, option.argChoices));
  }
  for (const argument of command.registeredArguments as readonly Argument[]) {
    guard(argument, argument.name().toUpperCase(), expectedOf(`<${argument.name()}>`, argument.argChoices));
  }
  for (const subcommand of command.commands) rejectBlankValues(subcommand);
}

function expectedOf(flags: string, choices: string[] | undefined): string {
  if (choices) return `be one of ${choices.join(', ')}`;
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1] ?? 'value';
  return EXPECTED[placeholder] ?? `be a ${placeholder}`;
}

// The check runs first, then what commander would have done: the option's own parser, else the value as
// given (collected into a list for a variadic one).
function guard(target: Option | Argument, name: string, expected: string): void {
  const parse = target.parseArg as ((value: string, previous: unknown) => unknown) | undefined;
  target.argParser((value: string, previous: unknown) => {
    expectValue(value, name, expected);
    if (parse) return parse(value, previous);
    return target.variadic ? [...(Array.isArray(previous) && previous !== target.defaultValue ? previous : []), value] : value;
  });
}
