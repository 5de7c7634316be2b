import { expect, test } from 'vitest';
import { TokenPrefixIndex } from '../../src/columns/token-prefix-index.js';

test('the best-ranked other label whose tokens extend the label token by token, same token count', () => {
  // ranks: index 0 is best
  const index = new TokenPrefixIndex(['con-revision', 'contract-review', 'contract-revision', 'con-rev', 'con-rev-x', 'report-1', 'report-10'], '-');
  expect(index.bestExtensionOf('con-rev')).toBe('con-revision'); // rank 0 beats contract-review and contract-revision
  expect(index.bestExtensionOf('contract-rev')).toBe('contract-review');
  expect(index.bestExtensionOf('co-revis')).toBe('con-revision');
  expect(index.bestExtensionOf('con-revision')).toBe('contract-revision'); // itself does not count
  expect(index.bestExtensionOf('report-1')).toBe('report-10');
  expect(index.bestExtensionOf('report-2')).toBeUndefined();
  expect(index.bestExtensionOf('con')).toBeUndefined(); // no label with one token
});

/** What bestExtensionOf must return, by comparing the label with every other. */
function bruteForce(byRank: string[], label: string, separator: string): string | undefined {
  const tokens = label.split(separator);
  return byRank.find((other) => {
    const otherTokens = other.split(separator);
    return other !== label && otherTokens.length === tokens.length && tokens.every((token, at) => otherTokens[at].startsWith(token));
  });
}

test('agrees with comparing every pair, on labels of few letters and many shared tokens', () => {
  let seed = 7;
  const random = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below;
  const word = () => 'ab'.slice(0, 1 + random(2)) + (random(3) === 0 ? 'c' : '');
  const labels = [...new Set(Array.from({ length: 400 }, () => Array.from({ length: 1 + random(5) }, word).join('_')))];
  const index = new TokenPrefixIndex(labels, '_');
  for (const label of labels) expect([label, index.bestExtensionOf(label)]).toEqual([label, bruteForce(labels, label, '_')]);
});

// The search went one call deeper per token: a label of 20,000 tokens (a 40 KB cell, far under the record cap)
// overflowed the stack and ended every command that cleans with "unexpected failure: RangeError: Maximum call stack size exceeded".
test('a label of tens of thousands of tokens is looked up like a short one', () => {
  const long = (word: string, count: number, last: string) => `${`${word}_`.repeat(count)}${last}`;
  const labels = [long('xy', 20_000, 'done'), long('x', 20_000, 'd'), long('x', 20_000, 'e'), long('xy', 20_000, 'dx')];
  const index = new TokenPrefixIndex(labels, '_');
  expect(index.bestExtensionOf(labels[1])).toBe(labels[0]);
  expect(index.bestExtensionOf(labels[2])).toBeUndefined();
  expect(index.bestExtensionOf(labels[3])).toBeUndefined();
  expect(index.bestExtensionOf(long('x', 20_000, ''))).toBe(labels[0]);
});
