import { describe, expect, it } from 'vitest';
import { edgeWeeks, edgeWeeksText } from '../../src/automate/edge-weeks.js';

// A weekly export cut in UTC: Monday 00:05 to Sunday 23:50 of 2026-W47.
const W47 = { file: 'ai_logs_2026-W47.csv', span: { first: '2026-11-16T00:05:00.000Z', last: '2026-11-22T23:50:00.000Z' } };

describe('edgeWeeks', () => {
  it('leaves out a week that only the last hours of another week\'s file reach into, read in a zone ahead', () => {
    const { own, edge } = edgeWeeks(['2026-W47', '2026-W48'], [{ ...W47, weeks: ['2026-W47', '2026-W48'] }], 'Asia/Tokyo');
    expect(own).toEqual(['2026-W47']);
    expect(edge).toEqual([{ week: '2026-W48', files: ['ai_logs_2026-W47.csv'], covered: { first: '2026-11-22T15:00:00.000Z', last: '2026-11-22T23:50:00.000Z' } }]);
    expect(edgeWeeksText(edge, 'Asia/Tokyo')).toBe(
      '2026-W48 not reported: only the edge of ai_logs_2026-W47.csv reaches into it (2026-11-23 00:00 to 08:50 Asia/Tokyo); it is reported once a file of its own lands, or by the scheduled run',
    );
  });

  it('names a file once when contents it held one after another (a correction, then the original again) reach into the week', () => {
    const corrected = { ...W47, weeks: ['2026-W47', '2026-W48'] };
    const { edge } = edgeWeeks(['2026-W47', '2026-W48'], [corrected, { ...corrected, span: { ...W47.span, last: '2026-11-22T23:40:00.000Z' } }], 'Asia/Tokyo');
    expect(edgeWeeksText(edge, 'Asia/Tokyo')).toBe(
      '2026-W48 not reported: only the edge of ai_logs_2026-W47.csv reaches into it (2026-11-23 00:00 to 08:50 Asia/Tokyo); it is reported once a file of its own lands, or by the scheduled run',
    );
  });

  it('leaves out the week before that the first hours reach into, read in a zone behind, unless it has a file of its own', () => {
    const files = [{ ...W47, weeks: ['2026-W46', '2026-W47'] }];
    expect(edgeWeeks(['2026-W46', '2026-W47'], files, 'America/Los_Angeles')).toMatchObject({ own: ['2026-W47'], edge: [{ week: '2026-W46' }] });
    // W46's own export (in the ledger, or in the batch) makes it a week to report again with the new rows
    const w46 = { file: 'ai_logs_2026-W46.csv', weeks: ['2026-W46'], span: { first: '2026-11-09T08:00:00.000Z', last: '2026-11-15T23:00:00.000Z' } };
    expect(edgeWeeks(['2026-W46', '2026-W47'], [...files, w46], 'America/Los_Angeles')).toEqual({ own: ['2026-W46', '2026-W47'], edge: [] });
  });

  it('keeps a week of a few rows or a few days as its own: a file that lies mostly in it, or whose weeks came from its name', () => {
    const tuesday = { file: 'ai_logs_a.csv', weeks: ['2026-W47'], span: { first: '2026-11-17T09:00:00.000Z', last: '2026-11-17T09:00:00.000Z' } };
    const weekdays = { file: 'manual_logs_b.csv', weeks: ['2026-W47'], span: { first: '2026-11-16T08:00:00.000Z', last: '2026-11-20T18:00:00.000Z' } };
    const named = { file: 'ai_logs_2026-W48.csv', weeks: ['2026-W48'] };
    expect(edgeWeeks(['2026-W47', '2026-W48'], [tuesday, weekdays, named], 'Asia/Tokyo')).toEqual({ own: ['2026-W47', '2026-W48'], edge: [] });
    // as much of a file on each side of midnight: neither week is an edge of the other
    const midnight = { file: 'ai_logs_c.csv', weeks: ['2026-W47', '2026-W48'], span: { first: '2026-11-22T12:00:00.000Z', last: '2026-11-23T12:00:00.000Z' } };
    expect(edgeWeeks(['2026-W47', '2026-W48'], [midnight], 'UTC').own).toEqual(['2026-W47', '2026-W48']);
  });

  it('takes a ledger entry of an older uptake (no span) to own the week its name names, else each of its weeks', () => {
    const old = { file: 'ai_logs_2026-W47.csv', weeks: ['2026-W46', '2026-W47', '2026-W48'] };
    const { own, edge } = edgeWeeks(['2026-W46', '2026-W47', '2026-W48'], [old, { file: 'manual_logs_2026-W47.csv.gz', weeks: ['2026-W47', '2026-W48'] }], 'Asia/Tokyo');
    expect(own).toEqual(['2026-W47']);
    expect(edge.map((week) => [week.week, week.files])).toEqual([
      ['2026-W46', ['ai_logs_2026-W47.csv']],
      ['2026-W48', ['ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz']],
    ]);
    // a name without a week: each of its weeks is its own, as before
    expect(edgeWeeks(['2026-W47', '2026-W48'], [{ file: 'ai_logs_export.csv', weeks: ['2026-W47', '2026-W48'] }], 'UTC').own).toEqual(['2026-W47', '2026-W48']);
  });

  it('does not count a roster month or a refused file as a week\'s own', () => {
    const files = [
      { ...W47, weeks: ['2026-W47', '2026-W48'] },
      { file: 'user_monthly_summary_2026-11.csv', weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'] },
      { file: 'ai_logs_2026-W48.csv', weeks: ['2026-W48'], rejected: 'over the size cap' },
    ];
    expect(edgeWeeks(['2026-W47', '2026-W48'], files, 'Asia/Tokyo')).toMatchObject({ own: ['2026-W47'], edge: [{ week: '2026-W48' }] });
  });

  it('names at most 20 files, then how many more (a folder of years of exports made a line of every one)', () => {
    const files = Array.from({ length: 30 }, (_, index) => `ai_logs_part${String(index).padStart(2, '0')}.csv`);
    const text = edgeWeeksText([{ week: '2026-W48', files, covered: { first: '2026-11-22T15:00:00.000Z', last: '2026-11-22T23:50:00.000Z' } }], 'Asia/Tokyo');
    expect(text).toContain('only the edge of ai_logs_part00.csv, ai_logs_part01.csv, ');
    expect(text).toContain('ai_logs_part19.csv and 10 more reaches into it');
    expect(text).not.toContain('ai_logs_part20.csv');
  });
});

