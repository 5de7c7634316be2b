import { ratio, type Kpi, type KpiContext, type Row } from './kpi.js';
import {
  licensedUsersIn,
  oneDecimal,
  peopleFacts,
  peopleWeekFacts,
  startOfDay,
  suppressPeople,
  teamsInPeriod,
  type PeopleFacts,
} from './people-facts.js';
import { median } from './quantile.js';
import { cachedIn } from '../columns/index.js';
import { monthOfWeek, shiftMonth, shiftWeek, weekBounds } from '../util/iso-week.js';

const KEYS = ['grain', 'period', 'team'];

export const activation: Kpi = {
  id: 'activation',
  title: 'Activation of licensed users',
  definition:
    'Per week (up to the report week) and per calendar month (up to the report week\'s month, the one holding its Thursday: not a month it only reaches into), per team: licensed_users = users with a roster row ' +
    'licensed = true for the period\'s roster month (a week\'s is the month holding its Thursday; the roster is monthly, so a ' +
    'licence counts from the first day of the first month it is listed, whatever day it was granted); new_ai_users = those ' +
    'licensed users whose first completed AI task over all loaded data starts in the period; activation_rate = new_ai_users / ' +
    'licensed users with no AI task before the period starts (not_yet_active_users; null when none); median_days_to_first_ai_task = median over ' +
    'the period\'s new AI users of the days from 00:00 (report time zone) of their first licensed month to their first AI ' +
    'task (one decimal; 0 when the task came first). A user\'s team is the roster team of that month. Every figure is null ' +
    'for a month the roster does not list at all (a data caveat says so). Team rows with fewer licensed users than ' +
    'privacy.minGroupSize are suppressed. uptake sees first tasks only inside the loaded dates: in the first weeks of data ' +
    'every returning user counts as new.',
  grain: 'week',
  dimensions: ['team'],
  columns: { people_caveats: ['caveat'], activation: ['grain', 'period', 'team', 'licensed_users', 'not_yet_active_users', 'new_ai_users', 'activation_rate', 'median_days_to_first_ai_task', 'suppressed'] },
  facts: peopleWeekFacts,
  compute(context) {
    const facts = peopleFacts(context);
    const zone = context.config.timezone;
    const rows: Row[] = [];
    const missing = new Set<string>();
    for (const week of facts.weeks) {
      const start = startOfDay(weekBounds(week).start, zone);
      const end = startOfDay(weekBounds(shiftWeek(week, 1)).start, zone);
      rows.push(...periodRows(context, facts, 'week', week, monthOfWeek(week), start, end));
    }
    for (const month of facts.months) {
      const start = startOfDay(`${month}-01`, zone);
      const end = startOfDay(`${shiftMonth(month, 1)}-01`, zone);
      rows.push(...periodRows(context, facts, 'month', month, month, start, end));
    }
    // A month the roster does not list at all (not a suppressed team's blank row)
    for (const month of [...facts.weeks.map(monthOfWeek), ...facts.months]) if (licensedUsersIn(facts, month) === null) missing.add(month);
    return { activation: rows, people_caveats: [...missing].map((month) => ({ caveat: `no roster for ${month}: licence figures are blank` })) };
  },
};

// One row per team (and "*") of the licensed users of the period's roster month: each licensed user counts once
// in "*" and once in their team of the period (teams in first-seen order after "*").
function periodRows(context: KpiContext, facts: PeopleFacts, grain: string, period: string, rosterMonth: string, start: number, end: number): Row[] {
  const licensed = licensedUsersIn(facts, rosterMonth);
  if (licensed === null) {
    return [{ grain, period, team: '*', licensed_users: null, not_yet_active_users: null, new_ai_users: null, activation_rate: null, median_days_to_first_ai_task: null, suppressed: false }];
  }
  const teamOf = teamsInPeriod(facts, period, rosterMonth);
  const tallies = new Map<string, PeriodTally>([['*', newTally()]]);
  const count = (tally: PeriodTally, user: string, first: number | undefined) => {
    tally.licensed += 1;
    if (first === undefined || first >= start) tally.notYetActive += 1;
    if (first === undefined || first < start || first >= end) return;
    tally.newUsers += 1;
    const licensedFrom = startOfDay(`${facts.firstLicensedMonth.get(user)!}-01`, context.config.timezone);
    tally.days.push(Math.max(0, (first - licensedFrom) / 86_400_000));
  };
  for (const user of licensed) {
    const first = facts.firstAiTask.get(user);
    const team = teamOf(user);
    count(tallies.get('*')!, user, first);
    if (team !== null) count(cachedIn(tallies, team, newTally), user, first);
  }
  return [...tallies].map(([team, tally]) => {
    const middle = median(tally.days);
    const row: Row = {
      grain,
      period,
      team,
      licensed_users: tally.licensed,
      not_yet_active_users: tally.notYetActive,
      new_ai_users: tally.newUsers,
      activation_rate: ratio(tally.newUsers, tally.notYetActive),
      median_days_to_first_ai_task: middle === null ? null : oneDecimal(middle),
    };
    return suppressPeople(row, KEYS, tally.licensed, context.config.privacy.minGroupSize);
  });
}

/** A team's licensed users in a period, those of them new to AI in it, those with no AI task before it, and the new ones' days to their first AI task. */
interface PeriodTally {
  licensed: number;
  newUsers: number;
  notYetActive: number;
  days: number[];
}

const newTally = (): PeriodTally => ({ licensed: 0, newUsers: 0, notYetActive: 0, days: [] });
