import { expect, test } from 'vitest';
import { spellNumbers } from '../../src/ask/number-words.js';
import { textTokens } from '../../src/ask/text-tokens.js';

const spelled = (text: string) => spellNumbers(textTokens(text)).join(' ');

test.each([
  ['which teams dropped more than ten points', 'which teams dropped more than 10 points'],
  ['more than a dozen hours', 'more than 12 hours'],
  ['below forty five percent', 'below 45 percent'],
  ['below forty-five percent', 'below 45 percent'],
  ['under twenty %', 'under 20 %'],
  ['top three teams', 'top 3 teams'],
  ['above half', 'above 50 %'],
  ['less than a third of tasks', 'less than 33.3 % of tasks'],
  ['is half the team using it', 'is half the team using it'],
  ['over the last eight weeks', 'over the last 8 weeks'],
  ['adoption in 2026-W45', 'adoption in 2026-w45'],
])('%s -> %s', (question, expected) => {
  expect(spelled(question)).toBe(expected);
});
