import { ALERT_COLUMNS } from './alerts.js';
import { registry } from './registry.js';
import { tableLayouts } from './table-layouts.js';

/**
 * Every column a table of the metrics document may hold, in order: its keys, the columns the KPIs declare for it
 * (registry order; the people KPIs, which suppress small teams themselves, declare `suppressed`), `suppressed` where
 * small groups are suppressed; an alert's fields for `alerts`. A CSV or a
 * sheet of a table is headed with them whatever its rows hold: an empty table keeps its header. A table
 * `adoption_by_<key>` of a metrics.groupBy key has the columns of adoption_by_task_type (its rows span all teams).
 * @example tableColumns('harm') // ['team', 'ai_tasks', 'harmful', 'harm_rate', 'suppressed']
 */
export function tableColumns(name: string): string[] {
  if (name === 'alerts') return [...ALERT_COLUMNS];
  const dimension = name.startsWith('adoption_by_') ? name.slice('adoption_by_'.length) : null;
  const layout = tableLayouts(dimension === null ? [] : [dimension]).find((candidate) => candidate.name === name);
  const declaredFor = dimension === null || dimension === 'team' ? name : 'adoption_by_task_type';
  const columns = [
    ...(layout?.keys ?? []),
    ...(dimension !== null && dimension !== 'team' ? ['team'] : []),
    ...registry.flatMap((kpi) => kpi.columns[declaredFor] ?? []),
    ...(layout?.privacy ? ['suppressed'] : []),
  ];
  return [...new Set(columns)];
}
