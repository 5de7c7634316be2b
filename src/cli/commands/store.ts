import { existsSync } from 'node:fs';
import type { Command } from 'commander';

/** Help for `--store` on the commands that read the input. */
/** The exit codes a command with `--store` adds to its own (its help's "Exit codes" ends with them). */
export const STORE_EXIT_CODES =
  'with --store also: 4 a store kept under another contract version or config (run `uptake store rebuild`); 8 PostgreSQL unreachable; 9 DuckDB\'s native module missing; 10 another uptake holds the store; 12 the store cannot be opened, is damaged or cannot be written.';

export const STORE_OPTION_HELP =
  'store of cleaned data: a DuckDB file (created when missing) or a postgres:// URL; only input files new or changed since the store last saw them are read (default for `run`: <output>/.uptake/store.duckdb; others: none, every file is cleaned)';

interface StoreOptions {
  store?: string;
  out?: string;
  input?: string;
  config?: string;
  json?: boolean;
}

const EXIT_CODES = 'Exit codes: 0 done; 2 bad option; 3 unusable input (rebuild) or no store there (info, check); 4 bad config, or a store of another contract version or config (info); 8 PostgreSQL unreachable; 9 DuckDB\'s native module missing; 10 another uptake process has the store open; 12 the store file cannot be opened or written, or (check) its tables do not add up.';

/**
 * Registers `uptake store info|check|rebuild`: what the store of cleaned data holds, and a recompute from every input file.
 * @example registerStore(program) // uptake store info --json
 */
export function registerStore(program: Command): void {
  const store = program.command('store').description('The store of cleaned data that makes weekly runs read only new input files: `info`, `check` and `rebuild`');
  const where = (command: Command) =>
    command
      .option('--store <file|url>', 'the store: a DuckDB file or a postgres:// URL (default: <output>/.uptake/store.duckdb, the one `uptake run` keeps)')
      .option('-o, --out <dir>', 'output root whose store is meant (default: config `output`, i.e. output)')
      .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)');
  where(store.command('info'))
    .description('What the store holds: weeks, cleaned tasks, quarantined rows, input files by kind and their rows, size on disk')
    .option('--json', 'print one JSON document on stdout')
    .addHelpText('after', `\nExample:\n  uptake store info --json\n\n${EXIT_CODES}`)
    .action(async (options: StoreOptions) => {
      const [{ openStore, defaultStorePath }, { storeInfo }, { formatStoreInfo }, { otherCleaningError }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/store-info.js'),
        import('../../store/format-store-info.js'),
        import('../../store/store-settings.js'),
      ]);
      const { readConfig, DEFAULT_CONFIG_FILE } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const engine = await openStore(options.store ?? defaultStorePath(options.out ?? config.output), { mustExist: true, readOnly: true });
      try {
        // (compared with a config file's cleaning settings only: the defaults may not be what the scheduled runs use)
        const withFile = options.config !== undefined || existsSync(DEFAULT_CONFIG_FILE);
        const info = await storeInfo(engine, withFile ? config : null);
        process.stdout.write(options.json ? `${JSON.stringify(info, null, 2)}\n` : formatStoreInfo(info));
        // (what it holds is told all the same; the exit code says the next run would stop)
        if (info.sameCleaningConfig === false) throw otherCleaningError(engine.location);
      } finally {
        await engine.close();
      }
    });
  where(store.command('check'))
    .description("Whether the store's tables still add up to each other as uptake left them (rows or tasks deleted, copied or moved by hand or another tool), and whether its kept blobs are whole; values changed in place with every count kept are not seen")
    .option('--json', 'print one JSON document on stdout')
    .addHelpText('after', `\nExample:\n  uptake store check --store output/.uptake/store.duckdb\n\nWhat the next run repairs by itself (a kept blob missing or damaged) is told, exit 0. Tables that do not add up exit 12: run \`uptake store rebuild\`. ${EXIT_CODES}`)
    .action(async (options: StoreOptions) => {
      const [{ openStore, defaultStorePath }, { checkStore, formatStoreCheck }, { UptakeError }, { rebuildCommand }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/check-store.js'),
        import('../../errors.js'),
        import('../../store/store-engine.js'),
      ]);
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const engine = await openStore(options.store ?? defaultStorePath(options.out ?? config.output), { mustExist: true, readOnly: true });
      try {
        const check = await checkStore(engine, config);
        process.stdout.write(options.json ? `${JSON.stringify(check, null, 2)}\n` : formatStoreCheck(check));
        if (check.problems.length > 0) {
          throw new UptakeError('output', `${engine.location}: ${check.problems.length === 1 ? "a count of the store's tables does" : `${check.problems.length} counts of the store's tables do`} not add up (changed outside uptake); run ${rebuildCommand(engine.location)} to recompute it from the input`);
        }
      } finally {
        await engine.close();
      }
    });
  where(store.command('rebuild'))
    .description('Clean every input file again into an empty store (after a change of the cleaning config or of uptake\'s contract), about 128 MB of input at a time; a DuckDB store stays as it was until the rebuild finishes')
    .option('-i, --input <dir>', 'input folder (default: config `input`, i.e. data/sample)')
    .addHelpText('after', `\nExample:\n  uptake store rebuild --input exports/\n\nProgress goes to stderr. ${EXIT_CODES}`)
    .action(async (options: StoreOptions) => {
      const [{ openStore, defaultStorePath }, { rebuildStore, finishRebuild }, { settledInputFiles, assertInputsUnchanged }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/rebuild-store.js'),
        import('../../ingest/settle-inputs.js'),
      ]);
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const log = (message: string) => process.stderr.write(`${message}\n`);
      const input = options.input ?? config.input;
      // as every command that reads the input: files still being written are waited for (inputSettle) before
      // anything is cleaned, and one that changes while it is read fails the rebuild; a rebuild that fails leaves
      // the store as it was (a DuckDB store: see openStore's `rebuild`)
      const files = await settledInputFiles(input, { ...config.inputSettle, log });
      const engine = await openStore(options.store ?? defaultStorePath(options.out ?? config.output), { rebuild: true, input, onProgress: log });
      try {
        const summary = await rebuildStore(engine, input, config, { onProgress: log });
        await assertInputsUnchanged(input, files);
        await finishRebuild(engine);
        log(`uptake store rebuild: ${engine.location} recomputed from ${summary.read} log files`);
      } finally {
        await engine.close();
      }
    });
}
