import { adoptionScopes, scopeKeys } from './adoption-scopes.js';
import type { Kpi, Row } from './kpi.js';
import { quantile } from './quantile.js';
import { columnCodes, type ColumnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { groupMembers, scopeGroups, sumByGroup, type ScopeGroups } from '../columns/scope-groups.js';
import { taskRows } from './task-rows.js';

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
    const users = columnCodes(context.tasks, 'user_id');
    const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
    const manual = columnValues(context.tasks, 'manual') as ArrayLike<number>;
    for (const scope of adoptionScopes(context)) {
      const groups = scopeGroups(context.tasks, scope.rows, { by: scope.by, dimension: scope.dimension, includeAll: !scope.allTeams });
      const { mean, valid } = userWeightedRates(groups, users, ai, manual);
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

// Per group, each user's AI and manual counts, then the mean of each user's rate as arquero's op.mean
// computes it (running mean over the users in order of their first task) so results match to the bit.
function userWeightedRates(
  groups: ScopeGroups,
  users: ColumnCodes,
  ai: ArrayLike<number>,
  manual: ArrayLike<number>,
): { mean: Float64Array; valid: Int32Array } {
  const { start, positions } = groupMembers(groups);
  const mean = new Float64Array(groups.keys.length);
  const valid = new Int32Array(groups.keys.length);
  // Scratch per group: the slot of each user seen in it (slots in first-task order), and each slot's counts.
  const lastGroup = new Int32Array(users.values.length).fill(-1);
  const slotOf = new Int32Array(users.values.length);
  const slotAi = new Float64Array(users.values.length);
  const slotManual = new Float64Array(users.values.length);
  for (let group = 0; group < groups.keys.length; group += 1) {
    let slots = 0;
    for (let member = start[group]; member < start[group + 1]; member += 1) {
      const row = groups.rows[positions[member]];
      const user = users.ids[row];
      if (lastGroup[user] !== group) {
        lastGroup[user] = group;
        slotOf[user] = slots;
        slotAi[slots] = 0;
        slotManual[slots] = 0;
        slots += 1;
      }
      slotAi[slotOf[user]] += ai[row];
      slotManual[slotOf[user]] += manual[row];
    }
    for (let slot = 0; slot < slots; slot += 1) {
      const total = slotAi[slot] + slotManual[slot];
      if (!(total > 0)) continue;
      valid[group] += 1;
      mean[group] += (slotAi[slot] / total - mean[group]) / valid[group];
    }
  }
  return { mean, valid };
}

// Heavy users in the report week, against the spread of every user-week with AI tasks.
function flagPowerUsers(context: Parameters<Kpi['compute']>[0]): Row[] {
  const week = context.report.week;
  const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
  // AI tasks per user-week (user-weeks with only manual tasks sum to 0 and are left out)
  const userWeeks = scopeGroups(context.tasks, taskRows(context).all, { by: ['week'], dimension: 'user_id', includeAll: false });
  const perUserWeek = sumByGroup(userWeeks, ai);
  const counts: number[] = [];
  for (const tasks of perUserWeek) if (tasks > 0) counts.push(tasks);
  const threshold = quantile(counts, context.config.metrics.powerUserPercentile);
  if (threshold === null) return [];
  // AI tasks per user and team in the report week
  const reportTeams = scopeGroups(context.tasks, taskRows(context).reportWeekAi, { by: ['user_id'], dimension: 'team', includeAll: false });
  const perUserTeam = sumByGroup(reportTeams, ai);
  const teamsOf = new Map<unknown, Array<{ team: string; tasks: number }>>();
  reportTeams.keys.forEach((keys, group) => {
    const entries = teamsOf.get(keys.user_id) ?? [];
    entries.push({ team: keys.team as string, tasks: perUserTeam[group] });
    teamsOf.set(keys.user_id, entries);
  });
  const rows: Row[] = [];
  userWeeks.keys.forEach((keys, group) => {
    const tasks = perUserWeek[group];
    if (keys.week !== week || !(tasks > 0) || !(tasks > threshold)) return;
    rows.push({ week, user_id: keys.user_id, team: mainTeam(teamsOf.get(keys.user_id) ?? []), ai_tasks: tasks, threshold });
  });
  return rows;
}

// Most tasks wins; a tie goes to the alphabetically first team.
function mainTeam(entries: Array<{ team: string; tasks: number }>): string | null {
  const best = [...entries].sort((a, b) => b.tasks - a.tasks || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0))[0];
  return best ? best.team : null;
}
