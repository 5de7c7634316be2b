import { type Kpi } from './kpi.js';
/**
 * CONTRACT 3 (harm_rate): a harmful AI task is an AI task (adoption's isAiTask) flagged harmful; a stitched
 * task is harmful when any of its rows is. The enriched table's `harmful_ai` column is this rule.
 * @example isHarmfulAiTask(true, true) // true; isHarmfulAiTask(true, null) // false
 */
export declare function isHarmfulAiTask(aiTask: boolean, harmful: boolean | null): boolean;
export declare const harm: Kpi;
