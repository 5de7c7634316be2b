import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { writeDataset } from '../../src/generate/write-dataset.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { isoWeekOf, shiftWeek, weekBounds } from '../../src/util/iso-week.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// End to end on a generated set: CSV files -> cleanInput -> computeMetrics, against the people figures
// recounted here from the cleaned rows in the plainest way (objects, no shared code with the KPIs).
describe('people KPIs on a generated data set', () => {
  it('agree with a plain recount of idle seats, usage tiers and new users in the report week', async () => {
    const dataset = generateDataset({ seed: 7, users: 40, weeks: 6, endWeek: '2026-W47' });
    const folder = mkdtempSync(join(tmpdir(), 'uptake-people-'));
    folders.push(folder);
    await writeDataset(join(folder, 'input'), dataset);
    const config = parseConfig({ timezone: dataset.truth.settings.timezone, privacy: { minGroupSize: 0 } });
    const cleaned = await cleanInput(join(folder, 'input'), config);
    // The generator does not simulate churn yet: take out tasks so that a licensed user is idle (all their tasks),
    // one is new in W47 (their tasks before it) and one lapsed (their tasks from W44 on).
    const users = [...new Set(Array.from(cleaned.roster.array('user_id') as ArrayLike<string>))].sort();
    const [idleUser, newUser, lapsedUser] = [users[1], users[2], users[3]];
    const windowStart = Date.parse(`${weekBounds('2026-W44').start}T00:00:00Z`) - 14 * 3_600_000; // before W44 in any zone
    const keep = (userId: string, startedAt: number, week: string) =>
      userId !== idleUser && !(userId === newUser && week !== '2026-W47') && !(userId === lapsedUser && startedAt >= windowStart);
    const weeks = Array.from(cleaned.tasks.array('started_at') as ArrayLike<number>, (startedAt) => isoWeekOf(startedAt, config.timezone));
    const userIds = cleaned.tasks.array('user_id') as ArrayLike<string>;
    const startedAts = cleaned.tasks.array('started_at') as ArrayLike<number>;
    const kept: number[] = [];
    for (let row = 0; row < weeks.length; row += 1) if (keep(userIds[row], startedAts[row], weeks[row])) kept.push(row);
    const data = { ...cleaned, tasks: cleaned.tasks.reify(kept) };
    const doc = computeMetrics(data, config, '2026-W47');

    const zone = config.timezone;
    const ai = (data.tasks.objects() as Array<Record<string, unknown>>)
      .filter((task) => task.source === 'ai_logs' && task.status === 'completed')
      .map((task) => ({ user: String(task.user_id), week: isoWeekOf(task.started_at as number, zone), startedAt: task.started_at as number }));
    const rosterMonth = weekBounds('2026-W47').thursday.slice(0, 7);
    const licensed = (data.roster.objects() as Array<Record<string, unknown>>)
      .filter((row) => row.month === rosterMonth && row.licensed === true)
      .map((row) => String(row.user_id));
    expect(licensed.length).toBeGreaterThan(20);
    expect([idleUser, newUser, lapsedUser].every((user) => licensed.includes(user))).toBe(true);

    // Idle: licensed, no AI task in W44..W47
    const window = new Set([0, 1, 2, 3].map((back) => shiftWeek('2026-W47', -back)));
    const idle = licensed.filter((user) => !ai.some((task) => task.user === user && window.has(task.week)));
    const all = doc.tables.idle_seats.find((row) => row.team === '*')!;
    expect(all).toMatchObject({ licensed_users: licensed.length, idle_seats: idle.length });
    expect(all.idle_share).toBeCloseTo(idle.length / licensed.length, 12);

    // Tiers: licensed users plus anyone with an AI task in W47, by their AI tasks that week
    const perUser = new Map<string, number>();
    for (const task of ai) if (task.week === '2026-W47') perUser.set(task.user, (perUser.get(task.user) ?? 0) + 1);
    const people = new Set([...licensed, ...perUser.keys()]);
    const tiers = { none: 0, light: 0, moderate: 0, heavy: 0 };
    for (const user of people) {
      const tasks = perUser.get(user) ?? 0;
      tiers[tasks === 0 ? 'none' : tasks <= 5 ? 'light' : tasks <= 20 ? 'moderate' : 'heavy'] += 1;
    }
    const tierRow = doc.tables.usage_tiers.find((row) => row.week === '2026-W47' && row.team === '*')!;
    expect(tierRow).toMatchObject({ people: people.size, ...tiers });

    // New AI users: licensed users whose first AI task over all data is in W47
    const first = new Map<string, number>();
    for (const task of ai) first.set(task.user, Math.min(first.get(task.user) ?? Infinity, task.startedAt));
    const newUsers = licensed.filter((user) => first.has(user) && isoWeekOf(first.get(user)!, zone) === '2026-W47');
    expect(doc.tables.activation.find((row) => row.grain === 'week' && row.period === '2026-W47' && row.team === '*')).toMatchObject({
      licensed_users: licensed.length,
      new_ai_users: newUsers.length,
    });

    // Team rows add up to the all-teams row when every person has a team
    const teamSum = doc.tables.usage_tiers.filter((row) => row.week === '2026-W47' && row.team !== '*').reduce((sum, row) => sum + (row.people as number), 0);
    expect(teamSum).toBe(people.size);
    // The three users taken out are found (beside the generator's own story users)
    expect(idle).toEqual(expect.arrayContaining([idleUser, lapsedUser]));
    expect(newUsers).toContain(newUser);
  });

  // The generator's truth (src/generate/reference-people.ts) is computed independently of src/metrics.
  it('equal the generator\'s truth, row for row, on an untouched generated set (seed 7)', async () => {
    const dataset = generateDataset({ seed: 7, users: 40, weeks: 6, endWeek: '2026-W47' });
    const folder = mkdtempSync(join(tmpdir(), 'uptake-people-'));
    folders.push(folder);
    await writeDataset(join(folder, 'input'), dataset);
    const truth = dataset.truth.people['2026-W47'];
    const config = parseConfig({ timezone: truth.settings.timezone, privacy: { minGroupSize: 0 } });
    const doc = computeMetrics(await cleanInput(join(folder, 'input'), config), config, '2026-W47');
    const pick = (row: object, keys: string[]) => Object.fromEntries(keys.map((key) => [key, (row as Record<string, unknown>)[key]]));
    const byTeam = <Row extends { team?: unknown }>(rows: Row[]) => [...rows].sort((a, b) => String(a.team).localeCompare(String(b.team)));
    const idleKeys = ['team', 'licensed_users', 'idle_seats', 'lapsed_users'];
    expect(byTeam(doc.tables.idle_seats).map((row) => pick(row, idleKeys))).toEqual(byTeam(truth.idle_seats).map((row) => pick(row, idleKeys)));
    const tierKeys = ['team', 'people', 'none', 'light', 'moderate', 'heavy'];
    const w47 = (rows: Array<{ week?: unknown; team?: unknown }>) => byTeam(rows.filter((row) => row.week === '2026-W47')).map((row) => pick(row, tierKeys));
    expect(w47(doc.tables.usage_tiers)).toEqual(w47(truth.usage_tiers));
    const activation = doc.tables.activation.filter((row) => row.grain === 'week' && row.period === '2026-W47');
    const truthActivation = truth.activation_by_week.filter((row) => row.week === '2026-W47');
    const activationKeys = ['team', 'licensed_users', 'new_ai_users', 'median_days_to_first_ai_task'];
    expect(byTeam(activation).map((row) => pick(row, activationKeys))).toEqual(byTeam(truthActivation).map((row) => pick(row, activationKeys)));
    expect(truth.idle_seats.find((row) => row.team === '*')!.idle_seats).toBeGreaterThan(0);
  });
});
