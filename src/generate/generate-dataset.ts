import { UptakeError } from '../errors.js';
import { isIsoWeek, shiftWeek } from '../util/iso-week.js';
import { createRowAccountant } from './create-row-accountant.js';
import { describeDataset } from './describe-dataset.js';
import { computeReferenceTables, DEFAULT_REFERENCE_SETTINGS, referenceBaselines } from './reference-metrics.js';
import { renderLogFile, renderRosterFiles } from './render-files.js';
import { computeReferencePeople, type ReferencePeople } from './reference-people.js';
import { MAX_TEAMS, STORY_DEFAULTS, TEAMS, type StoryOptions } from './catalogue.js';
import { simulateActivity } from './simulate-activity.js';
import type { GeneratedDataset, GeneratedFile, GenerateOptions, GroundTruth, ReferenceTables } from './types.js';

export const GENERATE_DEFAULTS = { users: 60, weeks: 8, seed: 1 } as const;

function checkOptions(options: GenerateOptions): void {
  const whole = (name: string, value: number, min: number, max: number): void => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UptakeError('usage', `expected ${name} to be a whole number from ${min} to ${max}, got \`${value}\``);
    }
  };
  whole('--users', options.users, 1, 1_000_000);
  whole('--weeks', options.weeks, 1, 520);
  whole('--teams', options.teams ?? TEAMS.length, 1, MAX_TEAMS);
  whole('--seed', options.seed, 0, 2 ** 31 - 1);
  whole('--idle-seats', options.idleSeats ?? STORY_DEFAULTS.idleSeats, 0, 1000);
  whole('--late-starters', options.lateStarters ?? STORY_DEFAULTS.lateStarters, 0, 1000);
  whole('--lapsed', options.lapsed ?? STORY_DEFAULTS.lapsed, 0, 1000);
  whole('--small-team', options.smallTeam ?? STORY_DEFAULTS.smallTeam, 0, 1000);
  whole('--harmful-per-week', options.harmfulPerWeek ?? STORY_DEFAULTS.harmfulPerWeek, 0, 200);
  whole('--blind-spots', options.blindSpots ?? STORY_DEFAULTS.blindSpots, 0, 1000);
  if (!isIsoWeek(options.endWeek)) throw new UptakeError('usage', `expected --end-week to be an ISO week like 2026-W47, got \`${options.endWeek}\``);
  const userWeeks = options.users * options.weeks;
  if (userWeeks > MAX_USER_WEEKS) {
    throw new UptakeError(
      'usage',
      `expected --users x --weeks to be at most ${MAX_USER_WEEKS.toLocaleString('en-US')} (the reference metrics hold every task in memory: about 33 tasks a user-week, 3 GB at 156,000), got ${options.users} x ${options.weeks} = ${userWeeks.toLocaleString('en-US')}; generate fewer, or make a larger set by copying a generated one (scripts/replicate-dataset.mjs)`,
    );
  }
}

// 3,000 users x 52 weeks (5.1 M tasks) peaked at 2.9 GB; 20,000 x 52 ran out of Node's 4.3 GB heap after minutes.
/** The most users x weeks `generate` takes. */
const MAX_USER_WEEKS = 200_000;

/**
 * The generator's core: simulates, hands each file to `onFile` as soon as it is complete (so a
 * caller can stream files to disk), then computes the truth and the README.
 * @example const { truth } = streamDataset(options, (file) => writeFileSync(file.name, file.content))
 */
