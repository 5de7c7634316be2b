import type { LogRows } from '../ingest/log-rows.js';
import type { LabelMapping } from './types.js';
/** A source's canonical task type per row: `ids[row]` indexes `names`, a list both sources share. */
export interface RowTaskTypes {
    names: string[];
    ids: Int32Array;
}
/**
 * How many rows carry each raw label, over the sources in order, listed in first-seen order
 * (the order canonicalLabels meets them in).
 * @example countRawLabels([rows.ai_logs, rows.manual_logs]) // Map { 'Report Drafting' => 120, 'report' => 40 }
 */
export declare function countRawLabels(sources: LogRows[]): Map<string, number>;
/**
 * Each source's rows' canonical task types under `mapping` (raw label to canonical label).
 * @example const [ai, manual] = rowTaskTypes([rows.ai_logs, rows.manual_logs], mapping); ai.names[ai.ids[0]] // 'report_drafting'
 */
export declare function rowTaskTypes(sources: LogRows[], mapping: Map<string, LabelMapping>): RowTaskTypes[];
