import { monthOf } from '../util/iso-week.js';
import { byQuarterHour, memoized, perCode, rewriteCodes } from '../columns/index.js';
import { teamKey, type Roster, type RosterEntry } from './load-roster.js';
import type { TaskColumns } from './task-table.js';

/**
 * CONTRACT 2.8 and 1: a team is matched case-insensitively to the roster's spelling; a blank team
 * comes from the roster for that user and the month of the task's start (report zone).
 * @example fillTeams(tasks, roster, 'UTC') // 17 (teams filled from the roster)
 */
export function fillTeams(tasks: TaskColumns, roster: Pick<Roster, 'entries' | 'teamSpelling'>, zone: string): number {
  const { team: teams, user_id: users, started_at: starts } = tasks.columns;
  // The roster's row for a user and month (the first one when repeated).
  const rosterByUser = new Map<string, Map<string, RosterEntry>>();
  for (const entry of roster.entries) {
    let months = rosterByUser.get(entry.userId);
    if (!months) rosterByUser.set(entry.userId, (months = new Map()));
    if (!months.has(entry.month)) months.set(entry.month, entry);
  }
  const rosterOfUser = perCode(users, (user) => (user === null ? undefined : rosterByUser.get(user)));
  const monthOfStart = byQuarterHour((epochMs) => monthOf(epochMs, zone));
  // A written team takes the roster's spelling of it (case-insensitive, NFC), else its own, trimmed and in NFC (one
  // spelling of `ü` off the roster too).
  const spellWritten = memoized((written: string) => roster.teamSpelling.get(teamKey(written)) ?? written.trim().normalize('NFC'));
  const spellRoster = memoized((team: string) => roster.teamSpelling.get(teamKey(team)) ?? team);
  return rewriteCodes(teams, tasks.offset, tasks.offset + tasks.length, {
    rewrite: spellWritten,
    fill: (row) => {
      const entry = rosterOfUser(row)?.get(monthOfStart(starts[row]));
      return entry?.team ? spellRoster(entry.team) : null;
    },
  });
}
