import type { Command } from 'commander';
import { DEAD_MAN_EXIT_CODE, notifyIfOverdue } from '../../automate/dead-man.js';

interface StatusOptions {
  config?: string;
  out?: string;
  json?: boolean;
  last: string;
  check?: boolean;
  notify?: boolean;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('Show the last runs and their outcome (from <output>/.uptake/runs.jsonl), the next scheduled time, the run lock, and the dead-man check')
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('-o, --out <dir>', 'the output folder the runs wrote (`uptake run --out`; default: config `output`)')
    .option('-n, --last <count>', 'how many runs to show', '10')
    .option('--json', 'print one JSON document on stdout instead of text')
    .option('--check', `exit with code ${DEAD_MAN_EXIT_CODE} when no report succeeded for \`schedule.deadManDays\` days (for cron or systemd to alert on)`)
    .option('--notify', 'when overdue, also send the notice to the configured Slack/email channels (once per silent period)')
    .addHelpText(
      'after',
      `
The dead-man check is overdue when the run log holds no successful run in the last
\`schedule.deadManDays\` days (default 8). Before the first success it counts from the log's first
entry; \`--check\` over an empty log (a fresh install) writes that entry, so the clock starts then.
Run outcomes: ok, error, skipped (a run was in flight or the lock was held), running,
interrupted (the process died mid-run).

Examples:
  uptake status
  uptake status --json --last 50
  uptake status --out /srv/reports          # runs made with \`uptake run --out /srv/reports\`
  uptake status --check --notify        # daily from cron: exits ${DEAD_MAN_EXIT_CODE} when overdue

Exit codes: 0 shown (and, with --check, not overdue); ${DEAD_MAN_EXIT_CODE} --check and overdue; 2 bad option; 4 bad config; 7 --notify and overdue, but the notice reached no channel (it is tried again next time); 12 the run log or run lock is not a regular file (a FIFO, a folder).`,
    )
    .action(async (options: StatusOptions) => {
      const { statusReport, formatStatus } = await import('../../automate/status-report.js');
      const { deadManNotifier } = await import('../../automate/dead-man-notifier.js');
      const { readRunLog } = await import('../../automate/run-log.js');
      const { statePaths } = await import('../../automate/state-paths.js');
      const { readConfig } = await import('../../config/read-config.js');
      const read = await readConfig(options.config);
      // (the run log, the lock and the dead-man state are in <output>/.uptake)
      const config = options.out === undefined ? read : { ...read, output: options.out };
      const { numberOption } = await import('../number-option.js');
      const last = numberOption(options.last, '--last', 'a whole number of runs', { whole: true, max: Number.MAX_SAFE_INTEGER });
      const now = Date.now();
      const runLog = statePaths(config.output).runLog;
      // (read once: the dead-man's start, the report and the notice all look at these entries)
      let entries = await readRunLog(runLog);
      // A check over an empty run log (a fresh install whose first run is days away) starts the dead-man's clock
      // instead of calling the install overdue; an empty log stays overdue when that line cannot be written.
      if (options.check) {
        const { startMonitoring } = await import('../../automate/dead-man.js');
        entries = await startMonitoring(runLog, entries, now).catch((error: Error) => {
          log(`uptake status: could not note the start of monitoring: ${error.message}`);
          return entries;
        });
      }
      const report = await statusReport(config, { now, last, entries });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatStatus(report)}\n`);
      if (options.notify && report.dead_man.overdue) {
        const { notified } = await notifyIfOverdue(entries, {
          days: config.schedule.deadManDays,
          now,
          notify: deadManNotifier(config, { log }),
          statePath: statePaths(config.output).deadMan,
        });
        if (!notified) log('uptake status: overdue; the notice for this silent period was already sent');
      }
      if (options.check && report.dead_man.overdue) {
        log(`uptake status: dead-man check ${report.dead_man.message}`);
        // A documented exit code, not an error: the report above is the output. cli/main.ts exits with it.
        process.exitCode = DEAD_MAN_EXIT_CODE;
      }
    });
}
