import { op } from 'arquero';
import { groupRows, groupedBy } from './group-rows.js';
import { count, ratio, type Kpi } from './kpi.js';

export const userAdoption: Kpi = {
  id: 'user_adoption_rate',
  title: 'User adoption rate',
  definition:
    'Distinct users with at least one AI task in the report week in the team / roster rows of that team with ' +
    'licensed = true in the month holding the week\'s Thursday (ISO weeks belong to the month of their Thursday). ' +
    'For the all-teams row: distinct users with an AI task in any team (or none) / all licensed roster rows of that month. ' +
    'Null when no licensed user is on the roster; it can exceed 1 when unlicensed users use the tool. ' +
    'ai_users and licensed_users are the numerator and denominator.',
  grain: 'week',
  dimensions: ['team'],
  columns: { adoption_by_team: ['user_adoption_rate', 'ai_users', 'licensed_users'] },
  compute(context) {
    const { week, rosterMonth } = context.report;
    const inWeek = context.tasks.params({ week }).filter((d: { week: string }, $: { week: string }) => d.week === $.week);
    const aiUsers = new Map<unknown, number>();
    const aiTasks = inWeek.filter((d: { ai: number }) => d.ai === 1);
    for (const row of groupRows(aiTasks, { by: [], dimension: 'team' }, (table, keys) => groupedBy(table, keys).rollup({ users: op.distinct('user_id') }))) {
      aiUsers.set(row.team, count(row.users));
    }
    const licensed = new Map<unknown, number>();
    const roster = context.data.roster
      .params({ rosterMonth })
      .filter((d: { month: string; licensed: boolean | null }, $: { rosterMonth: string }) => d.month === $.rosterMonth && d.licensed === true);
    for (const row of groupRows(roster, { by: [], dimension: 'team' }, (table, keys) => groupedBy(table, keys).rollup({ rows: op.count() }))) {
      licensed.set(row.team, count(row.rows));
    }
    const teams = groupRows(inWeek, { by: [], dimension: 'team' }, (table, keys) => groupedBy(table, keys).rollup({ tasks: op.count() }));
    return {
      adoption_by_team: teams.map((row) => {
        const users = aiUsers.get(row.team) ?? 0;
        const denominator = licensed.get(row.team) ?? 0;
        return { team: row.team, user_adoption_rate: ratio(users, denominator), ai_users: users, licensed_users: denominator };
      }),
    };
  },
};
