import type { InputKind, LogSource, SourceAccounting } from '../clean/types.js';
import type { PlacedRows } from './render-files.js';
import type { SimulatedActivity } from './simulate-activity.js';

export interface RowAccount {
  accounting: Record<InputKind, SourceAccounting>;
  quarantineByReason: Record<string, number>;
  quarantineBySource: Record<InputKind, Record<string, number>>;
  repairsBySource: Record<LogSource, { clock_skew: number }>;
}

// CONTRACT section 2 accounting, derived from what the files actually hold, and cross-checked
// against the simulation so a generator bug cannot hide in the truth.
/**
 * @example accountRows(activity, placed).accounting.ai_logs.rows_read
 */
export function accountRows(activity: SimulatedActivity, placed: PlacedRows): RowAccount {
  const quarantineBySource: Record<InputKind, Record<string, number>> = { ai_logs: {}, manual_logs: {}, user_monthly_summary: {} };
  const repairsBySource: Record<LogSource, { clock_skew: number }> = { ai_logs: { clock_skew: 0 }, manual_logs: { clock_skew: 0 } };
  const accounting = {} as Record<InputKind, SourceAccounting>;
  for (const source of ['ai_logs', 'manual_logs'] as const) {
    const rows = placed[source];
    const ids = new Set<string>();
    const retryIds = new Set<string>();
    let quarantined = 0;
    let kept = 0;
    for (const row of rows) {
      if (row.quarantine !== null) {
        quarantined++;
        quarantineBySource[source][row.quarantine] = (quarantineBySource[source][row.quarantine] ?? 0) + 1;
        continue;
      }
      kept++;
      if (row.swapped) repairsBySource[source].clock_skew++;
      ids.add(row.id);
      if (row.retryDuplicate) retryIds.add(row.id);
    }
    const tasks = activity.tasks.filter((task) => task.source === source).length;
    const rowsInTasks = ids.size - retryIds.size;
    const simulatedRowsInTasks = activity.rows.filter((row) => row.source === source && row.quarantine === null && !row.retryDuplicate).length;
    if (rowsInTasks !== simulatedRowsInTasks) {
      throw new Error(`generator bug: ${source} files hold ${rowsInTasks} task rows, the simulation made ${simulatedRowsInTasks}`);
    }
    accounting[source] = {
      rows_read: rows.length,
      quarantined,
      exact_duplicates: kept - ids.size,
      retry_duplicates: retryIds.size,
      rows_in_tasks: rowsInTasks,
      tasks,
    };
  }
  const rosterRows = activity.roster.length;
  const rosterQuarantined = activity.rosterQuarantine.length;
  if (rosterQuarantined > 0) quarantineBySource.user_monthly_summary.missing_user_id = rosterQuarantined;
  accounting.user_monthly_summary = {
    rows_read: rosterRows + rosterQuarantined,
    quarantined: rosterQuarantined,
    exact_duplicates: 0,
    retry_duplicates: 0,
    rows_in_tasks: rosterRows,
    tasks: rosterRows,
  };
  const quarantineByReason: Record<string, number> = {};
  for (const reasons of Object.values(quarantineBySource)) {
    for (const [reason, count] of Object.entries(reasons)) quarantineByReason[reason] = (quarantineByReason[reason] ?? 0) + count;
  }
  const sorted = (record: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    accounting,
    quarantineByReason: sorted(quarantineByReason),
    quarantineBySource: {
      ai_logs: sorted(quarantineBySource.ai_logs),
      manual_logs: sorted(quarantineBySource.manual_logs),
      user_monthly_summary: sorted(quarantineBySource.user_monthly_summary),
    },
    repairsBySource,
  };
}
