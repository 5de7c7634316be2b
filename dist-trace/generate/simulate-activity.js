import { shiftWeek, weekBounds } from '../util/iso-week.js';
import { ADOPTION_PLAN, CLIENT_OS, FALSE_WORDS, HOSTILE_PROMPTS, LAST_WEEK_ADOPTION_CHANGE, ON_TARGET_SHARE, SALES_OPS_LAST_WEEKS_ON_TARGET, STATUS_WORDS, TASK_TYPES, TEAM_TASK_MIX, TEAMS, TOOL_VERSIONS, TRUE_WORDS, ZONES, baseTeamOf, simulatedTeamName, BLIND_SPOT_SLOTS, SMALL_TEAM, STORY_DEFAULTS, } from './catalogue.js';
import { aiStyleOfWeek, manualStyleOfWeek, styleHas } from './file-styles.js';
import { createSeededRandom } from './seeded-random.js';
import { buildStoryUsers } from './story-users.js';
import { formatWall, offsetMinutes, resolveWallClock, utcDate, wallClockOf } from './zone-time.js';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const STATUS_RANK = { error: 1, abandoned: 2, completed: 3 };
const FORMATS = ['iso_z', 'iso_z_ms', 'offset', 'naive', 'naive_iso', 'epoch_s', 'epoch_ms'];
const FORMAT_WEIGHTS = [30, 5, 20, 25, 5, 8, 7];
const roundTo30s = (ms) => Math.max(30_000, Math.round(ms / 30_000) * 30_000);
const titleWords = (label) => label.split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
const VARIANT_WEIGHTS = [5, 3, 4, 3, 3, 2];
const variantCache = new Map();
// Misspellings a person or another tool would produce; abbreviations keep each token a prefix.
function variantsOf(taskType) {
    let variants = variantCache.get(taskType);
    if (!variants) {
        const abbreviation = TASK_TYPES[taskType].abbreviation;
        variants = [titleWords(taskType), taskType.toUpperCase(), taskType.replace(/_/g, '-'), `  ${taskType} `, abbreviation, titleWords(abbreviation)];
        variantCache.set(taskType, variants);
    }
    return variants;
}
function labelVariant(taskType, random, avoid) {
    if (avoid !== undefined)
        return random.pick(variantsOf(taskType).filter((variant) => variant !== avoid));
    if (random.next() < 0.8)
        return taskType;
    return random.weighted(variantsOf(taskType), VARIANT_WEIGHTS);
}
function teamCell(team, random) {
    const draw = random.next();
    if (draw < 0.06)
        return '';
    if (draw < 0.08)
        return team.toLowerCase();
    if (draw < 0.1)
        return team.toUpperCase();
    if (draw < 0.12)
        return ` ${team} `;
    return team;
}
function harmfulCell(harmful, random) {
    if (harmful === null)
        return '';
    return random.pick(harmful ? TRUE_WORDS : FALSE_WORDS);
}
function statusWord(status, random) {
    const words = STATUS_WORDS[status];
    return random.weighted(words.map(([word]) => word), words.map(([, weight]) => weight));
}
function isBlindSpot(team, member, count) {
    for (let index = 0; index < count; index++) {
        const [slotTeam, slotMember] = BLIND_SPOT_SLOTS[index % BLIND_SPOT_SLOTS.length];
        if (team === slotTeam && member === slotMember + 3 * Math.floor(index / BLIND_SPOT_SLOTS.length))
            return true;
    }
    return false;
}
function buildUsers(count, random, teamCount, blindSpots) {
    const unlicensed = count >= 12 ? Math.round(count / 10) : 0;
    const users = [];
    for (let index = 0; index < count; index++) {
        const licensed = index < count - unlicensed;
        const slot = licensed ? index : index - (count - unlicensed);
        const teamIndex = slot % teamCount;
        const member = Math.floor(slot / teamCount);
        const team = simulatedTeamName(teamIndex);
        users.push({
            userId: `u${String(index + 1).padStart(3, '0')}`,
            team,
            zone: ZONES[(member + teamIndex + (licensed ? 0 : 2)) % ZONES.length],
            licensed,
            affinity: 0.85 + 0.3 * random.next(),
            accumulator: random.next(),
            weekendWorker: random.chance(0.1),
            blindSpot: licensed && isBlindSpot(team, member, blindSpots),
            powerUser: licensed && team === 'Engineering' && member === 0,
            special: false,
            role: 'regular',
            aiFromWeek: 0,
            aiUntilWeek: Number.POSITIVE_INFINITY,
            licensedFrom: null,
            started: true,
        });
    }
    return users;
}
const AI_QUARANTINE = [
    'missing_id', 'missing_user_id', 'missing_started_at', 'invalid_started_at', 'missing_status', 'unknown_status',
    'accuracy_out_of_range', 'field_count', 'missing_id', 'invalid_started_at', 'unknown_status', 'accuracy_out_of_range', 'field_count', 'missing_user_id',
];
const MANUAL_QUARANTINE = ['missing_id', 'missing_user_id', 'invalid_started_at', 'field_count', 'missing_user_id', 'invalid_started_at'];
/**
 * Simulates the organisation's weeks day by day: every clean task (the truth) and every raw row
 * the exports hold for it, defects included. Each weekly export is handed to `onWeek` as soon as
 * it is complete, so memory holds about a week of rows, not the whole set.
 * @example simulateActivity({ seed: 1, users: 60, weeks: 8, endWeek: '2026-W47' }, (week, rows) => write(week, rows)).tasks.length
 */
