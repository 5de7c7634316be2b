import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { loadReport, reportOn } from '../../src/report/load-report.js';

const config = parseConfig({});
// The sample's last task is in 2026-W47; the clock after it, so `latest` is that week.
const afterTheSample = { now: () => new Date('2026-12-05T00:00:00Z') };

describe('loadReport', () => {
  it('resolves the week once: a ReportWeek with its dates, zone and whether it was `latest`, and the metrics for it', async () => {
    const report = await loadReport({ source: { input: 'data/sample' }, config, week: 'latest' }, afterTheSample);
    expect(report.week).toEqual({
      week: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-22',
      thursday: '2026-11-19',
      previous: '2026-W46',
      month: '2026-11',
      rosterMonth: '2026-11',
      zone: 'UTC',
      latest: true,
    });
    expect([report.metrics.week, report.metrics.week_start, report.metrics.week_end]).toEqual(['2026-W47', '2026-11-16', '2026-11-22']);
    expect(report.input).toBe('data/sample');
  });

  it('with week null only cleans; reportOn then gives any week the same document loadReport would', async () => {
    const loaded = await loadReport({ input: 'data/sample', config, week: null }, afterTheSample);
    expect(Object.keys(loaded).sort()).toEqual(['config', 'data', 'files', 'input']);
    const week45 = reportOn(loaded, '2026-W45');
    expect([week45.week.week, week45.week.latest, week45.metrics.week]).toEqual(['2026-W45', false, '2026-W45']);
    const direct = await loadReport({ input: 'data/sample', config, week: '2026-W45' }, afterTheSample);
    expect(JSON.stringify(direct.metrics)).toBe(JSON.stringify(week45.metrics));
  });

  it('a week the data lacks is blamed on --week, or on the notebook parameter it came from (weekParameter)', async () => {
    await expect(loadReport({ input: 'data/sample', config, week: '2026-W30' }, afterTheSample)).rejects.toMatchObject({ kind: 'usage', message: expect.stringMatching(/^--week: expected a week that holds data, got `2026-W30`; weeks available: 2026-W40, /) });
    await expect(loadReport({ input: 'data/sample', config, week: '2026-W30', weekParameter: 'week' }, afterTheSample)).rejects.toMatchObject({ kind: 'usage', message: expect.stringMatching(/^notebook parameter `week`: expected a week that holds data, got `2026-W30`; weeks available: 2026-W40, /) });
  });

  it('the run\'s clock bounds `latest`: on the Sunday of 2026-W47 that week is not over yet', async () => {
    const report = await loadReport({ input: 'data/sample', config }, { now: () => new Date('2026-11-22T12:00:00Z') });
    expect(report.week.week).toBe('2026-W46');
  });

  it('through a store: the first load fills it, the second reads no log file again, and both give the metrics of the input alone', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'uptake-load-report-'));
    try {
      const store = join(folder, 'store.duckdb');
      const direct = await loadReport({ input: 'data/sample', config, week: '2026-W47' }, afterTheSample);
      const first = await loadReport({ source: { input: 'data/sample', store }, config, week: '2026-W47' }, afterTheSample);
      const lines: string[] = [];
      const second = await loadReport({ input: 'data/sample', store, config, week: '2026-W47' }, { ...afterTheSample, log: (line) => lines.push(line) });
      expect(JSON.stringify(first.metrics)).toBe(JSON.stringify(direct.metrics));
      expect(JSON.stringify(second.metrics)).toBe(JSON.stringify(direct.metrics));
      expect(lines.join('\n')).toMatch(/skipped 16 of 16 log files/);
      await expect(loadReport({ input: 'data/sample', store, config, week: '2026-W30', weekParameter: 'week' }, afterTheSample)).rejects.toMatchObject({ kind: 'usage', message: expect.stringMatching(/^notebook parameter `week`: expected a week that holds data, got `2026-W30`/) });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
