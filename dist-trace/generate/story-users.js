import { IDLE_SEAT_TEAM, LAPSED_TEAM, LATE_STARTER_TEAM, SMALL_TEAM, ZONES, simulatedTeamName } from './catalogue.js';
/**
 * The people story's users, after the regular ones and drawing from their own random stream (so the
 * regular users' rows stay the same whatever these options say): idle seats, late starters, lapsed
 * users and the small team. `weekThursdayMonth` names the month of week index i's Thursday.
 * @example buildStoryUsers(60, 8, (week) => '2026-10', STORY_DEFAULTS, createSeededRandom(2), 6).map((user) => user.userId)[0] // 'u061'
 */
export function buildStoryUsers(first, weeks, weekThursdayMonth, story, random, teamCount) {
    const users = [];
    const add = (role, team, plan) => {
        const index = first + users.length;
        users.push({
            userId: `u${String(index + 1).padStart(3, '0')}`,
            team,
            zone: ZONES[index % ZONES.length],
            licensed: true,
            affinity: 0.85 + 0.3 * random.next(),
            accumulator: random.next(),
            weekendWorker: random.chance(0.1),
            blindSpot: false,
            powerUser: false,
            special: false,
            role,
            started: false,
            ...plan,
        });
    };
    for (let index = 0; index < story.idleSeats; index++) {
        add('idle_seat', simulatedTeamName(IDLE_SEAT_TEAM % teamCount), { aiFromWeek: Number.POSITIVE_INFINITY, aiUntilWeek: Number.POSITIVE_INFINITY, licensedFrom: null });
    }
    for (let index = 0; index < story.lateStarters; index++) {
        const aiFromWeek = Math.max(0, weeks - 1 - 3 * index);
        add('late_starter', simulatedTeamName(LATE_STARTER_TEAM % teamCount), {
            aiFromWeek,
            aiUntilWeek: Number.POSITIVE_INFINITY,
            licensedFrom: weekThursdayMonth(Math.max(0, aiFromWeek - 4)),
        });
    }
    for (let index = 0; index < story.lapsed; index++) {
        add('lapsed', simulatedTeamName(LAPSED_TEAM % teamCount), { aiFromWeek: 0, aiUntilWeek: Math.max(0, weeks - 5 - index), licensedFrom: null });
    }
    for (let index = 0; index < story.smallTeam; index++) {
        add('small_team', SMALL_TEAM, { aiFromWeek: 0, aiUntilWeek: Number.POSITIVE_INFINITY, licensedFrom: null });
    }
    return users;
}
//# sourceMappingURL=story-users.js.map