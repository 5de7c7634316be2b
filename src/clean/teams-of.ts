import type { CleanedData } from './types.js';

/**
 * Every team the data names, in its tasks or on its roster, sorted: a team asked about (a notebook's parameter, a
 * name in `ask`) is matched against them, so a team with no task in the week asked about (or none yet) is still a
 * team, with no rows that week.
 * @example teamsOf((await loadReport({ week: null })).data) // ['Engineering', 'Finance', ...]
 */
export function teamsOf(data: Pick<CleanedData, 'tasks' | 'roster'>): string[] {
  const names = new Set<string>();
  for (const table of [data.tasks, data.roster]) {
    for (const team of Array.from(table.array('team') as ArrayLike<string | null>)) if (team) names.add(team);
  }
  return [...names].sort();
}
