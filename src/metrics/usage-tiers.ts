import { ratio, type Kpi, type Row } from './kpi.js';
import { licensedUsersIn, peopleFacts, peopleWeekFacts, rosterMonthOf, suppressPeople, TeamTally, teamInPeriod } from './people-facts.js';

const KEYS = ['week', 'team'];
export const TIERS = ['none', 'light', 'moderate', 'heavy'] as const;

export const usageTiers: Kpi = {
  id: 'usage_tiers',
  title: 'Usage tiers',
  definition:
    'Per week (up to the report week) and team, the people are the users licensed in the week\'s roster month (the month ' +
    'holding its Thursday) plus anyone with a completed AI task that week; each falls in one tier by their AI tasks that ' +
    'week: none 0, light 1 to people.tiers.light (5), moderate up to people.tiers.moderate (20), heavy above. The columns ' +
    'are the counts per tier and their shares of the row\'s people. A person\'s team is their roster team of that month, ' +
    'else the team of their last AI task that week. When the roster lists nothing for that month, none and every share are ' +
    'null (licences unknown). Team rows with fewer people than privacy.minGroupSize are suppressed.',
  grain: 'week',
  dimensions: ['team'],
  columns: {
    usage_tiers: ['week', 'team', 'people', 'none', 'light', 'moderate', 'heavy', 'none_share', 'light_share', 'moderate_share', 'heavy_share'],
  },
  facts: peopleWeekFacts,
  compute(context) {
    const facts = peopleFacts(context);
    const { light, moderate } = context.config.people.tiers;
    const tierOf = (tasks: number) => (tasks === 0 ? 'none' : tasks <= light ? 'light' : tasks <= moderate ? 'moderate' : 'heavy');
    const rows: Row[] = [];
    for (const week of facts.weeks) {
      const rosterMonth = rosterMonthOf(week);
      const tasksOf = facts.aiTasksByWeek.get(week) ?? new Map<string, number>();
      const licensed = licensedUsersIn(facts, rosterMonth);
      const people = new TeamTally();
      for (const user of new Set([...(licensed ?? []), ...tasksOf.keys()])) people.add(user, teamInPeriod(facts, user, week, rosterMonth));
      for (const [team, users] of people.members) {
        const counts = { none: 0, light: 0, moderate: 0, heavy: 0 };
        for (const user of users) counts[tierOf(tasksOf.get(user) ?? 0)] += 1;
        const known = licensed !== null;
        const row: Row = { week, team, people: users.size, none: known ? counts.none : null, light: counts.light, moderate: counts.moderate, heavy: counts.heavy };
        for (const tier of TIERS) row[`${tier}_share`] = known ? ratio(counts[tier], users.size) : null;
        rows.push(suppressPeople(row, KEYS, users.size, context.config.privacy.minGroupSize));
      }
    }
    return { usage_tiers: rows };
  },
};
