import { type Roster } from './load-roster.js';
import type { TaskColumns } from './task-table.js';
/**
 * CONTRACT 2.8 and 1: a team is matched case-insensitively to the roster's spelling; a blank team
 * comes from the roster for that user and the month of the task's start (report zone).
 * @example fillTeams(tasks, roster, 'UTC') // 17 (teams filled from the roster)
 */
export declare function fillTeams(tasks: TaskColumns, roster: Pick<Roster, 'entries' | 'teamSpelling'>, zone: string): number;
