import type { Command } from 'commander';
/**
 * Registers `uptake metrics`: clean the input, compute every KPI for one week, print JSON or tables.
 * @example registerMetrics(program) // uptake metrics --week latest --json
 */
export declare function registerMetrics(program: Command): void;
