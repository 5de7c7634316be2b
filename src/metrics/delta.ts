import { op } from 'arquero';
import { groupRows, groupedBy } from './group-rows.js';
import { count, ratio, type Kpi, type Row } from './kpi.js';

export const delta: Kpi = {
  id: 'delta_pts',
  title: 'Week-over-week change',
  definition:
    '100 * (adoption rate in the report week - adoption rate in the ISO week before), in percentage points, ' +
    'for the same team, task type or other grouping key. Null when either week\'s rate is null ' +
    '(including a group with no task in the previous week). previous_adoption_rate shows the rate it is compared to.',
  grain: 'week',
  dimensions: ['team', 'task_type', '…metrics.groupBy'],
  columns: {
    adoption_by_team: ['delta_pts', 'previous_adoption_rate'],
    adoption_by_task_type: ['delta_pts', 'previous_adoption_rate'],
  },
  compute(context) {
    const { week, previous } = context.report;
    const twoWeeks = context.tasks
      .params({ week, previous })
      .filter((d: { week: string }, $: { week: string; previous: string }) => d.week === $.week || d.week === $.previous);
    const tables: Record<string, Row[]> = {};
    for (const dimension of context.dimensions) {
      const allTeams = dimension !== 'team';
      const rows = groupRows(twoWeeks, { by: ['week'], dimension, includeAll: !allTeams }, (table, keys) =>
        groupedBy(table, keys).rollup({ ai: op.sum('ai'), manual: op.sum('manual') }),
      );
      const previousRate = new Map<unknown, number | null>();
      for (const row of rows) {
        if (row.week === previous) previousRate.set(row[dimension], ratio(count(row.ai), count(row.ai) + count(row.manual)));
      }
      tables[`adoption_by_${dimension}`] = rows
        .filter((row) => row.week === week)
        .map((row) => {
          const current = ratio(count(row.ai), count(row.ai) + count(row.manual));
          const before = previousRate.get(row[dimension]) ?? null;
          return {
            [dimension]: row[dimension],
            ...(allTeams ? { team: '*' } : {}),
            delta_pts: current === null || before === null ? null : 100 * (current - before),
            previous_adoption_rate: before,
          };
        });
    }
    return tables;
  },
};
