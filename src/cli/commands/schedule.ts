import type { Command } from 'commander';
import { readConfig } from '../../config/read-config.js';
import { UptakeError } from '../../errors.js';
import type { Job } from '../../automate/job.js';

interface ScheduleOptions {
  config?: string;
  input?: string;
  onceNow?: boolean;
  deliver: boolean;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'Run the weekly report on config `schedule.cron` in `schedule.timezone`, in the foreground until SIGINT/SIGTERM: never two runs at once (also across processes, via <output>/.uptake/run.lock), one catch-up run when the last occurrence was missed while the machine was off, every run in <output>/.uptake/runs.jsonl',
    )
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('-i, --input <dir>', 'input folder (default: config `input`)')
    .option('--once-now', 'run the job once right now, the way the schedule would (lock, run log), then exit with its outcome')
    .option('--no-deliver', 'build the report but send no email or Slack message')
    .addHelpText(
      'after',
      `
Each run reports the latest complete week (like \`uptake run --week latest\`). The next fire time is
printed at start and after every run. A tick that comes while a run is still going is skipped and
logged. Hourly, and after every run, the dead-man check notifies (once per silent period) when no
report succeeded for \`schedule.deadManDays\` days.

Examples:
  uptake schedule                         # config: "schedule": { "cron": "0 6 * * 1", "timezone": "Europe/Berlin" }
  uptake schedule --config prod.json --once-now

Exit codes: 0 stopped by SIGINT/SIGTERM (or --once-now succeeded); 4 bad cron or config;
10 (--once-now) another run holds the lock; other codes as \`uptake run\`.`,
    )
    .action(async (options: ScheduleOptions) => {
      const { createScheduler } = await import('../../automate/schedule.js');
      const { deadManNotifier } = await import('../../automate/dead-man-notifier.js');
      const { untilStopSignal } = await import('../../automate/until-stop-signal.js');
      const { runReport, checkRunSettings } = await import('../../pipeline.js');
      const config = await readConfig(options.config);
      checkRunSettings(config, { deliver: options.deliver });
      const job: Job = async (request) => {
        const result = await runReport({ config, week: 'latest', input: options.input, deliver: options.deliver, configPath: options.config }, { log });
        return { reason: request.reason, week: result.week, outDir: result.outDir };
      };
      const scheduler = createScheduler(config, { job, log, notifier: deadManNotifier(config, { log }) });
      if (options.onceNow) {
        const result = await scheduler.tick({ reason: 'manual' });
        if (result.outcome === 'skipped') throw new UptakeError('busy', result.why ?? 'another run is in flight');
        if (result.outcome === 'error') throw result.error;
        return;
      }
      await scheduler.start();
      if (scheduler.nextRun()) log('uptake schedule: waiting (Ctrl-C to stop)');
      const signal = await untilStopSignal();
      log(`uptake schedule: ${signal}: stopping after the run in flight (send it again to abort)`);
      await scheduler.stop();
    });
}
