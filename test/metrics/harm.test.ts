import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { isHarmfulAiTask } from '../../src/metrics/harm.js';
import { makeCleanedData, repeat, testConfig } from './make-cleaned-data.js';

describe('harm', () => {
  it('the rule: an AI task flagged harmful (true, not null or false); a non-AI task never', () => {
    expect([isHarmfulAiTask(true, true), isHarmfulAiTask(true, false), isHarmfulAiTask(true, null), isHarmfulAiTask(false, true)]).toEqual([true, false, false, false]);
  });

  it('harmful completed AI tasks over completed AI tasks, per team with an AI task, plus "*"', () => {
    const data = makeCleanedData({
      tasks: [
        { user_id: 'a', team: 'Finance', started_at: '2026-11-16T09:00:00Z', harmful: true },
        { user_id: 'a', team: 'Finance', started_at: '2026-11-16T10:00:00Z', harmful: null },
        ...repeat(2, { user_id: 'b', team: 'Finance', started_at: '2026-11-17T10:00:00Z', harmful: false }),
        { user_id: 'b', team: 'Finance', status: 'abandoned', started_at: '2026-11-17T11:00:00Z', harmful: true },
        { source: 'manual_logs', user_id: 'c', team: 'Legal', started_at: '2026-11-17T11:00:00Z' },
        ...repeat(2, { user_id: 'd', team: 'Ops', started_at: '2026-11-18T11:00:00Z' }),
        { user_id: 'e', team: null, started_at: '2026-11-18T11:00:00Z', harmful: true },
        { user_id: 'a', team: 'Finance', started_at: '2026-11-10T09:00:00Z', harmful: true }, // previous week
      ],
    });
    expect(computeMetrics(data, testConfig(), '2026-W47').tables.harm).toEqual([
      { team: '*', ai_tasks: 7, harmful: 2, harm_rate: 2 / 7, suppressed: false },
      { team: 'Finance', ai_tasks: 4, harmful: 1, harm_rate: 0.25, suppressed: false },
      { team: 'Ops', ai_tasks: 2, harmful: 0, harm_rate: 0, suppressed: false },
    ]);
  });

  it('keeps a "*" row with a null rate when the week has no AI task', () => {
    const data = makeCleanedData({ tasks: [{ source: 'manual_logs', user_id: 'c', team: 'Legal', started_at: '2026-11-17T11:00:00Z' }] });
    expect(computeMetrics(data, testConfig(), '2026-W47').tables.harm).toEqual([{ team: '*', ai_tasks: 0, harmful: 0, harm_rate: null, suppressed: false }]);
  });
});
