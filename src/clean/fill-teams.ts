import { monthOf } from '../util/iso-week.js';
import { rosterKey, teamKey, type Roster } from './load-roster.js';
import type { TaskColumns } from './stitch-sessions.js';

/**
 * CONTRACT 2.8 and 1: a team is matched case-insensitively to the roster's spelling; a blank team
 * comes from the roster for that user and the month of the task's start (report zone).
 * @example fillTeams(tasks, roster, 'UTC') // 17 (teams filled from the roster)
 */
export function fillTeams(tasks: TaskColumns, roster: Pick<Roster, 'byUserMonth' | 'teamSpelling'>, zone: string): number {
  let filled = 0;
  for (let index = 0; index < tasks.length; index += 1) {
    const written = tasks.team[index];
    if (written !== null) {
      tasks.team[index] = roster.teamSpelling.get(teamKey(written)) ?? written.trim();
      continue;
    }
    const entry = roster.byUserMonth.get(rosterKey(tasks.userId[index], monthOf(tasks.startedAt[index], zone)));
    if (entry?.team) {
      tasks.team[index] = roster.teamSpelling.get(teamKey(entry.team)) ?? entry.team;
      filled += 1;
    }
  }
  return filled;
}
