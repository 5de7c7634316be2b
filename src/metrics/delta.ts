import type { Config } from '../config/schema.js';
import { columnValues } from '../columns/column-values.js';
import { allRowsOf, scopeGroups, sumByGroup } from '../columns/index.js';
import { ratio, type Kpi, type KpiContext, type Row } from './kpi.js';
import { taskRows } from './task-rows.js';

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
  // Facts: AI and manual tasks per week and value of each grouping key (teams plus "*"), so that the week
  // before is read from its facts, never from its tasks.
  facts(tasks, config) {
    const ai = columnValues(tasks, 'ai') as ArrayLike<unknown>;
    const manual = columnValues(tasks, 'manual') as ArrayLike<unknown>;
    const rows: Row[] = [];
    for (const dimension of groupingKeys(config).filter((key) => tasks.columnNames().includes(key))) {
      const groups = scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension, includeAll: dimension === 'team' });
      const aiTasks = sumByGroup(groups, ai);
      const manualTasks = sumByGroup(groups, manual);
      groups.keys.forEach((keys, group) => rows.push({ week: keys.week, dimension, value: keys[dimension], ai_tasks: aiTasks[group], manual_tasks: manualTasks[group] }));
    }
    return { adoption_weeks_by_key: rows };
  },
  compute(context) {
    const { reportWeek } = taskRows(context);
    const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
    const manual = columnValues(context.tasks, 'manual') as ArrayLike<number>;
    const previousRate = ratesOfWeek(context, context.report.previous);
    const tables: Record<string, Row[]> = {};
    for (const dimension of context.dimensions) {
      const allTeams = dimension !== 'team';
      const current = scopeGroups(context.tasks, reportWeek, { by: [], dimension, includeAll: !allTeams });
      const currentAi = sumByGroup(current, ai);
      const currentManual = sumByGroup(current, manual);
      tables[`adoption_by_${dimension}`] = current.keys.map((row, group) => {
        const rate = ratio(currentAi[group], currentAi[group] + currentManual[group]);
        const previous = previousRate.get(keyOf(dimension, row[dimension])) ?? null;
        return {
          [dimension]: row[dimension],
          ...(allTeams ? { team: '*' } : {}),
          delta_pts: rate === null || previous === null ? null : 100 * (rate - previous),
          previous_adoption_rate: previous,
        };
      });
    }
    return tables;
  },
};

/**
 * The adoption tables' grouping keys as the config names them: team, task type, then metrics.groupBy's others.
 * @example groupingKeys(parseConfig({ metrics: { groupBy: ['region'] } })) // ['team', 'task_type', 'region']
 */
export function groupingKeys(config: Config): string[] {
  return [...new Set(['team', 'task_type', ...config.metrics.groupBy])];
}

// A week's adoption rate per grouping key and value, from the facts (null: no AI and no manual task).
function ratesOfWeek(context: KpiContext, week: string): Map<string, number | null> {
  const rates = new Map<string, number | null>();
  for (const row of context.facts.adoption_weeks_by_key ?? []) {
    if (row.week !== week) continue;
    const ai = row.ai_tasks as number;
    rates.set(keyOf(row.dimension as string, row.value), ratio(ai, ai + (row.manual_tasks as number)));
  }
  return rates;
}

const keyOf = (dimension: string, value: unknown): string => `${dimension}\u0000${String(value)}`;
