import { ratio, type Kpi, type KpiContext, type Row } from './kpi.js';
import { monthIsLoaded } from './coverage.js';
import { peopleFacts, peopleWeekFacts, suppressPeople, TeamTally, teamsInPeriod, type PeopleFacts } from './people-facts.js';
import { monthOf, shiftMonth } from '../util/iso-week.js';
import { cachedIn } from '../columns/index.js';

const KEYS = ['month', 'team'];

export const retention: Kpi = {
  id: 'retention',
  title: 'Retention of AI users',
  definition:
    'A cohort is the users whose first completed AI task (over all loaded data) starts in calendar month C; its team is ' +
    'each user\'s roster team of C (else the team of their last AI task in C). cohort_users is its size; retained_m1 and ' +
    'retained_m2 are the shares of the cohort with an AI task in C+1 and C+2. active_users are the users with an AI task ' +
    'in month M (team: roster team of M, else that of their last AI task in M); active_retention = the share of them with ' +
    'an AI task in M+1, active_retention_m2 in M+2. A month that is not entirely inside the loaded dates (or ends after ' +
    'the report week\'s Sunday) gives null, not 0. Rows up to the report week\'s month (the one holding its Thursday). Team rows with fewer active users ' +
    'than privacy.minGroupSize are suppressed, and the cohort columns are null when a non-empty cohort is that small.',
  grain: 'month',
  dimensions: ['team'],
  columns: { retention: ['month', 'team', 'cohort_users', 'retained_m1', 'retained_m2', 'active_users', 'active_retention', 'active_retention_m2', 'suppressed'] },
  facts: peopleWeekFacts,
  compute(context) {
    const facts = peopleFacts(context);
    const cohorts = cohortsByMonth(context, facts);
    const rows: Row[] = [];
    for (const month of facts.months) {
      const active = new TeamTally();
      const teamOf = teamsInPeriod(facts, month, month);
      for (const user of facts.activeByMonth.get(month) ?? []) active.add(user, teamOf(user));
      const cohort = cohorts.get(month) ?? new TeamTally();
      const teams = new Set([...active.members.keys(), ...cohort.members.keys()]);
      for (const team of teams) rows.push(retentionRow(context, facts, month, team, cohort.of(team), active.of(team)));
    }
    return { retention: rows };
  },
};

// Cohort members by first-AI-task month, each in their team of that month.
function cohortsByMonth(context: KpiContext, facts: PeopleFacts): Map<string, TeamTally> {
  const cohorts = new Map<string, TeamTally>();
  const teamsByMonth = new Map<string, (user: string) => string | null>();
  for (const [user, first] of facts.firstAiTask) {
    const month = monthOf(first, context.config.timezone);
    if (!cohorts.has(month)) cohorts.set(month, new TeamTally());
    cohorts.get(month)!.add(user, cachedIn(teamsByMonth, month, () => teamsInPeriod(facts, month, month))(user));
  }
  return cohorts;
}

function retentionRow(context: KpiContext, facts: PeopleFacts, month: string, team: string, cohort: Set<string>, active: Set<string>): Row {
  // The share of `users` active in month + offset; null when that month is not fully loaded.
  const stillActive = (users: Set<string>, offset: number): number | null => {
    const later = shiftMonth(month, offset);
    if (!monthIsLoaded(context, later)) return null;
    const activeLater = facts.activeByMonth.get(later) ?? new Set<string>();
    let kept = 0;
    for (const user of users) if (activeLater.has(user)) kept += 1;
    return ratio(kept, users.size);
  };
  const minimum = context.config.privacy.minGroupSize;
  const smallCohort = team !== '*' && cohort.size > 0 && cohort.size < minimum;
  const row: Row = {
    month,
    team,
    cohort_users: smallCohort ? null : cohort.size,
    retained_m1: smallCohort ? null : stillActive(cohort, 1),
    retained_m2: smallCohort ? null : stillActive(cohort, 2),
    active_users: active.size,
    active_retention: stillActive(active, 1),
    active_retention_m2: stillActive(active, 2),
  };
  return suppressPeople(row, KEYS, active.size, minimum);
}
