import type { Command } from 'commander';
import { initReapsOrphans } from '../../automate/init-reaps.js';
import { UptakeError } from '../../errors.js';
import type { Job } from '../../automate/job.js';

interface ScheduleOptions {
  config?: string;
  input?: string;
  onceNow?: boolean;
  deliver: boolean;
  stopGrace?: string;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'Run the weekly report on config `schedule.cron` in `schedule.timezone`, in the foreground until SIGINT/SIGTERM/SIGHUP: never two runs at once (also across processes, via <output>/.uptake/run.lock), one catch-up run when the last occurrence was missed while the machine was off, a run that did not finish (aborted, killed, the machine went down) tried again once at each start, every run in <output>/.uptake/runs.jsonl',
    )
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('-i, --input <dir>', 'input folder (default: config `input`)')
    .option('--once-now', 'run the job once right now, the way the schedule would (lock, run log), then exit with its outcome')
    .option('--no-deliver', 'build the report but send no email or Slack message')
    .option('--stop-grace <seconds>', 'after SIGINT/SIGTERM/SIGHUP, how long the run in progress may take to finish before it is aborted (default 120)')
    .addHelpText(
      'after',
      `
Each run reports the latest complete week (like \`uptake run --week latest\`), which must be the week
before the one it fires in (\`timezone\`): when that week's export has not arrived (or not whole), the run
fails with exit 3 and the failure notice, and never re-sends the week before. The next fire time is
printed at start and after every run. A tick that comes while a run is still going is skipped and
logged; one that finds another process holding the run lock is tried again every 30 s. Hourly, and after every run, the dead-man check notifies (once per silent period) when no
report succeeded for \`schedule.deadManDays\` days. A run that cannot start (its run lock or run log
cannot be written: a full or read-only disk) sends the failure notice, as a failed run does.

Examples:
  uptake schedule                         # config: "schedule": { "cron": "0 6 * * 1", "timezone": "Europe/Berlin" }
  uptake schedule --config prod.json --once-now

SIGINT/SIGTERM/SIGHUP (also during the start-up catch-up run): no new run starts, the run in progress
finishes (at most --stop-grace seconds, then it is aborted and publishes nothing), then exit 0. A
second signal aborts the run in progress at once (exit 130).

Exit codes: 0 stopped by SIGINT/SIGTERM/SIGHUP (or --once-now succeeded); 4 bad cron or config;
10 (--once-now) another run holds the lock; 130 a run was aborted; other codes as \`uptake run\`.`,
    )
    .action(async (options: ScheduleOptions) => {
      const { createScheduler } = await import('../../automate/schedule.js');
      const { deadManNotifier } = await import('../../automate/dead-man-notifier.js');
      const { handleStopSignals, runSignal, stopGraceSec } = await import('../stop-signals.js');
      const { runReport, checkRunSettings, checkRunOutputs, notifyStartFailure, weekDueAt } = await import('../../pipeline.js');
      const { runEffects } = await import('../run-effects.js');
      const stop = handleStopSignals({ graceSec: stopGraceSec(options.stopGrace), log, name: 'uptake schedule' });
      // A service that is its container's first process leaves Chromium's helpers as zombies: said once, at the start.
      await initReapsOrphans().catch((error: Error) => log(`uptake schedule: warning: ${error.message}`));
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      checkRunSettings(config, { deliver: options.deliver });
      // (a scheduled run is due to report the week before its occurrence's, in the report zone)
      const dueWeekOf = (scheduledFor: number | undefined) => (scheduledFor === undefined ? undefined : weekDueAt(scheduledFor, config.timezone));
      // A run that cannot start (its outputs, its run lock or run log cannot be written) tells the channels, as `uptake
      // run` does: else only the dead-man check would, days later (a run that started tells them of its own failure).
      const onStartFailure = (error: unknown, run: { scheduledFor?: number } = {}) =>
        notifyStartFailure({ config, week: 'latest', dueWeek: dueWeekOf(run.scheduledFor), deliver: options.deliver }, runEffects({ log }), error);
      await checkRunOutputs(config, { input: options.input, deliver: options.deliver }).catch(async (error: unknown) => {
        await onStartFailure(error);
        throw error;
      });
      const store = (await import('../../store/open-store.js')).runStoreLocation(undefined, config, process.env, config.output);
      const job: Job = (request) =>
        stop.during(async () => {
          const dueWeek = dueWeekOf(request.scheduledFor);
          // (a retry of a run interrupted after its report went out does not send it again)
          const effects = runEffects({ log, signal: runSignal(stop, request.lockLost), onReportDelivered: request.onDelivered });
          const result = await runReport({ config, week: 'latest', dueWeek, input: options.input, deliver: options.deliver, configPath: options.config, store, deliveredBefore: request.deliveredBefore }, effects);
          return { reason: request.reason, week: result.week, outDir: result.outDir };
        });
      const scheduler = createScheduler(config, { job, log, notifier: deadManNotifier(config, { log }), onStartFailure });
      const abortedRun = () => new UptakeError('aborted', 'the run in progress was aborted; it published nothing more');
      if (!options.onceNow) await (await import('../../automate/guarded-run.js')).removeDeadRunsLeftovers({ outputDir: config.output, reason: 'schedule', log, name: 'uptake schedule' });
      if (options.onceNow) {
        const result = await scheduler.tick({ reason: 'manual' });
        if (result.outcome === 'skipped') throw new UptakeError('busy', result.why ?? 'another run is in flight');
        if (result.outcome === 'error') throw result.error;
        return;
      }
      // The handler is in place before the catch-up run: a signal during it stops the scheduler too.
      void stop.received.then(() => scheduler.stop());
      await scheduler.start().catch(async (error: unknown) => {
        await onStartFailure(error);
        throw error;
      });
      if (scheduler.nextRun() && !stop.stopping.aborted) log('uptake schedule: waiting (Ctrl-C to stop)');
      await stop.received;
      await scheduler.stop();
      if (stop.abort.aborted) throw abortedRun();
    });
}

