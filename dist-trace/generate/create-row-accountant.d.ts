import type { InputKind, LogSource, SourceAccounting } from '../clean/types.js';
import type { RawRow, SimulatedActivity } from './simulate-activity.js';
export interface RowAccount {
    accounting: Record<InputKind, SourceAccounting>;
    quarantineByReason: Record<string, number>;
    quarantineBySource: Record<InputKind, Record<string, number>>;
    repairsBySource: Record<LogSource, {
        clock_skew: number;
    }>;
}
export interface RowAccountant {
    /** Counts the rows of one written file, in file order (a row object seen before is a duplicate). */
    addFile(source: LogSource, rows: RawRow[]): void;
    /** The totals, cross-checked against what the simulation made. */
    finish(activity: SimulatedActivity): RowAccount;
}
/**
 * @example const accountant = createRowAccountant(); accountant.addFile('ai_logs', rows); accountant.finish(activity).accounting
 */
export declare function createRowAccountant(): RowAccountant;
