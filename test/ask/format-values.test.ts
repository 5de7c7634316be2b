import { expect, test } from 'vitest';
import { formatChange, formatValue } from '../../src/ask/format-values.js';
import { formatColumnValue, formatCount, formatRate } from '../../src/metrics/column-catalog.js';

test('answers write numbers as the report, the mail and Slack do: "45.2 %", counts and hours with thousands separators', () => {
  expect(formatValue(2416.95, 'hours')).toBe('2,417.0 h');
  expect(formatColumnValue('cumulative_hours_saved', 2416.95)).toBe('2,417.0');
  expect(formatValue(0.4523, 'rate')).toBe('45.2 %');
  expect(formatValue(0.4523, 'rate')).toBe(formatRate(0.4523));
  expect(formatValue(-0.04, 'pts')).toBe('0.0 pts');
  expect(formatValue(-1.25, 'pts')).toBe('-1.3 pts');
  expect(formatValue(12.25, 'pts')).toBe('+12.3 pts');
  expect(formatValue(47209, 'count')).toBe('47,209');
  expect(formatValue(47209, 'count')).toBe(formatCount(47209));
  expect(formatValue(1008.5, 'count')).toBe('1,008.5');
  expect(formatValue(95.25, 'minutes')).toBe('95.3 min');
  expect(formatChange(1302.44, 'hours')).toBe('+1,302.4 h');
  expect(formatValue(null, 'hours')).toBe('—');
});