export function simulateActivity(options, onWeek) {
    const storyOptions = { ...STORY_DEFAULTS };
    for (const key of Object.keys(STORY_DEFAULTS)) {
        if (options[key] !== undefined)
            storyOptions[key] = options[key];
    }
    // Two random streams: the regular users' and the story's; `useStream` switches every draw and id counter.
    let random = createSeededRandom(options.seed);
    let idPrefix = '';
    const weeks = options.weeks;
    const weekLabels = Array.from({ length: weeks }, (_, index) => shiftWeek(options.endWeek, index - weeks + 1));
    const rangeStart = Date.parse(`${weekBounds(weekLabels[0]).start}T00:00:00Z`);
    const rangeEnd = Date.parse(`${weekBounds(options.endWeek).end}T00:00:00Z`) + DAY;
    const lastWeekStart = rangeEnd - WEEK;
    const gapDay = weeks >= 2 && storyOptions.gap ? lastWeekStart + 2 * DAY : null;
    const gapDate = gapDay === null ? null : utcDate(gapDay);
    const regularUsers = buildUsers(options.users, random, options.teams ?? TEAMS.length, storyOptions.blindSpots);
    const storyRandom = createSeededRandom((options.seed ^ 0x5eed) + 1);
    const thursdayMonth = (week) => utcDate(rangeStart + week * WEEK + 3 * DAY).slice(0, 7);
    const storyUsers = buildStoryUsers(regularUsers.length, weeks, thursdayMonth, storyOptions, storyRandom, options.teams ?? TEAMS.length);
    const storyIds = new Set(storyUsers.map((user) => user.userId));
    const users = [...regularUsers, ...storyUsers];
    const harmRandom = createSeededRandom((options.seed ^ 0x4a2f) + 2);
    // Harmful outputs: in every week, these (0-based) completed regular AI tasks with a drawn "not harmful" become harmful.
    const harmTargets = Array.from({ length: weeks }, () => {
        const targets = new Set();
        while (targets.size < Math.min(storyOptions.harmfulPerWeek, 200))
            targets.add(harmRandom.int(0, 199));
        return targets;
    });
    const harmCandidates = new Array(weeks).fill(0);
    const harmfulPlanted = [];
    const tasks = [];
    let pending = [];
    const taskRowsMade = { ai_logs: 0, manual_logs: 0 };
    const keep = (newRows) => {
        for (const row of newRows) {
            pending.push(row);
            if (row.quarantine === null && !row.retryDuplicate)
                taskRowsMade[row.source]++;
        }
    };
    const monthly = new Map();
    let serial = 0;
    let manualSerial = 0;
    let promptSerial = 1000;
    const story = {};
    let other = { random: storyRandom, idPrefix: 'x', serial: 0, manualSerial: 0, promptSerial: 500_000 };
    const useStream = () => {
        const current = { random, idPrefix, serial, manualSerial, promptSerial };
        ({ random, idPrefix, serial, manualSerial, promptSerial } = other);
        other = current;
    };
    const weekIndexOf = (instant) => Math.floor((instant - rangeStart) / WEEK);
    // A row on a Sunday (UTC) is also in the next week's export: the exports overlap by one day.
    const placements = (instant) => {
        const week = weekIndexOf(instant);
        return Math.floor(instant / DAY) % 7 === 3 && week + 1 < weeks ? [week, week + 1] : [week];
    };
    const inRange = (instant) => instant >= rangeStart && instant < rangeEnd;
    const count = (userId, instant, completedAi) => {
        const key = `${userId}|${utcDate(instant).slice(0, 7)}`;
        const totals = monthly.get(key) ?? { tasksTotal: 0, aiTasksTotal: 0 };
        totals.tasksTotal++;
        if (completedAi)
            totals.aiTasksTotal++;
        monthly.set(key, totals);
    };
    const adoptionShare = (user, week) => {
        const [first, beforeLast] = ADOPTION_PLAN[baseTeamOf(user.team)];
        const steps = Math.max(1, weeks - 2);
        const clamped = Math.min(Math.max(week, 0), weeks - 1);
        let share = first + ((beforeLast - first) * Math.min(clamped, steps)) / steps;
        if (clamped === weeks - 1 && weeks >= 2) {
            share = beforeLast + (beforeLast - first) / steps + (LAST_WEEK_ADOPTION_CHANGE[user.team] ?? 0);
            if (user.powerUser)
                return 0.97;
        }
        return Math.min(0.97, share * user.affinity);
    };
    const onTargetShare = (team, week) => {
        const fromEnd = weeks - 1 - week;
        if (team === 'Sales Ops' && fromEnd < SALES_OPS_LAST_WEEKS_ON_TARGET.length && weeks >= 5) {
            return SALES_OPS_LAST_WEEKS_ON_TARGET[SALES_OPS_LAST_WEEKS_ON_TARGET.length - 1 - fromEnd];
        }
        return ON_TARGET_SHARE[baseTeamOf(team)];
    };
    const baseRow = (source, user, taskType, start) => ({
        source,
        id: source === 'ai_logs' ? `evt-${idPrefix}${String(++serial).padStart(7, '0')}` : `T-${idPrefix}${String(++manualSerial).padStart(6, '0')}`,
        userId: user.userId,
        teamCell: teamCell(user.team, random),
        label: labelVariant(taskType, random),
        start,
        end: null,
        durationColumnMs: null,
        swapped: false,
        format: random.weighted(FORMATS, FORMAT_WEIGHTS),
        zone: user.zone,
        statusWord: '',
        accuracyMilli: null,
        harmfulCell: '',
        prompt: '',
        toolVersion: source === 'ai_logs' ? random.pick(TOOL_VERSIONS) : '',
        clientOs: random.pick(CLIENT_OS),
        quarantine: null,
        extraField: false,
        retryDuplicate: false,
        duplicateInFile: false,
        fragment: false,
    });
    const setEnd = (row, end) => {
        row.end = end;
        row.durationColumnMs = end === null ? null : end - row.start;
    };
    // Clock skew and a disagreeing duration column only go into single-file rows whose file can show them.
    const maybeSkew = (row, chance) => {
        if (row.end === null || !random.chance(chance) || !inRange(row.start))
            return;
        const files = placements(row.start);
        const hasEnd = row.source === 'ai_logs' ? styleHas(aiStyleOfWeek(files[0]), 'end') : styleHas(manualStyleOfWeek(files[0]), 'end');
        if (files.length === 1 && hasEnd)
            row.swapped = true;
    };
    const maybeDisagree = (row) => {
        if (row.end === null || row.swapped || !random.chance(0.1) || !inRange(row.start))
            return;
        const files = placements(row.start);
        const style = aiStyleOfWeek(files[0]);
        if (files.length === 1 && row.source === 'ai_logs' && styleHas(style, 'end') && styleHas(style, 'duration_s')) {
            row.durationColumnMs = row.end - row.start + 60_000;
        }
    };
    const drawAccuracy = (team, week) => random.chance(onTargetShare(team, week)) ? random.int(900, 1000) : random.int(550, 899);
    const promptFor = (taskType, number) => random.chance(0.03)
        ? `${random.pick(HOSTILE_PROMPTS)} #${number}`
        : TASK_TYPES[taskType].prompt.replace('{n}', String(number));
    // One AI task: its clean record and its raw rows (plain, fragmented or retried).
    const simulateAiTask = (user, start, taskType, forced) => {
        const week = Math.min(Math.max(weekIndexOf(start), 0), weeks - 1);
        const status = forced?.status ?? random.weighted(['completed', 'abandoned', 'error'], user.powerUser ? [95, 4, 1] : [86, 9, 5]);
        const duration = roundTo30s(TASK_TYPES[taskType].manualMinutes * MINUTE * (0.25 + 0.35 * random.next()));
        let accuracy = null;
        if (status === 'completed')
            accuracy = random.chance(0.12) ? null : drawAccuracy(user.team, week);
        else if (random.chance(0.2))
            accuracy = random.int(300, 700);
        let harmful = status === 'completed' ? (random.chance(0.002) ? true : random.chance(0.85) ? false : null) : random.chance(0.5) ? false : null;
        // A planted harmful output replaces a drawn "false" (the same number of draws follow, so the rows stay put).
        const planted = harmful === false && status === 'completed' && user.role === 'regular' && !forced && inRange(start) && harmTargets[week].has(harmCandidates[week]++);
        if (planted)
            harmful = true;
        const prompt = promptFor(taskType, ++promptSerial);
        const unlogged = (user.blindSpot && status === 'completed' && random.chance(0.35)) ||
            (user.team === 'Legal' && gapDay !== null && start >= gapDay && start < gapDay + DAY);
        if (unlogged && !forced) {
            if (inRange(start))
                count(user.userId, start, status === 'completed');
            return start + duration;
        }
        const shapeDraw = random.next();
        const taskRows = [];
        let taskDuration = duration;
        let realEnd = start + duration;
        if (forced || (shapeDraw < 0.03 && duration >= 2 * MINUTE)) {
            // Fragmented session: rows separated by gaps of at most 10 minutes.
            let parts = forced?.parts;
            if (!parts) {
                const pieces = duration >= 6 * MINUTE && random.chance(0.25) ? 3 : 2;
                parts = [];
                let left = duration;
                for (let piece = 0; piece < pieces - 1; piece++) {
                    const part = Math.min(left - 30_000 * (pieces - 1 - piece), roundTo30s(left * (0.3 + 0.3 * random.next())));
                    parts.push(part);
                    left -= part;
                }
                parts.push(left);
            }
            const gaps = forced?.gaps ?? parts.slice(1).map(() => random.int(20, 540) * 1000);
            const unknownLast = !forced && random.chance(0.1);
            const accuracyInEarlierRow = accuracy !== null && random.chance(0.3);
            const harmfulRow = random.int(0, parts.length - 1);
            let cursor = start;
            parts.forEach((part, index) => {
                const last = index === parts.length - 1;
                const row = baseRow('ai_logs', user, taskType, cursor);
                row.fragment = true;
                setEnd(row, last && unknownLast ? null : cursor + part);
                row.statusWord = statusWord(last ? status : random.pick(['completed', 'abandoned']), random);
                row.prompt = last ? prompt : `${prompt} (draft ${index + 1})`;
                if (accuracy !== null) {
                    if (accuracyInEarlierRow)
                        row.accuracyMilli = index === parts.length - 2 ? accuracy : null;
                    else
                        row.accuracyMilli = last ? accuracy : random.chance(0.5) ? random.int(500, 1000) : null;
                }
                row.harmfulCell = harmful === true ? harmfulCell(index === harmfulRow, random) : harmfulCell(harmful, random);
                taskRows.push(row);
                cursor += part + (last ? 0 : gaps[index]);
            });
            realEnd = cursor;
            taskDuration = unknownLast ? null : parts.reduce((sum, part) => sum + part, 0);
        }
        else {
            const row = baseRow('ai_logs', user, taskType, start);
            if (!drawEnd(row, user, start, duration))
                taskDuration = null;
            row.statusWord = statusWord(status, random);
            row.accuracyMilli = accuracy;
            row.harmfulCell = harmfulCell(harmful, random);
            row.prompt = prompt;
            taskRows.push(row);
            if (shapeDraw < 0.07) {
                // Retries: same prompt, another spelling, starts chained within 30 s; worse rows before, echoes after.
                const worse = ['error', 'abandoned'].filter((candidate) => STATUS_RANK[candidate] < STATUS_RANK[status]);
                const before = worse.length > 0 && random.chance(0.7) ? (status === 'completed' ? random.int(1, 2) : 1) : 0;
                const after = before === 0 || random.chance(0.3) ? 1 : 0;
                let cursor = start;
                for (let index = 0; index < before; index++) {
                    cursor -= random.int(8, 28) * 1000;
                    taskRows.unshift(retryRow(user, taskType, cursor, random.pick(worse), row));
                }
                cursor = start;
                for (let index = 0; index < after; index++) {
                    cursor += random.int(5, 28) * 1000;
                    const echoStatus = random.pick(['error', 'abandoned', 'completed'].filter((candidate) => STATUS_RANK[candidate] <= STATUS_RANK[status]));
                    taskRows.push(retryRow(user, taskType, cursor, echoStatus, row));
                }
            }
            else {
                maybeSkew(row, 0.01);
                maybeDisagree(row);
                if (!row.swapped && random.chance(0.003))
                    row.duplicateInFile = true;
            }
        }
        if (!taskRows.every((row) => inRange(row.start)))
            return realEnd;
        keep(taskRows);
        const kept = taskRows.find((row) => !row.retryDuplicate);
        if (planted) {
            harmfulPlanted.push({ task_id: kept.id, user_id: user.userId, started_at: new Date(kept.start).toISOString() });
        }
        tasks.push({
            source: 'ai_logs',
            taskId: kept.id,
            userId: user.userId,
            team: user.team,
            taskType,
            startedAt: kept.start,
            durationMs: taskDuration,
            status,
            accuracy: accuracy === null ? null : accuracy / 1000,
            harmful,
        });
        count(user.userId, start, status === 'completed');
        return realEnd;
    };
    const retryRow = (user, taskType, start, status, kept) => {
        const row = baseRow('ai_logs', user, taskType, start);
        row.label = labelVariant(taskType, random, kept.label);
        setEnd(row, start + 30_000);
        row.statusWord = statusWord(status, random);
        row.prompt = kept.prompt;
        row.retryDuplicate = true;
        return row;
    };
    // 2 % of tasks lose their end, 0.4 % run past the 8 h limit; the rest end after `duration`.
    // Returns whether the task keeps a usable duration. (The draws' order fixes the sample's bytes.)
    const drawEnd = (row, user, start, duration) => {
        const durationDraw = random.next();
        if (durationDraw < 0.02) {
            setEnd(row, null);
            return false;
        }
        if (durationDraw < 0.024 && !user.special) {
            setEnd(row, start + roundTo30s(random.int(510, 660) * MINUTE));
            return false;
        }
        setEnd(row, start + duration);
        return true;
    };
    const simulateManualTask = (user, start, taskType) => {
        const duration = roundTo30s(TASK_TYPES[taskType].manualMinutes * MINUTE * (0.6 + random.next()));
        const row = baseRow('manual_logs', user, taskType, start);
        const taskDuration = drawEnd(row, user, start, duration) ? duration : null;
        maybeSkew(row, 0.01);
        if (!row.swapped && random.chance(0.003))
            row.duplicateInFile = true;
        if (!inRange(start))
            return start + duration;
        keep([row]);
        tasks.push({
            source: 'manual_logs',
            taskId: row.id,
            userId: user.userId,
            team: user.team,
            taskType,
            startedAt: start,
            durationMs: taskDuration,
            status: 'completed',
            accuracy: null,
            harmful: null,
        });
        count(user.userId, start, false);
        return start + duration;
    };
    // Specials: users that carry the DST tasks and the task split across two weekly files.
    const firstOfZone = (zone) => regularUsers.find((user) => user.licensed && user.zone === zone && !user.blindSpot && !user.powerUser);
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
        const user = firstOfZone(zone);
        if (user)
            user.special = true;
    }
    const splitUser = firstOfZone('Australia/Sydney');
    const splitInstant = weeks >= 2 ? lastWeekStart - 15 * MINUTE : null;
    const splitLocalDay = splitUser && splitInstant !== null ? utcDate(wallClockOf(splitInstant, splitUser.zone)) : null;
    // 1. Tasks at the DST changes: ambiguous and skipped local times written naive.
    const dstTasks = [];
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
        const user = firstOfZone(zone);
        if (!user)
            continue;
        const taskType = TEAM_TASK_MIX[baseTeamOf(user.team)][0][0];
        for (let hour = rangeStart + HOUR; hour < rangeEnd; hour += HOUR) {
            const before = offsetMinutes(zone, hour - HOUR);
            const after = offsetMinutes(zone, hour);
            if (before === after)
                continue;
            const planned = after < before
                ? [
                    { start: hour - 30 * MINUTE, note: 'ambiguous local time, first occurrence (naive)' },
                    { start: hour + 40 * MINUTE, note: 'ambiguous local time, second occurrence (needs its offset)' },
                ]
                : [{ start: hour + 30 * MINUTE, startText: formatWall(hour + before * MINUTE + 30 * MINUTE), note: 'skipped local time (naive, moves forward)' }];
            for (const plan of planned) {
                if (!inRange(plan.start))
                    continue;
                const id = `evt-${String(serial + 1).padStart(7, '0')}`;
                const row = baseRow('ai_logs', user, taskType, plan.start);
                row.label = taskType;
                row.teamCell = user.team;
                row.format = 'naive';
                row.startText = plan.startText;
                setEnd(row, plan.start + 20 * MINUTE);
                row.statusWord = 'completed';
                row.accuracyMilli = 950;
                row.harmfulCell = 'false';
                row.prompt = `${TASK_TYPES[taskType].prompt.replace('{n}', String(++promptSerial))} (night shift)`;
                keep([row]);
                tasks.push({ source: 'ai_logs', taskId: id, userId: user.userId, team: user.team, taskType, startedAt: plan.start, durationMs: 20 * MINUTE, status: 'completed', accuracy: 0.95, harmful: false });
                count(user.userId, plan.start, true);
                dstTasks.push({ zone, user_id: user.userId, task_id: id, started_at: new Date(plan.start).toISOString(), note: plan.note });
            }
        }
    }
    // 3. Quarantinable rows: copies of ordinary rows of a week with exactly one fatal defect each.
    const quarantineInto = (weekIndex, source, fileRows, reasons) => {
        const mine = reasons.filter((_, index) => Math.floor((index * weeks) / reasons.length) === weekIndex);
        const templates = fileRows.filter((row) => !storyIds.has(row.userId) && !row.fragment && !row.retryDuplicate && !row.swapped && !row.duplicateInFile && row.startText === undefined && row.end !== null && placements(row.start).length === 1 && weekIndexOf(row.start) === weekIndex);
        if (templates.length === 0)
            return;
        mine.forEach((reason, index) => {
            const template = templates[Math.floor(((index + 0.5) / mine.length) * templates.length)];
            const row = { ...template, durationColumnMs: template.end - template.start, quarantine: reason };
            row.id = source === 'ai_logs' ? `evt-${String(++serial).padStart(7, '0')}` : `T-${String(++manualSerial).padStart(6, '0')}`;
            if (source === 'ai_logs')
                row.prompt = `${row.prompt} (resent ${serial})`;
            if (reason === 'missing_id')
                row.id = '';
            if (reason === 'missing_user_id')
                row.userId = '';
            if (reason === 'missing_started_at')
                row.startText = '';
            if (reason === 'invalid_started_at')
                row.startText = index % 2 === 0 ? 'yesterday' : '2026-13-45 25:61:00';
            if (reason === 'missing_status')
                row.statusWord = '';
            if (reason === 'unknown_status')
                row.statusWord = index % 2 === 0 ? 'pending' : 'in_progress';
            if (reason === 'accuracy_out_of_range')
                row.accuracyMilli = 1000 + random.int(50, 800);
            if (reason === 'field_count')
                row.extraField = true;
            fileRows.push(row);
        });
    };
    // Export week i holds UTC dates from the Sunday before it to its own Sunday.
    const byStart = (a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const flush = (weekIndex) => {
        const fileStart = rangeStart + weekIndex * WEEK - DAY;
        const fileEnd = fileStart + WEEK + DAY;
        const fileRows = { ai_logs: [], manual_logs: [] };
        for (const row of pending)
            if (row.start >= fileStart && row.start < fileEnd)
                fileRows[row.source].push(row);
        quarantineInto(weekIndex, 'ai_logs', fileRows.ai_logs, AI_QUARANTINE);
        quarantineInto(weekIndex, 'manual_logs', fileRows.manual_logs, MANUAL_QUARANTINE);
        fileRows.ai_logs.sort(byStart);
        fileRows.manual_logs.sort(byStart);
        onWeek(weekIndex, fileRows);
        pending = pending.filter((row) => row.start >= fileEnd - DAY);
    };
    // 2. Ordinary working days, in each user's own zone, day by day; a week's export is complete once
    // every zone's local day after it has been simulated.
    const firstLocalDay = rangeStart - DAY;
    const lastLocalDay = rangeEnd;
    // The share of a user's next task done with AI (the accumulator turns shares into whole tasks).
    const aiShare = (user, week) => {
        if (!user.licensed)
            return 0;
        if (user.role === 'regular')
            return adoptionShare(user, week);
        if (week < user.aiFromWeek || week > user.aiUntilWeek)
            return 0;
        if (!user.started) {
            // A late starter's first task of its first week is an AI task.
            user.started = true;
            user.accumulator = 1;
            return 0;
        }
        return adoptionShare(user, week);
    };
    const simulateDay = (user, dayWall) => {
        const mix = TEAM_TASK_MIX[baseTeamOf(user.team)];
        const weekday = new Date(dayWall).getUTCDay();
        const lastWeekDay = dayWall >= lastWeekStart && dayWall < rangeEnd;
        const busy = user.powerUser && lastWeekDay && weekday >= 1 && weekday <= 5;
        let taskCount;
        if (weekday === 0 || weekday === 6) {
            if (!user.weekendWorker || !random.chance(0.3))
                return;
            taskCount = random.int(1, 3);
        }
        else {
            taskCount = busy ? 14 : random.int(5, 8);
        }
        let cursor = resolveWallClock(dayWall + 8 * HOUR + random.int(0, 75) * MINUTE + random.int(0, 59) * 1000, user.zone);
        const dayEndWall = dayWall + (busy ? 20.5 : 18.5) * HOUR;
        const splitToday = user === splitUser && utcDate(dayWall) === splitLocalDay;
        if (splitToday)
            cursor = splitInstant;
        for (let index = 0; index < taskCount; index++) {
            if (wallClockOf(cursor, user.zone) >= dayEndWall)
                break;
            const taskType = random.weighted(mix.map(([type]) => type), mix.map(([, weight]) => weight));
            const week = weekIndexOf(cursor);
            let end;
            if (splitToday && index === 0) {
                end = simulateAiTask(user, cursor, mix[0][0], { status: 'completed', parts: [10 * MINUTE, 12 * MINUTE], gaps: [6 * MINUTE] });
                story.split_across_files = { user_id: user.userId, task_id: `evt-${String(serial - 1).padStart(7, '0')}`, started_at: new Date(cursor).toISOString() };
            }
            else {
                user.accumulator += aiShare(user, week);
                const useAi = user.accumulator >= 1;
                if (useAi)
                    user.accumulator -= 1;
                end = useAi ? simulateAiTask(user, cursor, taskType) : simulateManualTask(user, cursor, taskType);
            }
            cursor = end + random.int(busy ? 11 * 60 : 20 * 60, busy ? 16 * 60 : 60 * 60) * 1000;
        }
    };
    let nextFlush = 0;
    for (let dayWall = firstLocalDay; dayWall <= lastLocalDay; dayWall += DAY) {
        for (const user of regularUsers)
            simulateDay(user, dayWall);
        useStream();
        for (const user of storyUsers)
            simulateDay(user, dayWall);
        useStream();
        while (nextFlush < weeks && rangeStart + (nextFlush + 1) * WEEK <= dayWall)
            flush(nextFlush++);
    }
    while (nextFlush < weeks)
        flush(nextFlush++);
    // 4. The roster: one row per user and month, with the source system's (fuller) AI-task counts.
    const months = new Set();
    for (let day = rangeStart; day < rangeEnd; day += DAY)
        months.add(utcDate(day).slice(0, 7));
    const roster = [];
    const rosterRow = (user, month) => {
        const totals = monthly.get(`${user.userId}|${month}`) ?? { tasksTotal: 0, aiTasksTotal: 0 };
        const licensed = user.licensed && (user.licensedFrom === null || month >= user.licensedFrom);
        const extra = licensed && totals.aiTasksTotal > 0 && random.chance(0.2) ? random.int(1, 2) : 0;
        roster.push({
            userId: user.userId,
            team: user.team,
            month,
            timezone: user.zone,
            licensed,
            tasksTotal: totals.tasksTotal + extra,
            aiTasksTotal: totals.aiTasksTotal + extra,
        });
    };
    for (const month of [...months].sort()) {
        for (const user of regularUsers)
            rosterRow(user, month);
        useStream();
        for (const user of storyUsers)
            rosterRow(user, month);
        useStream();
    }
    const middleMonth = [...months].sort()[Math.floor(months.size / 2)];
    const rosterQuarantine = [{ ...roster.find((row) => row.month === middleMonth), userId: '' }];
    story.adoption_drop = { team: 'Procurement', note: 'adoption share planned 24 points lower in the last week' };
    story.asi_falling = { team: 'Sales Ops', note: 'on-target accuracy falls to 72%, 60%, 45% over the last three weeks' };
    const weekOf = (index) => weekLabels[Math.min(Math.max(index, 0), weeks - 1)];
    const idsOf = (role) => storyUsers.filter((user) => user.role === role);
    story.idle_seats = idsOf('idle_seat').map((user) => ({ user_id: user.userId, team: user.team }));
    story.late_starters = idsOf('late_starter').map((user) => ({ user_id: user.userId, team: user.team, licensed_from: user.licensedFrom, first_ai_week: weekOf(user.aiFromWeek) }));
    story.lapsed = idsOf('lapsed').map((user) => ({ user_id: user.userId, team: user.team, last_ai_week: weekOf(user.aiUntilWeek) }));
    story.small_team = storyOptions.smallTeam > 0 ? { team: SMALL_TEAM, users: idsOf('small_team').map((user) => user.userId) } : null;
    story.harmful_planted = harmfulPlanted;
    story.gap = gapDate ? { source: 'ai_logs', team: 'Legal', date: gapDate, note: "Legal's AI tasks that day were not logged" } : null;
    story.blind_spots = users.filter((user) => user.blindSpot).map((user) => user.userId);
    story.power_user = users.find((user) => user.powerUser)?.userId ?? null;
    story.unlicensed = users.filter((user) => !user.licensed).map((user) => user.userId);
    story.dst_tasks = dstTasks;
    return { weekLabels, rangeStart, rangeEnd, users, tasks, taskRowsMade, roster, rosterQuarantine, story };
}
//# sourceMappingURL=simulate-activity.js.map