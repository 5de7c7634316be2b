import type { CleanedData, InputKind, SourceAccounting } from './types.js';

export interface QualityReport {
  input: string;
  files: CleanedData['files'];
  accounting: Record<InputKind, SourceAccounting>;
  /** rows_read = quarantined + exact_duplicates + retry_duplicates + rows_in_tasks, per source. */
  balanced: boolean;
  quarantine_by_reason: Record<string, number>;
  repairs: Record<string, number>;
  stitched_fragments: number;
  durations_dropped: CleanedData['durationsDropped'];
  teams_filled: number;
  label_mapping: CleanedData['labelMapping'];
  loaded_dates: CleanedData['loadedDates'];
  /** Users with two or more teams in one roster month (the first team is kept). */
  roster_conflicts: CleanedData['rosterConflicts'];
  /** Teams the logs name that no roster row does (see teamsOffRoster). */
  teams_off_roster: TeamOffRoster[];
  /** Roster teams that print like an earlier roster team (see rosterTeamsAlike). */
  roster_teams_alike: RosterTeamAlike[];
  /** Users the logs name that no roster row does (see usersOffRoster). */
  users_off_roster: UserOffRoster[];
}

/** A user the cleaned tasks carry that the roster never names, their tasks, and the roster user they may be meant as. */
export interface UserOffRoster {
  user_id: string;
  tasks: number;
  /** The roster user with the same characters once invisible characters, spaces, letter forms and case are set aside (`u1\u200B`, `U1`), or null. */
  looks_like: string | null;
}

/** A roster team that differs from an earlier one only by invisible characters, spaces or letter forms, and its users. */
export interface RosterTeamAlike {
  team: string;
  /** Distinct users the roster gives this spelling, in any month. */
  users: number;
  /** The roster team it prints like (the first spelling in input order). */
  looks_like: string;
}

/** A team the cleaned tasks carry that the roster never names, its tasks, and the roster team it may be meant as. */
export interface TeamOffRoster {
  team: string;
  tasks: number;
  /** The roster team with the same letters once invisible characters, spaces, letter forms and case are set aside (`Fi\u200Bnance`, `Ｆinance`), or null. */
  looks_like: string | null;
}

/** True when every row of a source is accounted for (CONTRACT section 2). */
export function accountingBalances(accounting: SourceAccounting): boolean {
  return accounting.rows_read === accounting.quarantined + accounting.exact_duplicates + accounting.retry_duplicates + accounting.rows_in_tasks;
}

/**
 * The data-quality facts of a cleaning run, as `uptake validate` reports them.
 * @example qualityReport('data/sample', data).balanced // true
 */
export function qualityReport(input: string, data: CleanedData): QualityReport {
  return {
    input,
    files: data.files,
    accounting: data.accounting,
    balanced: Object.values(data.accounting).every(accountingBalances),
    quarantine_by_reason: data.quarantineByReason,
    repairs: data.repairs,
    stitched_fragments: data.stitchedFragments,
    durations_dropped: data.durationsDropped,
    teams_filled: data.teamsFilled,
    label_mapping: data.labelMapping,
    loaded_dates: data.loadedDates,
    roster_conflicts: data.rosterConflicts,
    teams_off_roster: teamsOffRoster(data),
    roster_teams_alike: rosterTeamsAlike(data),
    users_off_roster: usersOffRoster(data),
  };
}

// A log team matches a roster team trimmed and in any case (CONTRACT 1); one that matches none is a team of its
// own in every table. Two spellings that print alike (a zero-width space, a fullwidth letter) would show as two
// rows of the same name: validate names them, and the roster team they look like.
/**
 * The teams of the cleaned tasks that no roster row names, by tasks (most first); none when the roster names no team.
 * @example teamsOffRoster(data) // [{ team: 'Fi\u200Bnance', tasks: 1, looks_like: 'Finance' }]
 */
