import { expect, test } from 'vitest';
import { formatValue } from '../../src/ask/format-values.js';
import { formatColumnValue } from '../../src/metrics/column-catalog.js';

test('answers round one decimal as the report tables do (2416.95 h is 2417.0 in both), without thousands separators', () => {
  expect(formatValue(2416.95, 'hours')).toBe('2417.0 h');
  expect(formatColumnValue('cumulative_hours_saved', 2416.95)).toBe('2,417.0');
  expect(formatValue(0.4523, 'rate')).toBe('45.2%');
  expect(formatValue(-0.04, 'pts')).toBe('0.0 pts');
  expect(formatValue(-1.25, 'pts')).toBe('-1.3 pts');
  expect(formatValue(2.5, 'count')).toBe('2.5');
  expect(formatValue(null, 'hours')).toBe('—');
});
