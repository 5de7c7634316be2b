import type { Command } from 'commander';
/** Help for `--store` on the commands that read the input. */
export declare const STORE_OPTION_HELP = "store of cleaned data: a DuckDB file (created when missing) or a postgres:// URL; only input files new or changed since the store last saw them are read (default for `run`: <output>/.uptake/store.duckdb; others: none, every file is cleaned)";
/**
 * Registers `uptake store info|rebuild`: what the store of cleaned data holds, and a recompute from every input file.
 * @example registerStore(program) // uptake store info --json
 */
export declare function registerStore(program: Command): void;
