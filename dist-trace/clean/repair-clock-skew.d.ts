import type { LogRows } from '../ingest/log-rows.js';
/**
 * Swaps started_at and ended_at where the end comes first; returns how many rows it repaired.
 * @example repairClockSkew(rows) // 3
 */
export declare function repairClockSkew(rows: LogRows): number;
