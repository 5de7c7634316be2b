import type { ReferenceRosterRow, ReferenceSettings, ReferenceTables, ReferenceTask } from './types.js';
export declare const DEFAULT_REFERENCE_SETTINGS: ReferenceSettings;
/**
 * Median of numbers (mean of the middle two for an even count); null for none.
 * @example median([3, 1, 2, 10]) // 2.5
 */
export declare function median(values: number[]): number | null;
/**
 * Percentile with linear interpolation between closest ranks (numpy's default).
 * @example percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export declare function percentile(values: number[], fraction: number): number | null;
/**
 * Every table of the section-4 document (privacy off, alerts aside) for one report week.
 * @example computeReferenceTables(tasks, roster, '2026-W47').adoption_by_team[0].team // '*'
 */
export declare function computeReferenceTables(tasks: ReferenceTask[], roster: ReferenceRosterRow[], reportWeek: string, settings?: ReferenceSettings): ReferenceTables;
/**
 * baseline_min per task type: the median minutes of manual tasks with a duration that start on or
 * before the end of the report week.
 * @example referenceBaselines(tasks, '2026-W47').get('data_entry') // 20
 */
export declare function referenceBaselines(tasks: Array<ReferenceTask & {
    week?: string;
}>, reportWeek: string, zone?: string): Map<string, number>;
