import type { Command } from 'commander';
import { STORE_EXIT_CODES, STORE_OPTION_HELP } from './store.js';

interface ServeOptions {
  store?: string;
  port: string;
  host: string;
  input?: string;
  week: string;
  config?: string;
}

/**
 * Registers `uptake serve`: a local page with the report week's headline numbers and an ask box.
 * @example registerServe(program) // uptake serve --port 8787
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve a local web page with the latest headline numbers and an ask box (the `uptake ask` engine) until Ctrl-C')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '8787')
    .option('--host <host>', 'address to bind; keep 127.0.0.1 unless others on the network should see the numbers', '127.0.0.1')
    .option('-i, --input <dir>', 'input folder of ai_logs*, manual_logs* and user_monthly_summary* CSV files (default: config `input`, i.e. data/sample)')
    .option('-w, --week <week>', 'report week: YYYY-Www or `latest` (the last complete ISO week)', 'latest')
    .option('--store <file|url>', STORE_OPTION_HELP)
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present); privacy settings apply to every answer')
    .addHelpText(
      'after',
      '\nExamples:\n  uptake serve\n  uptake serve --port 9000 --input data/sample\n' +
        '\nEndpoints: GET / (the page), GET /api/headline, GET /api/alerts, GET /report (the report week\'s report.html under the config\'s output folder, once `uptake run` wrote it), POST /api/ask {"question": "…"}; another method on a page is 405 naming the one it takes (HEAD is answered as GET).\n' +
        `The URL and requests are logged to stderr. Exit codes: 0 stopped by Ctrl-C/SIGTERM/SIGHUP once serving (130 before: while the report loads); 2 bad option or port in use; 3 unusable input; 4 bad config; ${STORE_EXIT_CODES}`,
    )
    .action(async (options: ServeOptions) => {
      const { createAskEngine } = await import('../../ask/ask-engine.js');
      const { untilStopSignal } = await import('../stop-signals.js');
      const { loadReport } = await import('../../report/load-report.js');
      const { runEffects } = await import('../run-effects.js');
      const { startAskServer } = await import('../../serve/start-ask-server.js');
      const { numberOption } = await import('../number-option.js');
      const port = numberOption(options.port, '--port', 'a whole number from 0 to 65535', { whole: true, max: 65535 });
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const report = await loadReport({ config, input: options.input, store: options.store, week: options.week, allTasks: true }, runEffects());
      const engine = createAskEngine(report.data, report.config, { report });
      const { join } = await import('node:path');
      const reportPath = join(config.output, engine.source.reportWeek, 'report.html');
      const server = await startAskServer(engine, { host: options.host, port, reportPath, onRequest: (line) => process.stderr.write(`${line}\n`) });
      process.stderr.write(`uptake serve: ${engine.source.reportWeek} at ${server.url} (Ctrl-C to stop)\n`);
      const signal = await untilStopSignal();
      process.stderr.write(`uptake serve: ${signal}, stopping\n`);
      await server.close();
    });
}
