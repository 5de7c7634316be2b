import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { CodedColumn, NullableNumbers, takeRows } from '../../src/columns/index.js';

describe('takeRows', () => {
  it('keeps the given rows in order, coded and number columns typed, other columns as views', () => {
    const source = table({
      team: new CodedColumn(Int32Array.of(0, -1, 1, 0), ['Finance', 'Legal']),
      accuracy: new NullableNumbers(Float64Array.of(0.5, Number.NaN, 0.9, 1)),
      started_at: Float64Array.of(10, 20, 30, 40),
      prompt: ['a', 'b', 'c', 'd'],
    });
    const taken = takeRows(source, Int32Array.of(3, 1, 2));
    expect(taken.objects()).toEqual([
      { team: 'Finance', accuracy: 1, started_at: 40, prompt: 'd' },
      { team: null, accuracy: null, started_at: 20, prompt: 'b' },
      { team: 'Legal', accuracy: 0.9, started_at: 30, prompt: 'c' },
    ]);
    expect(taken.column('team')).toBeInstanceOf(CodedColumn);
    expect(taken.column('accuracy')).toBeInstanceOf(NullableNumbers);
    expect(taken.column('started_at')).toBeInstanceOf(Float64Array);
    expect(takeRows(source, new Int32Array(0)).numRows()).toBe(0);
  });
});
