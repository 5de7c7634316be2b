import { type Kpi } from './kpi.js';
/**
 * CONTRACT 3 (asi): an evaluated task is an AI task (adoption's isAiTask) with an accuracy (the enriched
 * table's `evaluated` column).
 * @example isEvaluatedAiTask(true, 0.8) // true; isEvaluatedAiTask(true, null) // false
 */
export declare function isEvaluatedAiTask(aiTask: boolean, accuracy: number | null): boolean;
/**
 * CONTRACT 3 (asi): an evaluated AI task whose accuracy is at or above the target (`metrics.accuracyTarget`,
 * 0.9 by default): the enriched table's `above_target` column.
 * @example isAboveTarget(true, 0.9, 0.9) // true; isAboveTarget(true, 0.89, 0.9) // false
 */
export declare function isAboveTarget(aiTask: boolean, accuracy: number | null, target: number): boolean;
export declare const asi: Kpi;
/** Every `YYYY-MM` from first to last, both included. */
export declare function monthRange(first: string, last: string): string[];
