import { op } from 'arquero';
import { adoptionScopes, scopeKeys } from './adoption-scopes.js';
import { groupRows, groupedBy } from './group-rows.js';
import { count, type Kpi, type Row } from './kpi.js';
import { quantile } from './quantile.js';

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
      const rows = groupRows(scope.tasks, { by: scope.by, dimension: scope.dimension, includeAll: !scope.allTeams }, (table, keys) =>
        groupedBy(
          table
            .groupby(...keys, 'user_id')
            .rollup({ ai: op.sum('ai'), manual: op.sum('manual') })
            .derive({ rate: (d: { ai: number; manual: number }) => (d.ai + d.manual > 0 ? d.ai / (d.ai + d.manual) : null) }),
          keys,
        ).rollup({ user_weighted_adoption_rate: op.mean('rate'), users: op.valid('rate') }),
      );
      tables[scope.table] = rows.map((row) => ({
        ...scopeKeys(scope, row),
        user_weighted_adoption_rate: typeof row.user_weighted_adoption_rate === 'number' ? row.user_weighted_adoption_rate : null,
        users: count(row.users),
      }));
    }
    tables.power_users = flagPowerUsers(context);
    return tables;
  },
};

// Heavy users in the report week, against the spread of every user-week with AI tasks.
function flagPowerUsers(context: Parameters<Kpi['compute']>[0]): Row[] {
  const aiTasks = context.tasks.filter((d: { ai: number }) => d.ai === 1);
  const userWeeks = aiTasks.groupby('user_id', 'week').rollup({ ai_tasks: op.count() });
  const threshold = quantile(userWeeks.array('ai_tasks') as number[], context.config.metrics.powerUserPercentile);
  if (threshold === null) return [];
  const week = context.report.week;
  const flagged = userWeeks
    .params({ week, threshold })
    .filter((d: { week: string; ai_tasks: number }, $: { week: string; threshold: number }) => d.week === $.week && d.ai_tasks > $.threshold)
    .objects() as Row[];
  if (flagged.length === 0) return [];
  const teams = aiTasks
    .params({ week })
    .filter((d: { week: string; team: string | null }, $: { week: string }) => d.week === $.week && d.team != null)
    .groupby('user_id', 'team')
    .rollup({ tasks: op.count() })
    .objects() as Array<{ user_id: string; team: string; tasks: number }>;
  return flagged.map((row) => ({
    week,
    user_id: row.user_id,
    team: mainTeam(teams.filter((entry) => entry.user_id === row.user_id)),
    ai_tasks: row.ai_tasks,
    threshold,
  }));
}

// Most tasks wins; a tie goes to the alphabetically first team.
function mainTeam(entries: Array<{ team: string; tasks: number }>): string | null {
  const best = [...entries].sort((a, b) => b.tasks - a.tasks || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0))[0];
  return best ? best.team : null;
}
