/**
 * A text as one word for a POSIX shell, to be pasted after a command: in double quotes when it holds nothing a
 * shell reads inside them (`"`, `$`, a backquote, a backslash, `!`), else in single quotes, each `'` in it written
 * `'\''`. A suggestion naming a team called `$(rm -rf ~)` is then pasted as text, never run.
 * @example shellWord("Legal's adoption") // "\"Legal's adoption\""
 * @example shellWord('adoption of $(id)') // "'adoption of $(id)'"
 */
export function shellWord(text: string): string {
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replaceAll("'", "'\\''")}'`;
}
