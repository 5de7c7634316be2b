import { table } from 'arquero';
import type { ColumnTable } from 'arquero';

export const SUNDAY_NIGHT_UTC = Date.UTC(2026, 10, 22, 23, 30); // Monday 00:30 in Berlin -> 2026-W48 there
export const MONDAY_UTC = Date.UTC(2026, 10, 16, 8, 0); // 2026-W47
export const INJECTION = `x'); DROP TABLE uptake_tasks; --`;

// Three cleaned tasks: one with a hostile prompt, one with a pass-through column, one with nulls.
export function tasksFixture(): ColumnTable {
  return table({
    source: ['ai_logs', 'ai_logs', 'manual_logs'],
    task_id: ['t1', 't2', 'm1'],
    user_id: ['u1', 'u2', 'u3'],
    team: ['Finance', 'R&D "Labs"', null],
    task_type: ['budget_reconciliation', 'contract_review', 'budget_reconciliation'],
    started_at: [MONDAY_UTC, SUNDAY_NIGHT_UTC, MONDAY_UTC + 3_600_000],
    duration_ms: [90_000, 1500.5, null],
    status: ['completed', 'abandoned', 'completed'],
    accuracy: [0.95, null, null],
    harmful: [false, true, null],
    fragments: [2, 1, 1],
    prompt: [INJECTION, 'plain', null],
    tool_version: ['1.2', null, null],
    client: ['desktop', null, 'web'],
  });
}
