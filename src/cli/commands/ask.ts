import type { Command } from 'commander';
import { STORE_EXIT_CODES, STORE_OPTION_HELP } from './store.js';

interface AskOptions {
  store?: string;
  input?: string;
  week: string;
  config?: string;
  json?: boolean;
}

/**
 * Registers `uptake ask "QUESTION"`: an offline, deterministic answer from the metric tables, with its evidence.
 * @example registerAsk(program) // uptake ask "which teams dipped more than 10 points last week"
 */
export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('Answer a question about the metrics in one sentence plus the table behind it (offline, deterministic, no model)')
    .argument('<question>', 'the question, in quotes, e.g. "how many hours did Finance save in October"')
    .option('-i, --input <dir>', 'input folder of ai_logs*, manual_logs* and user_monthly_summary* CSV files (default: config `input`, i.e. data/sample)')
    .option('-w, --week <week>', 'report week questions are relative to ("last week" and "this week" both mean it): YYYY-Www or `latest` (the last complete ISO week)', 'latest')
    .option('--store <file|url>', STORE_OPTION_HELP)
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present); privacy.minGroupSize and privacy.pseudonymize apply to answers')
    .option('--json', 'print {question, answered, interpretation, answer, table: {columns, units, rows}, weeks, suggestions} as JSON on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  uptake ask "which teams dipped more than 10 points last week"\n' +
        '  uptake ask "top task types by accuracy stability this month"\n' +
        '  uptake ask "how many hours did Finance save in October" --json\n' +
        '  uptake ask "which users are logging blind spots"\n' +
        '  uptake ask "how did adoption change since W40" --week 2026-W47\n' +
        '\nA question that names no known metric is not guessed at: the 3 closest answerable questions are printed (exit 0; `answered: false` in JSON).\n' +
        `Progress goes to stderr. Exit codes: 0 answered or suggestions given; 2 bad option or unknown week; 3 unusable input; 4 bad config; ${STORE_EXIT_CODES}`,
    )
    .action(async (question: string, options: AskOptions) => {
      const { createAskEngine } = await import('../../ask/ask-engine.js');
      const { formatAnswer } = await import('../../ask/format-answer.js');
      const { loadReport } = await import('../../report/load-report.js');
      const { runEffects } = await import('../run-effects.js');
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const report = await loadReport({ config, input: options.input, store: options.store, week: options.week, allTasks: true }, runEffects());
      const engine = createAskEngine(report.data, report.config, { report });
      const answer = engine.ask(question);
      process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
    });
}
