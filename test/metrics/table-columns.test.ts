import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { tableColumns } from '../../src/metrics/table-columns.js';
import { loadReport } from '../../src/report/load-report.js';

// The sample's last task is in 2026-W47; the clock after it.
const afterTheSample = { now: () => new Date('2026-12-05T00:00:00Z') };

describe('tableColumns', () => {
  it('holds every column a row of the sample report writes, with an extra grouping key too: a KPI that adds a column declares it', async () => {
    const config = parseConfig({ metrics: { groupBy: ['team', 'task_type', 'client_os'] }, privacy: { minGroupSize: 5 } });
    const { metrics } = await loadReport({ source: { input: 'data/sample' }, config, week: 'latest' }, afterTheSample);
    const undeclared = Object.entries(metrics.tables).flatMap(([name, rows]) => {
      const columns = new Set(tableColumns(name));
      return [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((column) => !columns.has(column)).map((column) => `${name}.${column}`);
    });
    expect(undeclared).toEqual([]);
    expect(Object.keys(metrics.tables)).toContain('adoption_by_client_os');
    expect(Object.values(metrics.tables).filter((rows) => rows.length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it('names a table\'s columns whatever its rows: keys, declared columns, suppressed where small groups are', () => {
    expect(tableColumns('harm')).toEqual(['team', 'ai_tasks', 'harmful', 'harm_rate', 'suppressed']);
    expect(tableColumns('power_users')).toEqual(['week', 'user_id', 'team', 'ai_tasks', 'threshold']);
    expect(tableColumns('baselines')).toEqual(['task_type', 'baseline_min', 'manual_tasks_with_duration']);
    expect(tableColumns('adoption_by_client_os').slice(0, 3)).toEqual(['client_os', 'team', 'ai_tasks']);
    expect(tableColumns('alerts').at(-1)).toBe('message');
  });
});
