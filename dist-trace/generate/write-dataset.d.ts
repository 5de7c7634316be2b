import type { GeneratedDataset, GenerateOptions, GroundTruth } from './types.js';
/** Written into every generated folder: `--force` replaces only a folder that holds it. */
export declare const GENERATED_MARKER = ".uptake-generated";
/**
 * Writes an in-memory data set (files, `truth.json`, `README.md`, the marker) into `dir`, replacing it when
 * `force` is set and it is a generated folder.
 * @example await writeDataset('data/sample', generateDataset(options), { force: true })
 */
export declare function writeDataset(dir: string, dataset: GeneratedDataset, options?: {
    force?: boolean;
}): Promise<void>;
/**
 * Generates straight to disk: each weekly file is written as soon as it is complete, so memory
 * holds about one week of rows (plus the compact task list the truth is computed from).
 * @example const truth = await writeGeneratedDataset('bench/1m', { seed: 1, users: 2000, weeks: 12, endWeek: '2026-W47' })
 */
export declare function writeGeneratedDataset(dir: string, options: GenerateOptions & {
    force?: boolean;
}): Promise<GroundTruth>;
