import { DateTime } from 'luxon';
import { cachedIn, columnCodes, columnValues, memoizedPer } from '../columns/index.js';
import { dayNumber, monthNumber, weekBounds } from '../util/iso-week.js';
/**
 * The roster and every user's AI tasks by period, read once for all people KPIs from the facts (peopleWeekFacts).
 * @example peopleFacts(context).firstAiTask.get('u001') // 1763283600000
 */
export const peopleFacts = memoizedPer(collectFacts);
// The last task is the latest start; among equal starts, the later row.
function noteUse(uses, user, startedAt, team) {
    const use = uses.get(user);
    if (!use)
        uses.set(user, { tasks: 1, firstStart: startedAt, lastStart: startedAt, team });
    else {
        use.tasks += 1;
        if (startedAt < use.firstStart)
            use.firstStart = startedAt;
        if (startedAt >= use.lastStart)
            [use.lastStart, use.team] = [startedAt, team];
    }
}
/**
 * The people KPIs' facts (activation, retention, usage tiers and idle seats share them, and coverage its logged AI
 * tasks): per week and user with an AI task, its AI tasks, first and last start and the last one's team
 * (people_user_weeks); the AI tasks and the last one per week, month and user (people_user_months: a month spans
 * weeks); and the tasks of any kind per week and month (task_periods: which weeks and months hold data). Equal starts
 * fall in one week, so "the later row" never spans two weeks.
 * @example peopleWeekFacts(enrichTasks(tasks, config)).people_user_weeks[0] // { week, user_id, ai_tasks, first_start, last_start, last_team }
 */
export function peopleWeekFacts(tasks) {
    const users = columnCodes(tasks, 'user_id');
    const teams = columnCodes(tasks, 'team');
    const weekCodes = columnCodes(tasks, 'week');
    const monthCodes = columnCodes(tasks, 'month');
    const ai = columnValues(tasks, 'ai');
    const started = columnValues(tasks, 'started_at');
    const months = monthCodes.values.length;
    // One pass by integer codes: per week, and per (week, month) as week * months + month.
    const perWeek = weekCodes.values.map(() => new Map());
    const perWeekMonth = new Map();
    const periodTasks = new Map();
    for (let row = 0; row < ai.length; row += 1) {
        const weekMonth = weekCodes.ids[row] * months + monthCodes.ids[row];
        periodTasks.set(weekMonth, (periodTasks.get(weekMonth) ?? 0) + 1);
        if (ai[row] !== 1)
            continue;
        const [user, team, startedAt] = [users.ids[row], teams.ids[row], started[row]];
        noteUse(perWeek[weekCodes.ids[row]], user, startedAt, team);
        noteUse(cachedIn(perWeekMonth, weekMonth, () => new Map()), user, startedAt, team);
    }
    const name = (user) => String(users.values[user]);
    const teamName = (team) => (teams.values[team] ?? null);
    const weekOf = (weekMonth) => weekCodes.values[Math.floor(weekMonth / months)];
    const monthOf = (weekMonth) => monthCodes.values[weekMonth % months];
    const userWeeks = [];
    perWeek.forEach((uses, week) => {
        for (const [user, use] of uses) {
            userWeeks.push({ week: weekCodes.values[week], user_id: name(user), ai_tasks: use.tasks, first_start: use.firstStart, last_start: use.lastStart, last_team: teamName(use.team) });
        }
    });
    const userMonths = [];
    for (const [weekMonth, uses] of perWeekMonth) {
        for (const [user, use] of uses) {
            userMonths.push({ week: weekOf(weekMonth), month: monthOf(weekMonth), user_id: name(user), ai_tasks: use.tasks, last_start: use.lastStart, last_team: teamName(use.team) });
        }
    }
    const periods = [...periodTasks].map(([weekMonth, count]) => ({ week: weekOf(weekMonth), month: monthOf(weekMonth), tasks: count }));
    return { people_user_weeks: userWeeks, people_user_months: userMonths, task_periods: periods };
}
function collectFacts(context) {
    const { report, facts } = context;
    const firstAiTask = new Map();
    const lastAiTask = new Map();
    const aiTasksByWeek = new Map();
    const lastTeam = new Map();
    // (the rows come week by week: each period's maps are looked up when the period changes)
    let [week, tasksInWeek, teamsInWeek] = ['', new Map(), new Map()];
    for (const row of facts.people_user_weeks ?? []) {
        const user = row.user_id;
        const [first, last, team] = [row.first_start, row.last_start, row.last_team];
        const known = firstAiTask.get(user);
        if (known === undefined || first < known)
            firstAiTask.set(user, first);
        const latest = lastAiTask.get(user);
        if (latest === undefined || last > latest.startedAt)
            lastAiTask.set(user, { startedAt: last, team });
        if (row.week !== week) {
            week = row.week;
            tasksInWeek = cachedIn(aiTasksByWeek, week, () => new Map());
            teamsInWeek = cachedIn(lastTeam, week, () => new Map());
        }
        tasksInWeek.set(user, row.ai_tasks);
        teamsInWeek.set(user, team);
    }
    const activeByMonth = new Map();
    const lastInMonth = new Map();
    let [month, activeInMonth, startsInMonth, teamsInMonth] = ['', new Set(), new Map(), new Map()];
    for (const row of facts.people_user_months ?? []) {
        const [user, last] = [row.user_id, row.last_start];
        if (row.month !== month) {
            month = row.month;
            activeInMonth = cachedIn(activeByMonth, month, () => new Set());
            startsInMonth = cachedIn(lastInMonth, month, () => new Map());
            teamsInMonth = cachedIn(lastTeam, month, () => new Map());
        }
        activeInMonth.add(user);
        const latest = startsInMonth.get(user);
        if (latest === undefined || last > latest) {
            startsInMonth.set(user, last);
            teamsInMonth.set(user, row.last_team);
        }
    }
    const roster = new Map();
    const licensedByMonth = new Map();
    const firstLicensedMonth = new Map();
    for (const entry of context.roster.objects()) {
        const month = entry.month;
        const user = String(entry.user_id);
        const perMonth = cachedIn(roster, month, () => new Map());
        if (perMonth.has(user))
            continue; // the first row in input order
        const licensed = entry.licensed === true;
        perMonth.set(user, { team: (entry.team ?? null), licensed });
        if (licensed)
            cachedIn(licensedByMonth, month, () => []).push(user);
        const first = firstLicensedMonth.get(user);
        if (licensed && (first === undefined || monthNumber(month) < monthNumber(first)))
            firstLicensedMonth.set(user, month);
    }
    const periods = facts.task_periods ?? [];
    const weeks = [...new Set(periods.map((row) => row.week))].filter((week) => dayNumber(weekBounds(week).start) <= dayNumber(report.start)).sort();
    const months = [...new Set(periods.map((row) => row.month))].filter((month) => monthNumber(month) <= monthNumber(report.month)).sort();
    return { roster, licensedByMonth, firstLicensedMonth, firstAiTask, aiTasksByWeek, activeByMonth, lastTeam, lastAiTask, weeks, months };
}
/** The roster month of a week: the month holding its Thursday (as user_adoption_rate). */
export function rosterMonthOf(week) {
    return weekBounds(week).thursday.slice(0, 7);
}
/**
 * Users licensed in a roster month (in roster order), or null when the roster has no row at all for that month.
 * @example licensedUsersIn(peopleFacts(context), '2026-11') // ['u001', 'u002', ...]
 */
