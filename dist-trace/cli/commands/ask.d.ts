import type { Command } from 'commander';
/**
 * Registers `uptake ask "QUESTION"`: an offline, deterministic answer from the metric tables, with its evidence.
 * @example registerAsk(program) // uptake ask "which teams dipped more than 10 points last week"
 */
export declare function registerAsk(program: Command): void;
