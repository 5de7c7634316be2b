import { adoptionScopes, scopeKeys } from './adoption-scopes.js';
import type { Kpi, Row } from './kpi.js';
import { quantile } from './quantile.js';
import { scopeGroups, type ScopeGroups } from './scope-groups.js';
import { columnValues } from './column-values.js';

export const powerUsers: Kpi = {
  id: 'power_users',
  title: 'Power users and user-weighted adoption',
  definition:
    'A few heavy users can carry a task-weighted adoption rate, so every adoption table also reports ' +
    'user_weighted_adoption_rate: the mean, over users with at least one AI or manual task in the group and week, ' +
    'of each user\'s AI tasks / (AI + manual tasks); users is how many users that mean is over. ' +
    'The power_users table lists users whose number of AI tasks in the report week is above the configured ' +
    'percentile (99th by default, linear interpolation as numpy\'s default) of per-user weekly AI-task counts over ' +
    'every loaded week (user-weeks with at least one AI task); their team is the team most of those tasks carry.',
  grain: 'week',
  dimensions: ['team', 'task_type', '…metrics.groupBy', 'user_id'],
  columns: {
    adoption_by_team: ['user_weighted_adoption_rate', 'users'],
    adoption_by_task_type: ['user_weighted_adoption_rate', 'users'],
    adoption_trend: ['user_weighted_adoption_rate', 'users'],
    power_users: ['week', 'user_id', 'team', 'ai_tasks', 'threshold'],
  },
  compute(context) {
    const tables: Record<string, Row[]> = {};
    for (const scope of adoptionScopes(context)) {
      const groups = scopeGroups(scope.tasks, { by: scope.by, dimension: scope.dimension, includeAll: !scope.allTeams });
      const { mean, valid } = userWeightedRates(groups, columnValues(scope.tasks, 'ai') as ArrayLike<number>, columnValues(scope.tasks, 'manual') as ArrayLike<number>);
      tables[scope.table] = groups.keys.map((row, group) => ({
        ...scopeKeys(scope, row),
        user_weighted_adoption_rate: valid[group] > 0 ? mean[group] : null,
        users: valid[group],
      }));
    }
    tables.power_users = flagPowerUsers(context);
    return tables;
  },
};

// Per (group, user) AI and manual counts, then per group the mean of each user's rate, as arquero's
// op.mean computes it (running mean over the users in order of their first task) so results match to the bit.
function userWeightedRates(groups: ScopeGroups, ai: ArrayLike<number>, manual: ArrayLike<number>): { mean: Float64Array; valid: Int32Array } {
  const pairOf = new Map<number, number>();
  const pairGroup: number[] = [];
  const pairAi: number[] = [];
  const pairManual: number[] = [];
  const add = (group: number, row: number) => {
    const key = group * groups.users + groups.user[row];
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pair = pairGroup.length;
      pairOf.set(key, pair);
      pairGroup.push(group);
      pairAi.push(0);
      pairManual.push(0);
    }
    pairAi[pair] += ai[row];
    pairManual[pair] += manual[row];
  };
  // "*" pairs first, then dimension pairs: each group's users keep their first-task order either way.
  for (let row = 0; row < groups.length; row += 1) if (groups.all[row] !== -1) add(groups.all[row], row);
  for (let row = 0; row < groups.length; row += 1) if (groups.group[row] !== -1) add(groups.group[row], row);
  const mean = new Float64Array(groups.keys.length);
  const valid = new Int32Array(groups.keys.length);
  for (let pair = 0; pair < pairGroup.length; pair += 1) {
    const total = pairAi[pair] + pairManual[pair];
    if (!(total > 0)) continue;
    const group = pairGroup[pair];
    valid[group] += 1;
    mean[group] += (pairAi[pair] / total - mean[group]) / valid[group];
  }
  return { mean, valid };
}

// Heavy users in the report week, against the spread of every user-week with AI tasks.
function flagPowerUsers(context: Parameters<Kpi['compute']>[0]): Row[] {
  const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
  const users = columnValues(context.tasks, 'user_id') as ArrayLike<string>;
  const weeks = columnValues(context.tasks, 'week') as ArrayLike<string>;
  const teamsOf = columnValues(context.tasks, 'team') as ArrayLike<string | null>;
  const week = context.report.week;
  // AI tasks per user-week, and per user and team in the report week
  const perUserWeek = new Map<string, Map<string, number>>();
  const reportTeams = new Map<string, Map<string, number>>();
  for (let row = 0; row < ai.length; row += 1) {
    if (ai[row] !== 1) continue;
    let byWeek = perUserWeek.get(users[row]);
    if (!byWeek) {
      byWeek = new Map();
      perUserWeek.set(users[row], byWeek);
    }
    byWeek.set(weeks[row], (byWeek.get(weeks[row]) ?? 0) + 1);
    const team = teamsOf[row];
    if (weeks[row] === week && team != null) {
      let byTeam = reportTeams.get(users[row]);
      if (!byTeam) {
        byTeam = new Map();
        reportTeams.set(users[row], byTeam);
      }
      byTeam.set(team, (byTeam.get(team) ?? 0) + 1);
    }
  }
  const counts: number[] = [];
  for (const byWeek of perUserWeek.values()) for (const tasks of byWeek.values()) counts.push(tasks);
  const threshold = quantile(counts, context.config.metrics.powerUserPercentile);
  if (threshold === null) return [];
  const rows: Row[] = [];
  for (const [user, byWeek] of perUserWeek) {
    const tasks = byWeek.get(week);
    if (tasks === undefined || !(tasks > threshold)) continue;
    const entries = [...(reportTeams.get(user) ?? new Map<string, number>())].map(([team, teamTasks]) => ({ team, tasks: teamTasks }));
    rows.push({ week, user_id: user, team: mainTeam(entries), ai_tasks: tasks, threshold });
  }
  return rows;
}

// Most tasks wins; a tie goes to the alphabetically first team.
function mainTeam(entries: Array<{ team: string; tasks: number }>): string | null {
  const best = [...entries].sort((a, b) => b.tasks - a.tasks || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0))[0];
  return best ? best.team : null;
}
