import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { shellWord } from '../../src/util/shell-word.js';

describe('shellWord: a suggested question as one word for a shell', () => {
  test('double quotes where a shell reads nothing inside them, else single quotes with each quote written out', () => {
    expect(shellWord("what is Legal's adoption")).toBe(`"what is Legal's adoption"`);
    for (const [text, word] of [
      ['adoption of $(touch pwned)', `'adoption of $(touch pwned)'`],
      ['adoption of `id`', "'adoption of `id`'"],
      ['"Sales" ops', `'"Sales" ops'`],
      ["Legal's \\x07 and ${HOME}!", `'Legal'\\''s \\x07 and \${HOME}!'`],
    ]) {
      expect(shellWord(text)).toBe(word);
      // what a shell makes of the word is the text itself, nothing run
      expect(execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' })).toBe(text);
    }
  });
});
