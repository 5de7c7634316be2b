import { describe, expect, it } from 'vitest';
import { reportableWeeks } from '../../src/automate/reportable-weeks.js';

describe('reportableWeeks', () => {
  it('keeps weeks whose Sunday has ended in the report zone', () => {
    // Monday 2026-11-23 00:30 UTC: W47 is over in UTC, but in New York it is still Sunday 2026-11-22.
    const now = Date.parse('2026-11-23T00:30:00Z');
    expect(reportableWeeks(['2026-W48', '2026-W47', '2026-W46', '2026-W47'], now, 'UTC')).toEqual(['2026-W46', '2026-W47']);
    expect(reportableWeeks(['2026-W48', '2026-W47', '2026-W46'], now, 'America/New_York')).toEqual(['2026-W46']);
  });
});
