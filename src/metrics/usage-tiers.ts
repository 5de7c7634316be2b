import { ratio, type Kpi, type Row } from './kpi.js';
import { licensedUsersIn, peopleFacts, peopleWeekFacts, suppressPeople, teamsInPeriod } from './people-facts.js';
import { monthOfWeek } from '../util/iso-week.js';
import { cachedIn } from '../columns/index.js';

const KEYS = ['week', 'team'];
export const TIERS = ['none', 'light', 'moderate', 'heavy'] as const;
type Tier = (typeof TIERS)[number];
const noPeople = (): Record<Tier, number> => ({ none: 0, light: 0, moderate: 0, heavy: 0 });

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
    usage_tiers: ['week', 'team', 'people', 'none', 'light', 'moderate', 'heavy', 'none_share', 'light_share', 'moderate_share', 'heavy_share', 'suppressed'],
  },
  facts: peopleWeekFacts,
  compute(context) {
    const facts = peopleFacts(context);
    const { light, moderate } = context.config.people.tiers;
    const tierOf = (tasks: number): Tier => (tasks === 0 ? 'none' : tasks <= light ? 'light' : tasks <= moderate ? 'moderate' : 'heavy');
    const rows: Row[] = [];
    for (const week of facts.weeks) {
      const rosterMonth = monthOfWeek(week);
      const tasksOf = facts.aiTasksByWeek.get(week) ?? new Map<string, number>();
      const licensed = licensedUsersIn(facts, rosterMonth);
      const teamOf = teamsInPeriod(facts, week, rosterMonth);
      // each person counts once in "*" and once in their team (teams in first-seen order after "*")
      const tallies = new Map<string, Record<Tier, number>>([['*', noPeople()]]);
      const count = (user: string) => {
        const [tier, team] = [tierOf(tasksOf.get(user) ?? 0), teamOf(user)];
        tallies.get('*')![tier] += 1;
        if (team !== null) cachedIn(tallies, team, noPeople)[tier] += 1;
      };
      for (const user of licensed ?? []) count(user);
      // then the people with an AI task that week who are not licensed (those were counted above)
      const rosterOfMonth = facts.roster.get(rosterMonth);
      for (const user of tasksOf.keys()) if (rosterOfMonth?.get(user)?.licensed !== true) count(user);
      for (const [team, counts] of tallies) {
        const people = counts.none + counts.light + counts.moderate + counts.heavy;
        const known = licensed !== null;
        const row: Row = { week, team, people, none: known ? counts.none : null, light: counts.light, moderate: counts.moderate, heavy: counts.heavy };
        for (const tier of TIERS) row[`${tier}_share`] = known ? ratio(counts[tier], people) : null;
        rows.push(suppressPeople(row, KEYS, people, context.config.privacy.minGroupSize));
      }
    }
    return { usage_tiers: rows };
  },
};
