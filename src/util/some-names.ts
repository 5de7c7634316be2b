/** How many names a message shows before it counts the rest. */
const NAMES_SHOWN = 20;
/** How many characters of one name a message shows. */
const NAME_CHARACTERS = 80;

// A folder of years of exports, or a header of 100,000 columns, made a one-line message of megabytes.
/**
 * Names for a message: the first 20, then how many more, each printable.
 * @example someNames(['a.csv', 'b.csv']) // 'a.csv, b.csv'; with 25 names: 'a.csv, …, t.csv and 5 more'
 */
export function someNames(names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return names.map(printable).join(', ');
  return `${names.slice(0, NAMES_SHOWN).map(printable).join(', ')} and ${names.length - NAMES_SHOWN} more`;
}

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;
// Format characters: direction overrides and isolates (U+202A-202E, U+2066-2069), marks, zero-width spaces.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

// A file or column name comes from whoever wrote the input: an escape sequence in it (`\x1b[2J`) cleared or
// recoloured the terminal a message went to, a line break split the message's one line, and a right-to-left
// override (U+202E) showed `ai_logs_\u202Evsc.exe` as `ai_logs_exe.csv`.
/**
 * Text with its control characters (C0, DEL, C1; tab and line breaks too) shown as `\xNN`, and its invisible
 * format characters (direction overrides, zero-width spaces) as `\uNNNN`.
 * @example printable('ai_logs_\u001b[31m\u202E.csv') // 'ai_logs_\\x1b[31m\\u202E.csv'
 */
export function printable(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(FORMAT_CHARACTERS, (character) => `\\u${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * True when `text` holds a control character (C0, DEL, C1): a name a file must not have. Format characters
 * (a direction mark) are allowed in names, and only escaped when shown.
 * @example hasControlCharacters('ai_logs\n.csv') // true
 */
export function hasControlCharacters(text: string): boolean {
  return new RegExp(CONTROL_CHARACTERS.source).test(text);
}

// A value written into a message comes from the data: a column name of 100 KB would fill the terminal.
/**
 * A value as a message shows it: its first 80 characters (printable) and its length when it is longer.
 * @example shortName('x'.repeat(100)) // 'xxxx…x… (100 characters)'
 */
export function shortName(name: string): string {
  return name.length <= NAME_CHARACTERS ? printable(name) : `${printable(name.slice(0, NAME_CHARACTERS))}… (${name.length} characters)`;
}
