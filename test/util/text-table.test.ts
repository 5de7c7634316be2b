import { describe, expect, test } from 'vitest';
import { formatMetricsText } from '../../src/metrics/format-metrics-text.js';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { textTable } from '../../src/util/text-table.js';

// A team's name comes from whoever wrote the roster: a right-to-left override (U+202E) in it reversed the rest of
// its line in the terminal, a zero-width space made two names look alike, a tab or escape broke the alignment.
describe('terminal tables show the data\'s control and format characters escaped', () => {
  test('textTable (ask, validate, store info)', () => {
    expect(textTable(['Team', 'Tasks'], [['Fin\u202Eance', 12], ['Le\u200Bgal', 3], ['HR\tOps', null]]).split('\n')).toEqual([
      'Team           Tasks',
      '-------------  -----',
      'Fin\\u202Eance     12',
      'Le\\u200Bgal        3',
      'HR\\x09Ops          —',
    ]);
  });

  test('formatMetricsText (uptake metrics --table)', () => {
    const document = {
      week: '2026-W47', week_start: '2026-11-16', week_end: '2026-11-22', timezone: 'UTC', loaded_dates: null,
      tables: { harm: [{ team: 'Fin\u202Eance', ai_tasks: 4, harmful: 0, harm_rate: 0 }] },
    } as unknown as MetricsDocument;
    const text = formatMetricsText(document);
    expect(text).toContain('Fin\\u202Eance');
    expect(text).not.toContain('\u202E');
  });
});
