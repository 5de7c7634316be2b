import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_WIDTH, VEGA_LITE_SCHEMA, isShown } from './chart-style.js';

/**
 * Adoption rate per task type in the report week (bars, highest first).
 * @example adoptionByTaskTypeChart(doc).encoding.y.field // 'task_type'
 */
export function adoptionByTaskTypeChart(doc: MetricsDocument): TopLevelSpec {
  const values = doc.tables.adoption_by_task_type
    .filter((row) => isShown(row) && typeof row.adoption_rate === 'number')
    .map((row) => ({
      task_type: row.task_type,
      adoption_rate: row.adoption_rate,
      delta_pts: row.delta_pts,
      ai_tasks: row.ai_tasks,
      manual_tasks: row.manual_tasks,
    }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: `Adoption by task type, ${doc.week}`,
    description: 'Share of tasks done with AI per task type in the report week, all teams together.',
    width: CHART_WIDTH,
    height: Math.min(480, Math.max(120, values.length * 24)),
    data: { values },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: {
      y: { field: 'task_type', type: 'nominal', title: 'Task type', sort: '-x' },
      x: { field: 'adoption_rate', type: 'quantitative', title: 'Adoption rate', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      tooltip: [
        { field: 'task_type', type: 'nominal', title: 'Task type' },
        { field: 'adoption_rate', type: 'quantitative', title: 'Adoption rate', format: '.1%' },
        { field: 'delta_pts', type: 'quantitative', title: 'Change (points)', format: '+.1f' },
        { field: 'ai_tasks', type: 'quantitative', title: 'AI tasks' },
        { field: 'manual_tasks', type: 'quantitative', title: 'Manual tasks' },
      ],
    },
  };
}
