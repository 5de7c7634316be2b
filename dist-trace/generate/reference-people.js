import { isoWeekOf, lastDateOfMonth, monthOf, shiftMonth, shiftWeek, weekBounds } from '../util/iso-week.js';
import { median } from './reference-metrics.js';
// The people KPIs of issue #24 (activation, retention, usage tiers, idle seats, lapsed users) as the
// lead's definitions word them, in plain loops over the generator's clean task list and roster: a
// second implementation, sharing no code with src/metrics, for tests to compare with. Report time
// zone UTC, privacy off (no suppression), no seat cost configured.
const ALL = '*';
const DAY_MS = 86_400_000;
/** Settings of the people KPIs the truth is computed with (the config defaults). */
export const DEFAULT_PEOPLE_SETTINGS = { timezone: 'UTC', idleWeeks: 4, tiers: { light: 5, moderate: 20 } };
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const share = (part, whole) => (whole > 0 ? part / whole : null);
/**
 * The people KPIs for `reportWeek` (UTC), privacy off.
 * @example computeReferencePeople(activity.tasks, activity.roster, '2026-W47').idle_seats[0].team // '*'
 */
export function computeReferencePeople(tasks, roster, reportWeek, settings = DEFAULT_PEOPLE_SETTINGS) {
    const zone = 'UTC';
    const reportEnd = Date.parse(`${weekBounds(reportWeek).end}T00:00:00Z`) + DAY_MS;
    const reportMonth = weekBounds(reportWeek).thursday.slice(0, 7);
    const rosterMonthOf = (week) => weekBounds(week).thursday.slice(0, 7);
    // Loaded data: every task up to the end of the report week.
    const loaded = tasks.filter((task) => task.startedAt < reportEnd);
    let firstDate = null;
    let lastDate = null;
    for (const task of loaded) {
        const date = new Date(task.startedAt).toISOString().slice(0, 10);
        if (firstDate === null || date < firstDate)
            firstDate = date;
        if (lastDate === null || date > lastDate)
            lastDate = date;
    }
    const fullyLoaded = (month) => firstDate !== null && lastDate !== null && `${month}-01` >= firstDate && lastDateOfMonth(month) <= lastDate && lastDateOfMonth(month) <= weekBounds(reportWeek).end;
    // AI tasks: completed AI-log tasks.
    const ai = loaded
        .filter((task) => task.source === 'ai_logs' && task.status === 'completed')
        .map((task) => ({ userId: task.userId, team: task.team, start: task.startedAt, week: isoWeekOf(task.startedAt, zone), month: monthOf(task.startedAt, zone) }));
    const firstAi = new Map();
    for (const task of ai) {
        const known = firstAi.get(task.userId);
        if (known === undefined || task.start < known.start)
            firstAi.set(task.userId, task);
    }
    // The roster: the first row per user and month; months that have one.
    const rosterRow = new Map();
    const rosterMonths = new Set();
    for (const row of roster) {
        rosterMonths.add(row.month);
        const key = `${row.userId}|${row.month}`;
        if (!rosterRow.has(key))
            rosterRow.set(key, row);
    }
    const licensedIn = (month) => roster.filter((row) => row.month === month && rosterRow.get(`${row.userId}|${month}`) === row && row.licensed === true);
    const firstLicensedMonth = new Map();
    for (const row of rosterRow.values()) {
        if (row.licensed !== true)
            continue;
        const known = firstLicensedMonth.get(row.userId);
        if (known === undefined || row.month < known)
            firstLicensedMonth.set(row.userId, row.month);
    }
    // Team of a person for a period: the roster team of its roster month, else the team of their last AI task in the period.
    const teamFor = (userId, rosterMonth, periodTasks) => {
        const row = rosterRow.get(`${userId}|${rosterMonth}`);
        if (row !== undefined)
            return row.team;
        let last = null;
        for (const task of periodTasks)
            if (task.userId === userId && (last === null || task.start > last.start))
                last = task;
        return last?.team ?? null;
    };
    const groupsOf = (teams) => [ALL, ...[...new Set([...teams].filter((team) => team !== null))].sort(byCodeUnit)];
    // Loaded weeks and months, from the first loaded one up to the report week / month.
    const weeks = [];
    if (firstDate !== null) {
        for (let week = isoWeekOf(Date.parse(`${firstDate}T00:00:00Z`), zone); week <= reportWeek; week = shiftWeek(week, 1))
            weeks.push(week);
    }
    const months = [];
    if (firstDate !== null)
        for (let month = firstDate.slice(0, 7); month <= reportMonth; month = shiftMonth(month, 1))
            months.push(month);
    // 1. activation
    const activation = (period, kind, rosterMonth) => {
        const periodTasks = ai.filter((task) => task[kind] === period);
        if (!rosterMonths.has(rosterMonth)) {
            return groupsOf(periodTasks.map((task) => task.team)).map((team) => ({ team, licensed_users: null, new_ai_users: null, activation_rate: null, median_days_to_first_ai_task: null }));
        }
        const licensed = licensedIn(rosterMonth);
        const teams = groupsOf(roster.filter((row) => row.month === rosterMonth).map((row) => row.team));
        return teams.map((team) => {
            const members = licensed.filter((row) => team === ALL || row.team === team);
            const isNew = members.filter((row) => firstAi.get(row.userId)?.[kind] === period);
            const notYet = members.filter((row) => {
                const first = firstAi.get(row.userId);
                return first === undefined || first[kind] >= period;
            });
            const days = isNew.map((row) => {
                const licensedFrom = Date.parse(`${firstLicensedMonth.get(row.userId)}-01T00:00:00Z`);
                return Math.max(0, (firstAi.get(row.userId).start - licensedFrom) / DAY_MS);
            });
            const middle = median(days);
            return {
                team,
                licensed_users: members.length,
                new_ai_users: isNew.length,
                activation_rate: share(isNew.length, notYet.length),
                median_days_to_first_ai_task: middle === null ? null : Math.round(middle * 10) / 10,
            };
        });
    };
    const activation_by_week = weeks.flatMap((week) => activation(week, 'week', rosterMonthOf(week)).map((row) => ({ week, ...row })));
    const activation_by_month = months.flatMap((month) => activation(month, 'month', month).map((row) => ({ month, ...row })));
    // 2. retention: cohorts by first-AI-task month, and month-to-month active retention
    const activeIn = (month) => new Set(ai.filter((task) => task.month === month).map((task) => task.userId));
    const retention = [];
    const active_retention = [];
    for (const month of months) {
        const monthTasks = ai.filter((task) => task.month === month);
        const later = [1, 2].map((offset) => {
            const next = shiftMonth(month, offset);
            return fullyLoaded(next) ? activeIn(next) : null;
        });
        const cohort = [...firstAi.values()].filter((task) => task.month === month).map((task) => task.userId);
        const cohortTeam = new Map(cohort.map((userId) => [userId, teamFor(userId, month, monthTasks)]));
        for (const team of groupsOf(cohortTeam.values())) {
            const members = cohort.filter((userId) => team === ALL || cohortTeam.get(userId) === team);
            const kept = (active) => (active === null ? null : share(members.filter((userId) => active.has(userId)).length, members.length));
            retention.push({ cohort_month: month, team, cohort_users: members.length, retained_m1: kept(later[0]), retained_m2: kept(later[1]) });
        }
        const active = [...activeIn(month)];
        const activeTeam = new Map(active.map((userId) => [userId, teamFor(userId, month, monthTasks)]));
        for (const team of groupsOf(activeTeam.values())) {
            const members = active.filter((userId) => team === ALL || activeTeam.get(userId) === team);
            const retained = later[0] === null ? null : members.filter((userId) => later[0].has(userId)).length;
            active_retention.push({ month, team, active_users: members.length, retained_users: retained, active_retention: retained === null ? null : share(retained, members.length) });
        }
    }
    // 3. usage tiers per week
    const tierOf = (count) => count === 0 ? 'none' : count <= settings.tiers.light ? 'light' : count <= settings.tiers.moderate ? 'moderate' : 'heavy';
    const usage_tiers = [];
    for (const week of weeks) {
        const rosterMonth = rosterMonthOf(week);
        const weekTasks = ai.filter((task) => task.week === week);
        const counts = new Map();
        for (const row of licensedIn(rosterMonth))
            counts.set(row.userId, 0);
        for (const task of weekTasks)
            counts.set(task.userId, (counts.get(task.userId) ?? 0) + 1);
        const teamOfPerson = new Map([...counts.keys()].map((userId) => [userId, teamFor(userId, rosterMonth, weekTasks)]));
        for (const team of groupsOf(teamOfPerson.values())) {
            const tally = { none: 0, light: 0, moderate: 0, heavy: 0 };
            let people = 0;
            for (const [userId, count] of counts) {
                if (team !== ALL && teamOfPerson.get(userId) !== team)
                    continue;
                people++;
                tally[tierOf(count)]++;
            }
            const known = rosterMonths.has(rosterMonth);
            const of = (count) => (known ? share(count, people) : null);
            usage_tiers.push({
                week,
                team,
                people: known ? people : null,
                none: known ? tally.none : null,
                light: tally.light,
                moderate: tally.moderate,
                heavy: tally.heavy,
                none_share: of(tally.none),
                light_share: of(tally.light),
                moderate_share: of(tally.moderate),
                heavy_share: of(tally.heavy),
            });
        }
    }
    // 4-5. idle seats and lapsed users in the report week
    const firstWindowWeek = shiftWeek(reportWeek, -(settings.idleWeeks - 1));
    const windowLoaded = firstDate !== null && firstDate <= weekBounds(firstWindowWeek).start;
    const activeInWindow = new Set(ai.filter((task) => task.week >= firstWindowWeek && task.week <= reportWeek).map((task) => task.userId));
    const before = ai.filter((task) => task.week < firstWindowWeek);
    const lapsedUsers = [...new Set(before.map((task) => task.userId))].filter((userId) => !activeInWindow.has(userId)).sort(byCodeUnit);
    const lapsedTeam = new Map(lapsedUsers.map((userId) => [userId, teamFor(userId, reportMonth, before)]));
    const rosterKnown = rosterMonths.has(reportMonth);
    const licensed = rosterKnown ? licensedIn(reportMonth) : [];
    const idleUsers = licensed.filter((row) => !activeInWindow.has(row.userId));
    const idleTeams = groupsOf([...roster.filter((row) => row.month === reportMonth).map((row) => row.team), ...lapsedTeam.values()]);
    const idle_seats = idleTeams.map((team) => {
        const inTeam = (row) => team === ALL || row.team === team;
        const known = rosterKnown && windowLoaded;
        const seats = licensed.filter(inTeam).length;
        const idle = idleUsers.filter(inTeam).length;
        return {
            week: reportWeek,
            team,
            licensed_users: known ? seats : null,
            idle_seats: known ? idle : null,
            idle_share: known ? share(idle, seats) : null,
            idle_cost: null,
            lapsed_users: lapsedUsers.filter((userId) => team === ALL || lapsedTeam.get(userId) === team).length,
        };
    });
    const taskMonths = new Set(loaded.map((task) => monthOf(task.startedAt, zone)));
    return {
        settings: { timezone: zone, idle_weeks: settings.idleWeeks, tiers: { ...settings.tiers }, privacy_min_group_size: 0, licences_monthly_cost: null },
        report_week: reportWeek,
        report_month: reportMonth,
        idle_window: { first_week: firstWindowWeek, last_week: reportWeek },
        activation_by_week,
        activation_by_month,
        retention,
        active_retention,
        usage_tiers,
        idle_seats,
        idle_seat_users: idleUsers.map((row) => row.userId).sort(byCodeUnit),
        lapsed_users: lapsedUsers,
        new_ai_users_report_week: licensedIn(reportMonth)
            .filter((row) => firstAi.get(row.userId)?.week === reportWeek)
            .map((row) => row.userId)
            .sort(byCodeUnit),
        roster_missing_months: [...taskMonths].filter((month) => !rosterMonths.has(month)).sort(byCodeUnit),
    };
}
//# sourceMappingURL=reference-people.js.map