import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { UptakeError } from '../../errors.js';
import type { RunResult } from '../../pipeline.js';
import { STORE_OPTION_HELP } from './store.js';
import { cellTimeoutOption } from '../number-option.js';

interface RunCommandOptions {
  input?: string;
  week: string;
  config?: string;
  out?: string;
  deliver: boolean;
  warehouse: boolean;
  engine: 'builtin' | 'quarto';
  notebook?: string;
  parameter: string[];
  timeout: string;
  stopGrace?: string;
  store?: string | false;
}

/** Parameters the run itself gives the notebook, each from its own option. */
const RUN_PARAMETERS: Record<string, string> = { week: '--week', input: '--input', config: '--config', output: '--out', metrics: '(the run\'s metrics.json)' };

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('The whole weekly job: ingest, clean, metrics, notebook, HTML + PDF, CSV + Excel, warehouse, then email and Slack')
    .option('-i, --input <dir>', 'input folder (default: config `input`, i.e. data/sample)')
    .option('-w, --week <week>', 'report week: YYYY-Www, latest (the last complete ISO week in the data), or due (the week before this one, in the config timezone: exit 3 when the data does not hold it whole yet; for cron)', 'latest')
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('-o, --out <dir>', 'output root; the report goes to <dir>/<week>/ (default: config `output`, i.e. output)')
    .option('--no-deliver', 'do not email or post to Slack (the report, flat files and warehouse are still written)')
    .option('--store <file|url>', STORE_OPTION_HELP)
    .option('--no-store', 'clean every input file from scratch, without reading or writing a store')
    .option('--no-warehouse', 'do not load the warehouse (DuckDB file, PostgreSQL when configured)')
    .addOption(new Option('--engine <engine>', 'HTML engine: uptake\'s template (templates/report.html.hbs, or the config\'s reportTemplates folder), or the quarto CLI when installed').choices(['builtin', 'quarto']).default('builtin'))
    .option('--notebook <file>', 'report notebook to execute (default: notebooks/weekly-report.ipynb)')
    .option('-p, --parameter <name=value>', "a notebook parameter (repeatable), read by the type declared in the notebook's parameters cell, e.g. -p team=\"sales ops\"", (value: string, previous: string[]) => [...previous, value], [])
    .option('--timeout <seconds>', 'per-cell notebook timeout in seconds', '600')
    .option('--stop-grace <seconds>', 'after SIGINT/SIGTERM/SIGHUP, how long the run may take to finish before it is aborted (default 120)')
    .addHelpText('after', `
Writes output/<week>/: report.pdf, report.html, report.ipynb (executed), metrics.json,
metrics.xlsx, one CSV per metric table, quarantine.csv and manifest.json. The folder is built
aside and swapped in whole; re-running a week replaces it (only a week folder uptake published, or an
empty one: a folder of other files there is exit 12, untouched). Progress goes to stderr.

An input file that changed in the last 2 s (config \`inputSettle.quietMs\`) is waited for ("waiting
for X: it changed N s ago"); one still changing after 60 s (\`inputSettle.maxWaitMs\`), or that
changes while it is read, stops the run with exit 3 before anything is written or delivered.

SIGINT/SIGTERM/SIGHUP (e.g. the end of the SSH session it runs in): the run finishes (at most
--stop-grace seconds), then uptake exits with its outcome; a second signal, or the end of the grace
period, aborts it: nothing more is published, exit 130. A closed stdout or stderr (\`| head\`, a
terminal gone) does not stop the run: what it cannot take is dropped.

Exit codes: 0 ok; 2 usage; 3 input (also a file still being written); 4 config; 5 notebook; 6 render; 7 delivery;
8 warehouse; 9 environment (e.g. no Chromium); 10 another run holds the lock; 12 an output
cannot be written (full disk, read-only folder, not a regular file); 13 the report went out but an
alert reached no channel; 130 aborted; 1 unexpected (--debug shows the stack).`)
    .action(async (options: RunCommandOptions) => {
      const { parseParameterArguments } = await import('../../notebook/parameterize.js');
      const notebookParameters = parseParameterArguments(options.parameter);
      const cellTimeoutSec = cellTimeoutOption(options.timeout);
      for (const name of Object.keys(notebookParameters)) {
        if (RUN_PARAMETERS[name]) throw new UptakeError('usage', `parameter \`${name}\` is set by the run: use ${RUN_PARAMETERS[name]} instead of -p ${name}=...`);
      }
      const { runReport, checkRunOutputs, notifyStartFailure, weekDueAt, DEFAULT_NOTEBOOK } = await import('../../pipeline.js');
      const { runEffects } = await import('../run-effects.js');
      if (Object.keys(notebookParameters).length > 0) {
        // A value that does not fit its declared type stops the run now, not after ingest and metrics
        const [{ readNotebook }, { parameterizeNotebook }] = await Promise.all([import('../../notebook/nbformat.js'), import('../../notebook/parameterize.js')]);
        await parameterizeNotebook(await readNotebook(options.notebook ?? DEFAULT_NOTEBOOK), {}, { textParameters: notebookParameters });
      }
      const { guardedRun } = await import('../../automate/guarded-run.js');
      const { handleStopSignals, runSignal, stopGraceSec } = await import('../stop-signals.js');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const stop = handleStopSignals({ graceSec: stopGraceSec(options.stopGrace), log, name: 'uptake run' });
      // `--week due`: the week before this one (report zone), as a scheduled run reports; an export not yet arrived fails
      const due = options.week.trim().toLowerCase() === 'due';
      // A week that is no week (`--week banana`, `2026-W99`) is a usage error before any work: it read the whole input,
      // logged a failed run and mailed the channels a failure notice first
      if (!due && (await import('../../metrics/resolve-week.js')).readWeekSetting(options.week) === null) {
        throw new UptakeError('usage', `--week: expected \`latest\`, \`due\` or an ISO week like 2026-W47, got \`${options.week}\``);
      }
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const outDir = options.out ?? config.output;
      const dueWeek = due ? weekDueAt(Date.now(), config.timezone) : undefined;
      // A run that cannot start (its outputs cannot be written, its lock cannot be taken) tells the channels, as a
      // failed run does (runReport tells them of its own failures)
      const onStartFailure = (error: unknown) => notifyStartFailure({ config, week: options.week, dueWeek, deliver: options.deliver }, runEffects({ log }), error);
      // A stop signal while the run was still starting (its config read, its outputs checked, its lock taken) leaves
      // no run in progress to finish: it is not begun (it ran for minutes, the whole report, before this check), and
      // no failure is told (notifyStartFailure passes over an aborted run).
      const notStopped = () => {
        if (stop.stopping.aborted) throw new UptakeError('aborted', `stopped by ${String(stop.stopping.reason)} before the run started: nothing was run`);
      };
      const store = await (async () => {
        notStopped();
        // (before the lock: it is written into the output root)
        await checkRunOutputs(config, { input: options.input, outDir: options.out, warehouse: options.warehouse, deliver: options.deliver });
        const { runStoreLocation } = await import('../../store/open-store.js');
        const location = runStoreLocation(options.store, config, process.env, outDir);
        notStopped();
        return location;
      })().catch(async (error: unknown) => {
        await onStartFailure(error);
        throw error;
      });
      const { value } = await guardedRun({ outputDir: outDir, reason: 'manual', log, onStartFailure }, async ({ lockLost }) => {
        notStopped();
        return stop.during(() => runOnce(store, lockLost));
      });
      // The last lines say where the report is: a person (`npm start`) reads stderr, a script reads the folder on stdout.
      log(`uptake run: the report is ${join(value.outDir, 'report.pdf')} (and report.html beside it)`);
      process.stdout.write(`${value.outDir}\n`);

      async function runOnce(store: string | undefined, lockLost: AbortSignal) {
        const result = await runReport(
          {
            config,
            week: due ? 'latest' : options.week,
            dueWeek,
            input: options.input,
            outDir,
            configPath: options.config,
            deliver: options.deliver,
            warehouse: options.warehouse,
            engine: options.engine,
            notebook: options.notebook,
            notebookParameters,
            cellTimeoutSec,
            store,
          },
          runEffects({ log, signal: runSignal(stop, lockLost) }),
        );
        return summary(result);
      }
    });
}

function summary(result: RunResult) {
  return { status: 'ok' as const, week: result.week, outDir: result.outDir, files: result.files, delivered: result.delivered, timingsMs: result.timingsMs };
}
