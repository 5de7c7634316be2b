import { expect, test } from 'vitest';
import { hasControlCharacters, printable, someNames } from '../../src/util/some-names.js';

test('printable shows control characters as \\xNN and direction overrides and other invisible format characters as \\uNNNN', () => {
  // U+202E made `ai_logs_\u202Evsc.exe` read `ai_logs_exe.csv` in a terminal
  expect(printable('ai_logs_\u202Evsc.exe')).toBe('ai_logs_\\u202Evsc.exe');
  expect(printable('a\u2066b\u2069c\u200Bd\u200Fe\u061C')).toBe('a\\u2066b\\u2069c\\u200Bd\\u200Fe\\u061C');
  expect(printable('line\nbreak\u001b[2J')).toBe('line\\x0abreak\\x1b[2J');
  expect(printable('Équipe 日本 😀')).toBe('Équipe 日本 😀');
  expect(printable(printable('x\u202Ey'))).toBe('x\\u202Ey');
  expect(someNames(['a\u202E.csv', 'b.csv'])).toBe('a\\u202E.csv, b.csv');
});

test('a format character is no control character: such a name is read, only shown escaped', () => {
  expect(hasControlCharacters('ai_logs_\u202E.csv')).toBe(false);
  expect(hasControlCharacters('ai_logs_\u0007.csv')).toBe(true);
});
