import { describe, expect, it } from 'vitest';
import type { AdoptionTrendRow, MetricsDocument } from '../../src/metrics/document.js';
import { weekBeforeNote } from '../../src/render/week-before-note.js';

// A document of `week` whose adoption_trend holds the all-teams row of each of `weeks` (the weeks with tasks).
function documentOf(week: string, weeks: string[]): MetricsDocument {
  const trend: AdoptionTrendRow[] = weeks.map((trendWeek) => ({ week: trendWeek, team: '*', ai_tasks: 3, manual_tasks: 1, adoption_rate: 0.75 }));
  return { week, tables: { adoption_trend: trend } } as unknown as MetricsDocument;
}

describe('weekBeforeNote', () => {
  it('says the first week of the data has no week before it to compare with', () => {
    expect(weekBeforeNote(documentOf('2026-W40', ['2026-W40', '2026-W41']))).toBe('No week before 2026-W40 in the data to compare with.');
  });

  it('says which week is missing when earlier weeks hold tasks but the one before does not', () => {
    expect(weekBeforeNote(documentOf('2026-W44', ['2026-W40', '2026-W41', '2026-W42', '2026-W44']))).toBe('No tasks in 2026-W43, the week before 2026-W44, to compare with.');
  });

  it('is null when the data holds the week before, across a year end too', () => {
    expect(weekBeforeNote(documentOf('2026-W41', ['2026-W40', '2026-W41']))).toBeNull();
    expect(weekBeforeNote(documentOf('2027-W01', ['2026-W53', '2027-W01']))).toBeNull();
  });
});
