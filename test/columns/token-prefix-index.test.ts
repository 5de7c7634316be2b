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
