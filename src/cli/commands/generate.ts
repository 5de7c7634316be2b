import { Command, Option } from 'commander';
import { STORY_DEFAULTS, type StoryOptions } from '../../generate/catalogue.js';
import { GENERATE_DEFAULTS } from '../../generate/generate-dataset.js';
import { isoWeekOf, parseIsoWeek, shiftWeek } from '../../util/iso-week.js';
import { numberOption } from '../number-option.js';

// (the story's own bounds, e.g. --idle-seats at most 1000, are generateDataset's)
const wholeNumber = (name: string) => (value: string): number => numberOption(value, name, 'a whole number', { whole: true, max: Number.MAX_SAFE_INTEGER });

/** The last complete ISO week (UTC) before `now`. */
export function lastCompleteWeek(now: Date): string {
  return shiftWeek(isoWeekOf(now.getTime(), 'UTC'), -1);
}

/**
 * Registers `uptake generate`; `now` is injected so the default end week is testable.
 * @example registerGenerate(program, { now: () => new Date('2026-11-24T22:00:00Z') })
 */
export function registerGenerate(program: Command, effects: { now?: () => Date } = {}): void {
  program
    .command('generate')
    .description(
      'Write a deterministic synthetic input folder (AI logs, manual logs, roster) with every defect the cleaning handles, ' +
        'plus truth.json: the accounting and metrics a correct pipeline must report on it.',
    )
    .requiredOption('--out <dir>', 'folder to write (must be new or empty unless --force)')
    .addOption(new Option('--users <n>', 'users on the roster (about 1 in 10 unlicensed)').default(GENERATE_DEFAULTS.users).argParser(wholeNumber('--users')))
    .addOption(new Option('--teams <n>', 'teams (past 6, regional copies of the six: "Finance EMEA")').default(6).argParser(wholeNumber('--teams')))
    .addOption(new Option('--weeks <n>', 'weeks of logs, ending with --end-week').default(GENERATE_DEFAULTS.weeks).argParser(wholeNumber('--weeks')))
    .addOption(new Option('--seed <n>', 'random seed; the same options give byte-identical files').default(GENERATE_DEFAULTS.seed).argParser(wholeNumber('--seed')))
    .addOption(new Option('--idle-seats <n>', 'licensed users (in Legal) who never use the AI tool: idle seats').default(STORY_DEFAULTS.idleSeats).argParser(wholeNumber('--idle-seats')))
    .addOption(
      new Option('--late-starters <n>', 'users (in HR) whose first AI task comes weeks after their licence; the first starts in the last week').default(STORY_DEFAULTS.lateStarters).argParser(wholeNumber('--late-starters')),
    )
    .addOption(new Option('--lapsed <n>', 'users (in HR) who stop using the AI tool more than 4 weeks before the end').default(STORY_DEFAULTS.lapsed).argParser(wholeNumber('--lapsed')))
    .addOption(new Option('--small-team <n>', 'users of "Internal Audit", a team below the privacy threshold (0: no such team)').default(STORY_DEFAULTS.smallTeam).argParser(wholeNumber('--small-team')))
    .addOption(new Option('--harmful-per-week <n>', 'completed AI tasks made harmful in every week').default(STORY_DEFAULTS.harmfulPerWeek).argParser(wholeNumber('--harmful-per-week')))
    .addOption(new Option('--blind-spots <n>', 'users whose logs miss about a third of their AI tasks (logging blind spots)').default(STORY_DEFAULTS.blindSpots).argParser(wholeNumber('--blind-spots')))
    .option('--no-gap', "no gap: by default Legal's AI tasks of the last week's Wednesday go unlogged")
    .option('--end-week <week>', 'last ISO week of the data, e.g. 2026-W47 (default: the last complete week before today, UTC)')
    .option('--force', 'replace the --out folder if it has files and was written by `uptake generate` (it holds .uptake-generated)', false)
    .addHelpText('after', '\nExample:\n  uptake generate --out data/sample --end-week 2026-W47 --force\n')
    .action(async (options: { out: string; users: number; teams: number; weeks: number; seed: number; endWeek?: string; force: boolean } & StoryOptions) => {
      const { writeGeneratedDataset } = await import('../../generate/write-dataset.js');
      // (an ISO week in any case, as every --week reads it; generateDataset refuses one that is none)
      const endWeek = options.endWeek === undefined ? lastCompleteWeek((effects.now ?? (() => new Date()))()) : (parseIsoWeek(options.endWeek) ?? options.endWeek);
      const log = (message: string): void => {
        process.stderr.write(`[generate] ${message}\n`);
      };
      const truth = await writeGeneratedDataset(options.out, {
        seed: options.seed,
        users: options.users,
        ...(options.teams === 6 ? {} : { teams: options.teams }),
        weeks: options.weeks,
        endWeek,
        idleSeats: options.idleSeats,
        lateStarters: options.lateStarters,
        lapsed: options.lapsed,
        smallTeam: options.smallTeam,
        harmfulPerWeek: options.harmfulPerWeek,
        blindSpots: options.blindSpots,
        gap: options.gap,
        force: options.force,
        onProgress: log,
      });
      const rows = Object.values(truth.accounting).reduce((sum, source) => sum + source.rows_read, 0);
      log(`wrote ${rows} data rows, truth.json and README.md to ${options.out}`);
    });
}