export function licensedUsersIn(facts, month) {
    return facts.roster.has(month) ? (facts.licensedByMonth.get(month) ?? []) : null;
}
/**
 * A person's team for a period, for the people of one period: the roster team of the period's roster month, else
 * the team of their last AI task in the period, else null (counted only in the all-teams row).
 * @example const teamOf = teamsInPeriod(facts, '2026-W47', '2026-11'); teamOf('u001') // 'Finance'
 */
export function teamsInPeriod(facts, period, rosterMonth) {
    const roster = facts.roster.get(rosterMonth);
    const lastTeams = facts.lastTeam.get(period);
    return (user) => roster?.get(user)?.team ?? lastTeams?.get(user) ?? null;
}
/** Midnights already asked for, by zone and day: the people KPIs ask for the same few days per user and period. */
const midnights = new Map();
/** Midnight in the report zone starting a `YYYY-MM-DD` day, as epoch ms. */
export function startOfDay(date, zone) {
    return cachedIn(midnights, `${zone}\u0000${date}`, () => DateTime.fromISO(date, { zone }).toMillis());
}
/** Counts people per team and in the all-teams row "*": teams in first-seen order after "*". */
export class TeamTally {
    members = new Map([['*', new Set()]]);
    add(user, team) {
        this.members.get('*').add(user);
        if (team !== null)
            cachedIn(this.members, team, () => new Set()).add(user);
    }
    /** Users of a team ("*": everyone); an empty set for a team never seen. */
    of(team) {
        return this.members.get(team) ?? new Set();
    }
}
/**
 * Privacy for the people tables: a team row (not "*") whose people count is below privacy.minGroupSize keeps
 * its keys, gets `suppressed: true` and null measures; other rows get `suppressed: false`.
 * @example suppressPeople({ team: 'Legal', idle_seats: 1 }, ['team'], 3, 5) // { team: 'Legal', idle_seats: null, suppressed: true }
 */
export function suppressPeople(row, keys, people, minimum) {
    if (row.team === '*' || people >= minimum)
        return { ...row, suppressed: false };
    const hidden = {};
    for (const [column, value] of Object.entries(row))
        hidden[column] = keys.includes(column) ? value : null;
    return { ...hidden, suppressed: true };
}
/** Rounds to one decimal (days to first AI task). */
export function oneDecimal(value) {
    return Math.round(value * 10) / 10;
}
//# sourceMappingURL=people-facts.js.map