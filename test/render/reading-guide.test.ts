import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/metrics/registry.js';
import { readingGuide } from '../../src/render/reading-guide.js';
import { metricsFixture } from '../deliver/metrics-fixture.js';

describe('readingGuide', () => {
  const doc = {
    ...metricsFixture(),
    privacy: { min_group_size: 5, pseudonymized: false },
    thresholds: { accuracy_target: 0.9, coverage_threshold: 0.8, adoption_drop_pts: -10 },
    data_quality: { quarantine_by_reason: { missing_user_id: 5, field_count: 3, unknown_status: 0 }, repairs: { clock_skew: 64 }, durations_dropped: { unknown: 12, too_long: 3 }, teams_filled: 40 },
  };
  doc.accounting = { ...doc.accounting, manual_logs: { rows_read: 30, quarantined: 1, exact_duplicates: 2, retry_duplicates: 0, rows_in_tasks: 27, tasks: 27, conflicting_duplicates: 1 } as never };
  doc.tables.adoption_by_team = [...doc.tables.adoption_by_team, { team: 'Tiny', ai_tasks: 0, manual_tasks: 0, adoption_rate: null, delta_pts: null, user_adoption_rate: null, suppressed: true }];
  const guide = readingGuide(doc);

  it('states the thresholds in force and this run\'s caveats with their counts', () => {
    expect(guide.startsWith('## How to read this report')).toBe(true);
    expect(guide).toContain('- Adoption dropped: a team whose adoption falls by 10 points or more since last week.');
    expect(guide).toContain('- Accuracy target: a task is on target at an accuracy of 0.9 or more');
    expect(guide).toContain('- AI logs: 50 rows read, 2 quarantined (unusable, left out of every figure), 1 exact duplicates merged, 1 retries merged, 0 duplicate ids whose copies disagreed.');
    expect(guide).toContain('- Manual logs: 30 rows read, 1 quarantined (unusable, left out of every figure), 2 exact duplicates merged, 1 duplicate ids whose copies disagreed.');
    expect(guide).toContain('- Quarantined rows by reason: missing user id 5, field count 3 (listed in quarantine.csv).');
    expect(guide).toContain('- Repaired rows: clock skew 64.');
    expect(guide).toContain('- Tasks without a usable duration: 12 unknown, 3 too long; they count as tasks but not in hours saved.');
    expect(guide).toContain('- Logging coverage: The one user logged at least 80 % of the AI tasks they reported in 2026-10: no logging blind spots.');
    expect(guide).toContain('- Data gaps: 1 team-day this week with no tasks where that weekday usually has several');
    expect(guide).toContain('- Privacy: groups with fewer than 5 users are withheld (†); 1 row was withheld across this run\'s tables (every loaded week and month).');
  });

  it('says the adoption-drop alert is off when the run turned it off, instead of printing the default', () => {
    const off = readingGuide({ ...doc, thresholds: { ...doc.thresholds, adoption_drop_pts: null } });
    expect(off).toContain('- Adoption dropped: this alert is turned off.');
    expect(off).not.toContain('falls by 10 points');
  });

  it('states the task-type drop line when the document records it, and says nothing of it in an older document', () => {
    const recorded = readingGuide({ ...doc, thresholds: { ...doc.thresholds!, task_type_drop_pts: -12 } });
    expect(recorded).toContain('- Task type adoption dropped: a task type whose adoption, all teams together, falls by 12 points or more since last week.');
    // a line at or above zero cannot be called a fall of N points
    expect(readingGuide({ ...doc, thresholds: { ...doc.thresholds!, adoption_drop_pts: 2.5 } })).toContain('- Adoption dropped: a team whose adoption rises by at most 2.5 points (or falls) since last week.');
    expect(readingGuide({ ...doc, thresholds: { ...doc.thresholds!, task_type_drop_pts: null } })).toContain('- Task type adoption dropped: this alert is turned off.');
    expect(readingGuide(doc)).not.toContain('Task type adoption dropped');
  });

  // The list named the adoption drops, the accuracy target and logging coverage only, while page 1 showed alerts of
  // the other rules ("Accuracy below target ... (alert below 80.0 %)") with no line stated for them.
  it('states the line of every alert rule the document records, a rule turned off as off', () => {
    const all = { ...doc, thresholds: { ...doc.thresholds!, task_type_drop_pts: -10, asi_below_target: 0.8, asi_falling: -0.1, harm_rate: 0.005, idle_seats: 0.3 } };
    all.tables = { ...all.tables, idle_seats: [{ team: '*', licensed_users: 10, idle_seats: 1, idle_share: 0.1, idle_weeks: 4 }] } as never;
    const lines = readingGuide(all).split('\n').filter((line) => line.startsWith('- ') && line.includes(': a '));
    expect(lines).toEqual([
      '- Adoption dropped: a team whose adoption falls by 10 points or more since last week.',
      '- Task type adoption dropped: a task type whose adoption, all teams together, falls by 10 points or more since last week.',
      '- Accuracy target: a task is on target at an accuracy of 0.9 or more; ASI is the share of evaluated tasks on target.',
      '- Accuracy below target: a team whose ASI for the month is below 80 %.',
      '- Accuracy falling: a team whose ASI falls by 10 points or more from the month before.',
      '- Harmful outputs: a team with more than 0.5 % of its AI tasks of the week flagged harmful.',
      '- Idle seats: a team with 30 % or more of its licensed seats without an AI task in the last 4 weeks.',
      '- Logging coverage: a user who logs less than 80 % of the AI tasks they report is a logging blind spot.',
    ]);
    expect(readingGuide({ ...all, thresholds: { ...all.thresholds, harm_rate: null } })).toContain('- Harmful outputs: this alert is turned off.');
  });

  it('defines every registered KPI, from the registry', () => {
    for (const entry of glossary()) expect(guide).toContain(`**${entry.title.replace(/[()]/g, (char) => `\\${char}`)}.**`);
  });
});
