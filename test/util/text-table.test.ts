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

describe('terminal tables of the data list a bounded number of rows', () => {
  test('textTable with `shown`: the first rows, then how many more and where they all are', () => {
    const rows = Array.from({ length: 200_000 }, (_, index) => [`team${index}`, index]);
    const lines = textTable(['team', 'tasks'], rows, { most: 2, allIn: 'all of them in --json' }).split('\n');
    expect(lines).toEqual(['team   tasks', '-----  -----', 'team0      0', 'team1      1', '… and 199,998 more (all of them in --json)']);
  });

  test('formatMetricsText shows 2,000 rows of a table (200,000 task types made a RangeError), then counts the rest', () => {
    const rows = Array.from({ length: 200_000 }, (_, index) => ({ task_type: `type${index}`, ai_tasks: 1, manual_tasks: 0, adoption_rate: 1 }));
    const document = { week: '2026-W47', week_start: '2026-11-16', week_end: '2026-11-22', timezone: 'UTC', loaded_dates: null, tables: { adoption_by_task_type: rows } } as unknown as MetricsDocument;
    const lines = formatMetricsText(document).trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('type'))).toHaveLength(2000);
    expect(lines.slice(-2)).toEqual([expect.stringMatching(/^type1999 /), '… and 198,000 more rows (--json lists all)']);
  });
});

