import { dayNumber, shiftWeek, weekBounds } from '../util/iso-week.js';
import { ratio, type Kpi, type Row } from './kpi.js';
import { licensedUsersIn, peopleFacts, peopleWeekFacts, startOfDay, suppressPeople, TeamTally } from './people-facts.js';

const KEYS = ['team', 'idle_weeks'];

export const idleSeats: Kpi = {
  id: 'idle_seats',
  title: 'Idle seats and lapsed users',
  definition:
    'For the report week, per team: licensed_users = users licensed in the report week\'s roster month (the month holding ' +
    'its Thursday); idle_seats = those with no completed AI task in the last people.idleWeeks weeks (4: the report week ' +
    'and the 3 before); idle_share = idle_seats / licensed_users; idle_cost = idle_seats x licences.monthlyCost when that is ' +
    'configured (else null). lapsed_users = people, licensed or not, with an AI task before that window and none in it. ' +
    'A person\'s team is their roster team of the roster month, else the team of their last AI task. Every figure but ' +
    'licensed_users is null when the loaded data starts after the window\'s first day, and the licence figures when the roster lists nothing for ' +
    'that month (a data caveat says which). Team rows with fewer people (licensed or lapsed) than ' +
    'privacy.minGroupSize are suppressed. idle_weeks repeats the window\'s length.',
  grain: 'week',
  dimensions: ['team'],
  columns: {
    idle_seats: ['team', 'licensed_users', 'idle_seats', 'idle_share', 'idle_cost', 'lapsed_users', 'idle_weeks', 'suppressed'],
    people_caveats: ['caveat'],
  },
  facts: peopleWeekFacts,
  compute(context) {
    const facts = peopleFacts(context);
    const { week, rosterMonth } = context.report;
    const weeks = context.config.people.idleWeeks;
    const windowStartDate = weekBounds(shiftWeek(week, -(weeks - 1))).start;
    const windowStart = startOfDay(windowStartDate, context.config.timezone);
    const windowEnd = startOfDay(weekBounds(shiftWeek(week, 1)).start, context.config.timezone);
    const caveats: Row[] = [];
    const loaded = context.loadedDates;
    const covered = loaded !== null && dayNumber(loaded.first) <= dayNumber(windowStartDate);
    if (!covered) {
      caveats.push({ caveat: `the data starts after ${windowStartDate}, the first day of the ${weeks}-week idle window: idle seats and lapsed users are blank` });
    }
    const licensed = licensedUsersIn(facts, rosterMonth);
    if (licensed === null) caveats.push({ caveat: `no roster for ${rosterMonth}: licence figures are blank` });
    const activeInWindow = new Set<string>();
    for (const window of facts.aiTasksByWeek.keys()) {
      const start = startOfDay(weekBounds(window).start, context.config.timezone);
      if (start >= windowStart && start < windowEnd) for (const user of facts.aiTasksByWeek.get(window)!.keys()) activeInWindow.add(user);
    }
    // A person's team: roster team of the roster month, else the team of their last AI task
    const teamOf = (user: string) => facts.roster.get(rosterMonth)?.get(user)?.team ?? facts.lastAiTask.get(user)?.team ?? null;
    const idle = new TeamTally();
    const seats = new TeamTally();
    for (const user of licensed ?? []) {
      seats.add(user, teamOf(user));
      if (!activeInWindow.has(user)) idle.add(user, teamOf(user));
    }
    const lapsed = new TeamTally();
    for (const [user, first] of facts.firstAiTask) {
      if (first < windowStart && !activeInWindow.has(user)) lapsed.add(user, teamOf(user));
    }
    const cost = context.config.licences.monthlyCost;
    const teams = new Set([...seats.members.keys(), ...lapsed.members.keys()]);
    const rows = [...teams].map((team) => {
      const people = new Set([...seats.of(team), ...lapsed.of(team)]).size;
      const known = covered && licensed !== null;
      const idleCount = idle.of(team).size;
      const row: Row = {
        team,
        licensed_users: licensed === null ? null : seats.of(team).size,
        idle_seats: known ? idleCount : null,
        idle_share: known ? ratio(idleCount, seats.of(team).size) : null,
        idle_cost: known && cost !== null ? idleCount * cost : null,
        lapsed_users: covered ? lapsed.of(team).size : null,
        idle_weeks: weeks,
      };
      return suppressPeople(row, KEYS, people, context.config.privacy.minGroupSize);
    });
    return { idle_seats: rows, people_caveats: caveats };
  },
};
