import type { Command } from 'commander';
import { initReapsOrphans } from '../../automate/init-reaps.js';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { UptakeError } from '../../errors.js';
import { MAX_TIMER_MS } from '../../util/max-timer.js';
import { numberOption } from '../number-option.js';
import type { Job } from '../../automate/job.js';

interface WatchCommandOptions {
  config?: string;
  deliver: boolean;
  debounceMs?: string;
  stableMs?: string;
  ledger?: string;
  poll?: boolean;
  stopGrace?: string;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function milliseconds(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  return numberOption(value, flag, `a whole number of milliseconds (0 to ${MAX_TIMER_MS})`, { whole: true, max: MAX_TIMER_MS });
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .argument('<dir>', 'folder the log exports land in (its top level; used as the input folder)')
    .description(
      'Run the report when new input files land in DIR: waits until each file is completely written, folds a burst of files into one run, never runs twice for the same content (sha256 ledger, kept across restarts), and reports only the weeks the new files touch',
    )
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('--debounce-ms <ms>', 'files ready within this window make one run (default: config `watch.debounceMs`, 2000)')
    .option('--stable-ms <ms>', 'quiet period: a file counts once its size and mtime are unchanged this long and it reads to its end (default: config `watch.stableMs`, 1000)')
    .option('--ledger <file>', 'ledger of processed content hashes (default: config `watch.ledgerPath`, else <output>/.uptake/watch-ledger.json)')
    .option('--poll', 'poll the folder instead of using file-system events (network shares)')
    .option('--no-deliver', 'build the reports but send no email or Slack message')
    .option('--stop-grace <seconds>', 'after SIGINT/SIGTERM/SIGHUP, how long the run in progress may take to finish before it is aborted (default 120)')
    .addHelpText(
      'after',
      `
Input files are ai_logs*, manual_logs* and user_monthly_summary* ending in .csv or .csv.gz; other
names (partial downloads such as *.part, dotfiles) are ignored until renamed into place. A file that
stopped changing but does not read to its end (a last record cut short, a gzip stream without its
trailer) is waited for at most config \`watch.incompleteMaxWaitMs\` (10 min) after it last changed,
then read as it is (the run quarantines the short record, or refuses the file); meanwhile \`uptake
status\` shows it and each report's manifest.json lists it under inputs_left_out. Files
already in DIR at start that are not in the ledger count as new. The weeks come from the new files'
started_at (logs) or month (roster) values (a roster month counts only for its weeks that hold
logs); only weeks that are over are reported (the week in progress is left to the schedule), and
only the newest of them is delivered (older ones are rebuilt without email/Slack). A failed run
keeps its files out of the ledger: they are retried with the next arrival or on restart (a report
already mailed or posted by the batch is not sent there again: output/.uptake/watch-deliveries.json). A processed
file deleted from DIR has its weeks built again without it, quietly. A run that cannot start (the output's
state cannot be written, or a new file cannot be copied into the snapshot) sends the failure notice.

Example:
  uptake watch incoming/ --config uptake.config.json

SIGINT/SIGTERM/SIGHUP: no new batch starts, the run in progress finishes (at most --stop-grace seconds,
then it is aborted, publishes nothing and its files stay out of the ledger), then exit 0; a second
signal aborts it at once (exit 130).

Exit codes: 0 stopped by SIGINT/SIGTERM/SIGHUP; 130 a run was aborted; 2 bad option; 3 DIR is not a folder or the ledger is unreadable; 4 bad config; 10 another uptake watch on this host writes to the same output folder; 12 the output folder or its state (run log, lock, ledger) cannot be written or is not a regular file (a FIFO, a folder).`,
    )
    .action(async (dir: string, options: WatchCommandOptions) => {
      const { watch } = await import('../../automate/watch.js');
      const { reportableWeeks } = await import('../../automate/reportable-weeks.js');
      const { isNoDataForWeek } = await import('../../metrics/resolve-week.js');
      const { statePaths } = await import('../../automate/state-paths.js');
      const { handleStopSignals, runSignal, stopGraceSec } = await import('../stop-signals.js');
      const { runReport, checkRunSettings, checkRunOutputs, notifyStartFailure } = await import('../../pipeline.js');
      const { runEffects } = await import('../run-effects.js');
      const stop = handleStopSignals({ graceSec: stopGraceSec(options.stopGrace), log, name: 'uptake watch' });
      // A service that is its container's first process leaves Chromium's helpers as zombies: said once, at the start.
      await initReapsOrphans().catch((error: Error) => log(`uptake watch: warning: ${error.message}`));
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      checkRunSettings(config, { deliver: options.deliver });
      const store = (await import('../../store/open-store.js')).runStoreLocation(undefined, config, process.env, config.output);
      const info = await stat(dir).catch(() => null);
      if (!info?.isDirectory()) throw new UptakeError('input', `expected a folder to watch, but it ${info ? 'is a file' : 'does not exist'}`, { file: dir });
      const input = resolve(dir);
      // A run that cannot start (its outputs, its run lock or run log cannot be written) tells the channels, as `uptake
      // run` does: else only the dead-man check would, days later (a run that started tells them of its own failure).
      const onStartFailure = (error: unknown) => notifyStartFailure({ config, week: 'latest', deliver: options.deliver }, runEffects({ log }), error);
      const toldStartFailure = async (error: unknown): Promise<never> => {
        await onStartFailure(error);
        throw error;
      };
      await checkRunOutputs(config, { input, deliver: options.deliver }).catch(toldStartFailure);
      const ledgerPath = options.ledger ?? config.watch.ledgerPath ?? statePaths(config.output).watchLedger;
      const { expectOutputsApart } = await import('../../ingest/outputs-apart.js');
      await expectOutputsApart([{ path: ledgerPath, by: options.ledger === undefined ? 'the watch ledger' : '--ledger' }], { folder: input });
      await (await import('../../automate/guarded-run.js')).removeDeadRunsLeftovers({ outputDir: config.output, reason: 'watch', log, name: 'uptake watch' });
      const job: Job = async (request) => {
        const touched = request.weeks ?? [];
        const weeks = touched.length === 0 ? ['latest'] : reportableWeeks(touched, Date.now(), config.timezone);
        if (weeks.length === 0) {
          log(`uptake watch: ${touched.join(', ')} still in progress; the scheduled run will report it`);
          return { weeks: [] };
        }
        // The watcher's snapshot holds copies no one writes to, each read whole once it was quiet: no settle wait.
        const snapshotConfig = request.input ? { ...config, inputSettle: { ...config.inputSettle, quietMs: 0 } } : config;
        // Older weeks are recomputed quietly (files, warehouse); only the newest is mailed and posted.
        const reports: Array<{ week: string; outDir: string }> = [];
        // The batch's consistent copy of the folder; a file that changed since keeps the report from being mailed.
        const holdDelivery = async () => {
          const changed = (await request.inputChanged?.()) ?? null;
          return changed === null ? null : `${changed} changed during the run; the next run reports it`;
        };
        const incompleteInputs = { leftOut: request.leftOut ?? [], readAsIs: request.readAsIs ?? [] };
        // A week whose rows the cleaning all quarantines (or merges into other weeks' tasks) holds no data: said, and
        // skipped, so that one bad row does not fail every batch after it. null: skipped.
        const report = (week: string, deliver: boolean) =>
          stop.during(() =>
            runReport(
              // (a batch run again after a kill does not send its report where it already went: deliveredBefore)
              { config: snapshotConfig, week, input: request.input ?? input, deliver, configPath: options.config, store, incompleteInputs, handledFailure: isNoDataForWeek, deliveredBefore: request.deliveredBefore },
              runEffects({ log, signal: runSignal(stop, request.lockLost), holdDelivery, onReportDelivered: request.onDelivered }),
            ),
          ).catch((error: unknown) => {
            if (!isNoDataForWeek(error)) throw error;
            log(`uptake watch: ${week} skipped: no task of it is left once cleaned (its rows were quarantined, or merged into tasks of other weeks)`);
            return null;
          });
        // (a batch of files that left the folder rebuilds its weeks without them, quietly: a cleanup mails nothing)
        const deliver = options.deliver && request.rebuildOnly !== true;
        let newestSkipped = false;
        for (const [index, week] of weeks.entries()) {
          // Stopping: the week in progress finishes, the rest wait; the batch's files stay out of the ledger
          // (the watcher's log line says they are retried).
          if (stop.stopping.aborted) throw new UptakeError('aborted', `stopped before reporting ${weeks.slice(index).join(', ')}`);
          const result = await report(week, deliver && index === weeks.length - 1);
          if (result) reports.push({ week: result.week, outDir: result.outDir });
          else newestSkipped = index === weeks.length - 1;
        }
        // the newest week was skipped: the newest one reported is the one mailed, as it would have been alone
        const newest = reports.at(-1);
        if (deliver && newestSkipped && newest && !stop.stopping.aborted) {
          log(`uptake watch: ${weeks.at(-1)} was skipped; delivering ${newest.week}, the newest week reported`);
          await report(newest.week, true);
        }
        return { reports };
      };
      const watcher = await watch(input, {
        job,
        debounceMs: milliseconds(options.debounceMs, config.watch.debounceMs, '--debounce-ms'),
        stableMs: Math.max(1, milliseconds(options.stableMs, config.watch.stableMs, '--stable-ms')),
        ledgerPath,
        outputDir: config.output,
        timezone: config.timezone,
        defaultTimezone: config.cleaning.defaultTimezone,
        cleaning: config.cleaning,
        inputLimits: config.inputLimits,
        usePolling: options.poll,
        incompleteMaxWaitMs: config.watch.incompleteMaxWaitMs,
        log,
        onStartFailure,
      }).catch(toldStartFailure);
      await stop.received;
      await watcher.close();
      if (stop.abort.aborted) throw new UptakeError('aborted', 'the run in progress was aborted; it published nothing more, and its files stay out of the ledger');
    });
}
