/** How many names a message shows before it counts the rest. */
const NAMES_SHOWN = 20;
/** How many characters of one name a message shows. */
const NAME_CHARACTERS = 80;

// A folder of years of exports, or a header of 100,000 columns, made a one-line message of megabytes.
/**
 * Names for a message: the first 20, then how many more.
 * @example someNames(['a.csv', 'b.csv']) // 'a.csv, b.csv'; with 25 names: 'a.csv, …, t.csv and 5 more'
 */
export function someNames(names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return names.join(', ');
  return `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`;
}

// A value written into a message comes from the data: a column name of 100 KB would fill the terminal.
/**
 * A value as a message shows it: its first 80 characters and its length when it is longer.
 * @example shortName('x'.repeat(100)) // 'xxxx…x… (100 characters)'
 */
export function shortName(name: string): string {
  return name.length <= NAME_CHARACTERS ? name : `${name.slice(0, NAME_CHARACTERS)}… (${name.length} characters)`;
}
