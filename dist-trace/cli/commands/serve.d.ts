import type { Command } from 'commander';
/**
 * Registers `uptake serve`: a local page with the report week's headline numbers and an ask box.
 * @example registerServe(program) // uptake serve --port 8787
 */
export declare function registerServe(program: Command): void;
