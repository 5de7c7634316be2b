import { monthOf } from '../util/iso-week.js';
import { teamKey, type Roster, type RosterEntry } from './load-roster.js';
import type { TaskColumns } from './task-table.js';

const QUARTER_HOUR = 15 * 60_000;

/**
 * CONTRACT 2.8 and 1: a team is matched case-insensitively to the roster's spelling; a blank team
 * comes from the roster for that user and the month of the task's start (report zone).
 * @example fillTeams(tasks, roster, 'UTC') // 17 (teams filled from the roster)
 */
export function fillTeams(tasks: TaskColumns, roster: Pick<Roster, 'entries' | 'teamSpelling'>, zone: string): number {
  // A million tasks carry a few dozen team spellings and a few thousand users: look each up once.
  const spellingOf = new Map<string, string>();
  const spell = (written: string) => {
    let spelled = spellingOf.get(written);
    if (spelled === undefined) spellingOf.set(written, (spelled = roster.teamSpelling.get(teamKey(written)) ?? written.trim()));
    return spelled;
  };
  const rosterTeam = new Map<RosterEntry, string | null>();
  const teamOf = (entry: RosterEntry) => {
    let team = rosterTeam.get(entry);
    if (team === undefined) rosterTeam.set(entry, (team = entry.team ? roster.teamSpelling.get(teamKey(entry.team)) ?? entry.team : null));
    return team;
  };
  const { team: teams, user_id: users, started_at: starts } = tasks.columns;
  const byUser = new Map<string, Map<string, RosterEntry>>();
  for (const entry of roster.entries) {
    let months = byUser.get(entry.userId);
    if (!months) byUser.set(entry.userId, (months = new Map()));
    if (!months.has(entry.month)) months.set(entry.month, entry);
  }
  // Zone offsets in use are whole quarter hours: a UTC quarter hour lies within one local month. Tasks come
  // roughly in time order, so the quarter hour asked for last mostly answers.
  const monthBySlot = new Map<number, string>();
  let lastSlot = Number.NaN;
  let lastMonth = '';
  const monthAt = (epochMs: number) => {
    const slot = Math.floor(epochMs / QUARTER_HOUR);
    if (slot === lastSlot) return lastMonth;
    let month = monthBySlot.get(slot);
    if (month === undefined) monthBySlot.set(slot, (month = monthOf(epochMs, zone)));
    lastSlot = slot;
    lastMonth = month;
    return month;
  };
  // Each user is looked up by name once, then by the user column's code.
  const monthsByUserCode: Array<Map<string, RosterEntry> | null> = [];
  const monthsOf = (code: number) => {
    let months = monthsByUserCode[code];
    if (months === undefined) monthsByUserCode[code] = months = byUser.get(users.values[code]) ?? null;
    return months;
  };
  // Teams are codes (CodedColumn): each written code is spelled once, and each team gets one code.
  const codeOfTeam = new Map<string, number>();
  const teamCode = (team: string) => {
    let code = codeOfTeam.get(team);
    if (code === undefined) {
      codeOfTeam.set(team, (code = teams.values.length));
      teams.values.push(team);
    }
    return code;
  };
  const spelledCode = new Int32Array(teams.values.length).fill(-1); // written code -> spelled code
  let filled = 0;
  for (let row = tasks.offset; row < tasks.offset + tasks.length; row += 1) {
    const written = teams.codes[row];
    if (written !== -1) {
      if (spelledCode[written] === -1) spelledCode[written] = teamCode(spell(teams.values[written]));
      teams.codes[row] = spelledCode[written];
      continue;
    }
    const entry = monthsOf(users.codes[row])?.get(monthAt(starts[row]));
    const team = entry ? teamOf(entry) : null;
    if (team !== null) {
      teams.codes[row] = teamCode(team);
      filled += 1;
    }
  }
  return filled;
}
