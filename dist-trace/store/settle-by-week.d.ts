import type { TaskTableColumns } from '../clean/task-table.js';
/** What the duration and team rules (CONTRACT 2.7, 2.8) did to one ISO week's tasks: its facts row keeps these counts. */
export interface WeekSettling {
    tasks: number;
    teamsFilled: number;
    durationsUnknown: number;
    durationsTooLong: number;
}
/**
 * Settles a task table (`settle` applies the duration and team rules to `columns` in place) and tells, per ISO
 * week of the report zone, what the rules did: a store settles two weeks as one table and keeps each week's
 * counts with its facts. A team filled is a blank team the rules gave one; a duration too long is a known
 * duration the rules dropped; an unknown one was unknown before.
 * @example settleByWeek(columns, 'UTC', () => settleTasks(parsed, config, built)).weeks.get('2026-W47') // { tasks: 812, teamsFilled: 3, ... }
 */
export declare function settleByWeek<Settled>(columns: TaskTableColumns, zone: string, settle: () => Settled): {
    settled: Settled;
    weeks: Map<string, WeekSettling>;
};
