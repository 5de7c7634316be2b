import type { Command } from 'commander';
import { STORE_EXIT_CODES, STORE_OPTION_HELP } from './store.js';
import { join } from 'node:path';
import { qualityReport, accountingBalances, type QualityReport } from '../../clean/quality-report.js';
import { isUptakeError } from '../../errors.js';
import { printable, shortName, someNames } from '../../util/some-names.js';
import { textTable, type RowsShown } from '../../util/text-table.js';
import type { GapRow, LoggingCoverageRow } from '../../metrics/document.js';

interface ValidateOptions {
  store?: string;
  input?: string;
  config?: string;
  json?: boolean;
  quarantine?: string;
  week?: string;
}

/** Rows the text report lists of a table of the data (users off the roster: most tasks first); --json lists all. */
const ROWS_LISTED: RowsShown = { most: 20, allIn: 'all of them in --json' };
/** Task labels the text report lists (the data's order: by canonical label); a sample's few dozen fit. */
const LABELS_LISTED: RowsShown = { most: 200, allIn: 'all of them in --json' };

interface ValidateReport extends QualityReport {
  quarantine_file: string;
  week: string | null;
  /** null: not checked (the week could not be resolved; `note` says why). */
  gaps: GapRow[] | null;
  blind_spots: LoggingCoverageRow[] | null;
  note?: string;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Read and clean the input, then report its data quality: rows per file, schema drift, quarantine, duplicates, stitching, label mapping, gaps and logging blind spots')
    .option('-i, --input <dir>', 'input folder (default: config `input`, i.e. data/sample)')
    .option('--store <file|url>', STORE_OPTION_HELP)
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('-w, --week <week>', 'report week for the gap check: YYYY-Www or latest (default: latest)')
    .option('-q, --quarantine <file>', 'where to write quarantined rows as CSV (default: <output>/quarantine.csv)')
    .option('--json', 'print one JSON document on stdout instead of the text report')
    .addHelpText('after', `\nExit codes: 0 the input could be read (quarantined rows are reported, not fatal); 2 bad option, or a --week given names no week of the data (the quality report is still printed, its gaps and blind spots null: not checked; without --week, a data set with no complete week exits 0 so); 3 the input cannot be used, or a file is still being written (config \`inputSettle\`: waited for up to 60 s); 4 bad config; 12 --quarantine cannot be written (a folder, a FIFO nobody reads, a full or read-only disk); ${STORE_EXIT_CODES}`)
    .action(async (options: ValidateOptions) => {
      const { loadReport, reportOn } = await import('../../report/load-report.js');
      const { runEffects } = await import('../run-effects.js');
      const { writeQuarantine } = await import('../../clean/write-quarantine.js');
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      // (a --week that is no week at all is refused before any work; one the data lacks, once the data is read)
      const { expectWeekSetting } = await import('../../metrics/resolve-week.js');
      const requested = options.week ?? 'latest';
      expectWeekSetting(requested, '--week');
      const quarantineFile = options.quarantine ?? join(config.output, 'quarantine.csv');
      const { expectOutputsApart } = await import('../../ingest/outputs-apart.js');
      await expectOutputsApart([{ path: quarantineFile, by: options.quarantine === undefined ? 'the quarantine file (<output>/quarantine.csv)' : '--quarantine' }], { folder: options.input ?? config.input });
      // The week is resolved after cleaning: an unknown week leaves the data-quality report whole
      const { input, data } = await loadReport({ config, input: options.input, store: options.store, week: null }, runEffects());
      await writeQuarantine(quarantineFile, data.quarantine);
      const report: ValidateReport = { ...qualityReport(input, data), quarantine_file: quarantineFile, week: null, gaps: null, blind_spots: null };
      let unchecked: unknown = null;
      try {
        const { week, metrics } = reportOn({ config, data }, requested);
        report.week = week.week;
        report.gaps = metrics.tables.gaps;
        report.blind_spots = metrics.tables.logging_coverage.filter((row) => row.flagged);
      } catch (error) {
        if (!isUptakeError(error)) throw error;
        report.note = `gaps and blind spots not checked: ${error.message}`;
        unchecked = error;
      }
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
      // the data-quality report stands (CONTRACT 4: exit 0 when the input could be read); a week asked for and not
      // checked is not "no gaps" to a scheduled job: the bad week's exit code
      if (unchecked !== null && options.week !== undefined) throw unchecked;
    });
}

const SOURCES = ['ai_logs', 'manual_logs', 'user_monthly_summary'] as const;

// A team name with its invisible characters (zero-width spaces, direction marks) shown as \u escapes, in quotes.
const visible = (team: string) => `"${printable(team)}"`;

