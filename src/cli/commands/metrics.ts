import type { Command } from 'commander';
import { STORE_EXIT_CODES, STORE_OPTION_HELP } from './store.js';
import { UptakeError } from '../../errors.js';

interface MetricsOptions {
  store?: string;
  input?: string;
  week: string;
  json?: boolean;
  table?: boolean;
  config?: string;
}

/**
 * Registers `uptake metrics`: clean the input, compute every KPI for one week, print JSON or tables.
 * @example registerMetrics(program) // uptake metrics --week latest --json
 */
export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('Compute every KPI for one report week and print the metrics document (JSON) or readable tables')
    .option('-i, --input <dir>', 'input folder of ai_logs*, manual_logs* and user_monthly_summary* CSV files (default: config `input`, i.e. data/sample)')
    .option('-w, --week <week>', 'report week: YYYY-Www (a week holding data) or `latest` (the last complete ISO week in the data)', 'latest')
    .option('--json', 'print the metrics document as JSON on stdout (nothing else goes to stdout)')
    .option('--table', 'print each table aligned for a terminal: rates as percents, suppressed rows and blind spots marked (the default)')
    .option('--store <file|url>', STORE_OPTION_HELP)
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .addHelpText(
      'after',
      '\nExamples:\n  uptake metrics --week latest --table\n  uptake metrics --input data/sample --week 2026-W47 --json > metrics.json\n' +
        `\nProgress goes to stderr. Exit codes: 0 done; 2 bad option or unknown week; 3 unusable input, or a file still being written (config \`inputSettle\`); 4 bad config; ${STORE_EXIT_CODES}`,
    )
    .action(async (options: MetricsOptions) => {
      const { loadReport } = await import('../../report/load-report.js');
      const { runEffects } = await import('../run-effects.js');
      const { formatMetricsText } = await import('../../metrics/format-metrics-text.js');
      if (options.json && options.table) throw new UptakeError('usage', 'expected at most one of --json and --table, got both');
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const { metrics: document } = await loadReport({ config, input: options.input, store: options.store, week: options.week, metricsOnly: true }, runEffects());
      process.stdout.write(options.json ? `${JSON.stringify(document, null, 2)}\n` : formatMetricsText(document));
    });
}