export function teamsOffRoster(data: Pick<CleanedData, 'tasks' | 'roster'>): TeamOffRoster[] {
  const rosterTeams = new Map<string, string>();
  const rosterNames = new Set<string>();
  // (the tables' own arrays: this module is loaded by `uptake validate --help`, which must not load the columns)
  const teams = data.roster.array('team') as ArrayLike<unknown>;
  for (let row = 0; row < teams.length; row += 1) {
    const team = teams[row];
    if (typeof team !== 'string' || team === '') continue;
    rosterNames.add(team.trim().toLowerCase());
    if (!rosterTeams.has(lookalikeKey(team))) rosterTeams.set(lookalikeKey(team), team);
  }
  if (rosterNames.size === 0) return [];
  const tasks = new Map<string, number>();
  const taskTeams = data.tasks.array('team') as ArrayLike<unknown>;
  for (let row = 0; row < taskTeams.length; row += 1) {
    const team = taskTeams[row];
    if (typeof team === 'string' && team !== '') tasks.set(team, (tasks.get(team) ?? 0) + 1);
  }
  return [...tasks]
    .filter(([team]) => !rosterNames.has(team.trim().toLowerCase()))
    .map(([team, count]) => ({ team, tasks: count, looks_like: rosterTeams.get(lookalikeKey(team)) ?? null }))
    .sort((a, b) => b.tasks - a.tasks || (a.team < b.team ? -1 : 1));
}

// A user id is matched as written (trimmed): one the roster does not name has no roster team or licence, yet counts
// among its team's AI users. An id written with a zero-width space or in another case is such a user: validate
// names them, and the roster user they look like.
/**
 * The users of the cleaned tasks that no roster row names, by tasks (most first); none when the roster names no user.
 * @example usersOffRoster(data) // [{ user_id: 'u1\u200B', tasks: 2, looks_like: 'u1' }]
 */
export function usersOffRoster(data: Pick<CleanedData, 'tasks' | 'roster'>): UserOffRoster[] {
  const rosterUsers = new Set<string>();
  const lookalikes = new Map<string, string>();
  const users = data.roster.array('user_id') as ArrayLike<unknown>;
  for (let row = 0; row < users.length; row += 1) {
    const user = users[row];
    if (typeof user !== 'string' || user === '') continue;
    rosterUsers.add(user);
    if (!lookalikes.has(lookalikeKey(user))) lookalikes.set(lookalikeKey(user), user);
  }
  if (rosterUsers.size === 0) return [];
  const tasks = new Map<string, number>();
  const taskUsers = data.tasks.array('user_id') as ArrayLike<unknown>;
  for (let row = 0; row < taskUsers.length; row += 1) {
    const user = taskUsers[row];
    if (typeof user === 'string' && !rosterUsers.has(user)) tasks.set(user, (tasks.get(user) ?? 0) + 1);
  }
  return [...tasks]
    .map(([user, count]) => ({ user_id: user, tasks: count, looks_like: lookalikes.get(lookalikeKey(user)) ?? null }))
    .sort((a, b) => b.tasks - a.tasks || (a.user_id < b.user_id ? -1 : 1));
}

// Roster rows that spell a team in another case or with other spaces join its first spelling; one with a zero-width
// space or a fullwidth letter is a team of its own, which prints as the other in every table (its users leave that
// team's user adoption rate): validate names it, and the team it prints like.
/**
 * The roster's teams that print like an earlier roster team, in roster order, with their users.
 * @example rosterTeamsAlike(data) // [{ team: 'Fi\u200Bnance', users: 2, looks_like: 'Finance' }]
 */
export function rosterTeamsAlike(data: Pick<CleanedData, 'roster'>): RosterTeamAlike[] {
  const firstSpelling = new Map<string, string>();
  const usersOf = new Map<string, Set<unknown>>();
  const teams = data.roster.array('team') as ArrayLike<unknown>;
  const users = data.roster.array('user_id') as ArrayLike<unknown>;
  for (let row = 0; row < teams.length; row += 1) {
    const team = teams[row];
    if (typeof team !== 'string' || team === '') continue;
    if (!firstSpelling.has(lookalikeKey(team))) firstSpelling.set(lookalikeKey(team), team);
    let teamUsers = usersOf.get(team);
    if (!teamUsers) usersOf.set(team, (teamUsers = new Set()));
    teamUsers.add(users[row]);
  }
  return [...usersOf]
    .map(([team, teamUsers]) => ({ team, users: teamUsers.size, looks_like: firstSpelling.get(lookalikeKey(team))! }))
    .filter((entry) => entry.team !== entry.looks_like);
}

// Compatibility forms folded (fullwidth letters, ligatures), format characters (zero-width spaces, joiners,
// direction marks) and white space dropped, case folded.
const lookalikeKey = (team: string) => team.normalize('NFKC').replace(/[\p{Cf}\s]+/gu, '').toLowerCase();
