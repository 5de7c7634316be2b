import type { MetricsDocument } from '../metrics/document.js';
/**
 * A metrics document written earlier (`uptake metrics --json`, or the run's `metrics.json`), so a
 * notebook shows exactly the numbers of that file instead of computing them again.
 * @example const doc = await readMetricsDocument('output/2026-W47/metrics.json', findProjectRoot())
 */
export declare function readMetricsDocument(file: string, baseDir?: string): Promise<MetricsDocument>;