function formatReport(report: ValidateReport): string {
  const sections: string[] = [];
  const section = (title: string, body: string) => sections.push(`${title}\n${body}`);
  section(`Input ${printable(report.input)} (loaded dates ${report.loaded_dates ? `${report.loaded_dates.first} .. ${report.loaded_dates.last}` : 'none'})`,
    textTable(['file', 'kind', 'rows', 'schema drift (pass-through columns)'], report.files.map((file) => [printable(file.file), file.kind, file.rows, someNames(file.drift.map(shortName)) || '—']), ROWS_LISTED));
  section('Row accounting: rows_read = quarantined + exact_duplicates + retry_duplicates + rows_in_tasks',
    textTable(['source', 'rows_read', 'quarantined', 'exact_dup', 'retry_dup', 'rows_in_tasks', 'tasks', 'balanced'],
      SOURCES.map((source) => {
        const a = report.accounting[source];
        return [source, a.rows_read, a.quarantined, a.exact_duplicates, a.retry_duplicates, a.rows_in_tasks, a.tasks, accountingBalances(a) ? 'yes' : 'NO'];
      })));
  const conflicting = SOURCES.filter((source) => report.accounting[source].conflicting_duplicates > 0);
  section('Conflicting duplicates (one id whose copies disagree once cleaned; the most complete copy is kept, harmful if any copy is)',
    conflicting.length ? textTable(['source', 'ids'], conflicting.map((source) => [source, report.accounting[source].conflicting_duplicates])) : 'none');
  section('Roster conflicts (a user with two or more teams in one month; the first team is kept)',
    report.roster_conflicts.length ? textTable(['user', 'month', 'teams (kept first)'], report.roster_conflicts.map((conflict) => [conflict.user_id, conflict.month, someNames(conflict.teams)]), ROWS_LISTED) : 'none');
  section('Teams in the logs that no roster row names (each is a team of its own in every table)',
    report.teams_off_roster.length ? textTable(['team', 'tasks', 'looks like roster team'], report.teams_off_roster.map((entry) => [visible(entry.team), entry.tasks, entry.looks_like ?? '—']), ROWS_LISTED) : 'none');
  section('Roster teams that print like another roster team (each is a team of its own in every table)',
    report.roster_teams_alike.length ? textTable(['team', 'users', 'looks like roster team'], report.roster_teams_alike.map((entry) => [visible(entry.team), entry.users, entry.looks_like]), ROWS_LISTED) : 'none');
  section('Users in the logs that no roster row names (no roster team or licence; they count among their team\'s AI users)',
    report.users_off_roster.length ? textTable(['user', 'tasks', 'looks like roster user'], report.users_off_roster.map((entry) => [visible(entry.user_id), entry.tasks, entry.looks_like ?? '—']), ROWS_LISTED) : 'none');
  const reasons = Object.entries(report.quarantine_by_reason).sort((a, b) => b[1] - a[1]);
  section(`Quarantine (${reasons.reduce((sum, [, count]) => sum + count, 0)} rows, written to ${printable(report.quarantine_file)})`,
    reasons.length ? textTable(['reason', 'rows'], reasons) : 'none');
  const repairs = Object.entries(report.repairs).filter(([, count]) => count > 0);
  section('Repairs and merges', textTable(['what', 'rows'], [
    ...repairs,
    ['stitched fragments (rows merged into an earlier row of the same task)', report.stitched_fragments],
    ['tasks without a usable duration: unknown', report.durations_dropped.unknown],
    ['tasks without a usable duration: longer than the maximum', report.durations_dropped.too_long],
    ['teams filled from the roster', report.teams_filled],
  ]));
  section('Task labels (raw -> canonical)', textTable(['raw', 'canonical', 'rows', 'via'], report.label_mapping.map((m) => [m.raw, m.canonical, m.count, m.via]), LABELS_LISTED));
  section(`Gaps in ${report.week ?? 'the report week'}`, report.note ?? (report.gaps?.length ? textTable(['source', 'team', 'date'], report.gaps.map((gap) => [gap.source, gap.team, gap.date]), ROWS_LISTED) : 'none'));
  section('Logging blind spots (coverage below threshold)', report.note ?? (report.blind_spots?.length
    ? textTable(['month', 'user', 'logged', 'reported', 'coverage'], report.blind_spots.map((row) => [row.month, row.user_id, row.logged_ai_tasks, row.reported_ai_tasks, row.coverage === null ? null : `${(row.coverage * 100).toFixed(1)} %`]), ROWS_LISTED)
    : 'none'));
  sections.push(report.balanced ? 'Every input row is accounted for.' : 'WARNING: row accounting does not balance.');
  return sections.join('\n\n');
}