export function streamDataset(options: GenerateOptions, onFile: (file: GeneratedFile) => void): Omit<GeneratedDataset, 'files'> {
  checkOptions(options);
  const progress = options.onProgress ?? (() => {});
  progress(`simulating ${options.users} users over ${options.weeks} weeks up to ${options.endWeek} (seed ${options.seed})`);
  const accountant = createRowAccountant();
  const written: Array<Pick<GeneratedFile, 'name' | 'kind' | 'rows'>> = [];
  const emit = (file: GeneratedFile): void => {
    onFile(file);
    written.push({ name: file.name, kind: file.kind, rows: file.rows });
  };
  const activity = simulateActivity(options, (weekIndex, rows) => {
    const week = shiftWeek(options.endWeek, weekIndex - options.weeks + 1);
    for (const source of ['ai_logs', 'manual_logs'] as const) {
      accountant.addFile(source, rows[source]);
      emit(renderLogFile(source, weekIndex, week, rows[source]));
    }
    progress(`wrote the exports of ${week} (${rows.ai_logs.length} AI rows, ${rows.manual_logs.length} manual rows)`);
  });
  for (const file of renderRosterFiles(activity)) emit(file);
  const account = accountant.finish(activity);

  progress(`computing the reference metrics over ${activity.tasks.length} tasks`);
  const settings = DEFAULT_REFERENCE_SETTINGS;
  const weeks: Record<string, ReferenceTables> = {};
  const baselines: Record<string, Record<string, number>> = {};
  const people: Record<string, ReferencePeople> = {};
  for (const week of [shiftWeek(options.endWeek, -1), options.endWeek]) {
    weeks[week] = computeReferenceTables(activity.tasks, activity.roster, week, settings);
    people[week] = computeReferencePeople(activity.tasks, activity.roster, week);
    const perType = referenceBaselines(activity.tasks, week, settings.timezone);
    baselines[week] = Object.fromEntries([...perType].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  let first: number | null = null;
  let last: number | null = null;
  for (const task of activity.tasks) {
    if (first === null || task.startedAt < first) first = task.startedAt;
    if (last === null || task.startedAt > last) last = task.startedAt;
  }
  const date = (instant: number): string => new Date(instant).toISOString().slice(0, 10);
  const repairsBySource = account.repairsBySource;
  const truth: GroundTruth = {
    seed: options.seed,
    options: {
      users: options.users,
      weeks: options.weeks,
      seed: options.seed,
      end_week: options.endWeek,
      ...(options.teams === undefined ? {} : { teams: options.teams }),
      ...storyOptionsChanged(options),
    },
    end_week: options.endWeek,
    settings: { ...settings, privacy_min_group_size: 0 },
    loaded_dates: first === null || last === null ? null : { first: date(first), last: date(last) },
    accounting: account.accounting,
    quarantine_by_reason: account.quarantineByReason,
    quarantine_by_source: account.quarantineBySource,
    repairs: { clock_skew: repairsBySource.ai_logs.clock_skew + repairsBySource.manual_logs.clock_skew },
    repairs_by_source: repairsBySource,
    baselines,
    weeks,
    people,
    story: { ...activity.story, expected_adoption_drop_alerts: adoptionDrops(weeks[options.endWeek]) },
  };
  const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { truth, readme: describeDataset(truth, written.sort(byName)) };
}

/**
 * Builds a synthetic input folder in memory, every defect of CONTRACT sections 1-2 included, and the
 * truth a correct pipeline must report on it. Pure: the same options give the same bytes.
 * For large sets prefer `writeGeneratedDataset`, which streams the files to disk.
 * @example const { files, truth } = generateDataset({ seed: 1, users: 60, weeks: 8, endWeek: '2026-W47' })
 */
export function generateDataset(options: GenerateOptions): GeneratedDataset {
  const files: GeneratedFile[] = [];
  const rest = streamDataset(options, (file) => files.push(file));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, ...rest };
}

/** The story options that differ from their defaults (what truth.json records). */
function storyOptionsChanged(options: GenerateOptions): Partial<StoryOptions> {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(STORY_DEFAULTS) as Array<keyof StoryOptions>) {
    if (options[key] !== undefined && options[key] !== STORY_DEFAULTS[key]) changed[key] = options[key];
  }
  return changed as Partial<StoryOptions>;
}

function adoptionDrops(tables: ReferenceTables): Array<{ team: string; delta_pts: number }> {
  return tables.adoption_by_team
    .filter((row) => row.team !== '*' && row.delta_pts !== null && row.delta_pts <= -10)
    .map((row) => ({ team: row.team, delta_pts: row.delta_pts as number }));
}
