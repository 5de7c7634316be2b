import type { CleanedData, InputKind, SourceAccounting } from './types.js';
export interface QualityReport {
    input: string;
    files: CleanedData['files'];
    accounting: Record<InputKind, SourceAccounting>;
    /** rows_read = quarantined + exact_duplicates + retry_duplicates + rows_in_tasks, per source. */
    balanced: boolean;
    quarantine_by_reason: Record<string, number>;
    repairs: Record<string, number>;
    stitched_fragments: number;
    durations_dropped: CleanedData['durationsDropped'];
    teams_filled: number;
    label_mapping: CleanedData['labelMapping'];
    loaded_dates: CleanedData['loadedDates'];
    /** Users with two or more teams in one roster month (the first team is kept). */
    roster_conflicts: CleanedData['rosterConflicts'];
}
/** True when every row of a source is accounted for (CONTRACT section 2). */
export declare function accountingBalances(accounting: SourceAccounting): boolean;
/**
 * The data-quality facts of a cleaning run, as `uptake validate` reports them.
 * @example qualityReport('data/sample', data).balanced // true
 */
export declare function qualityReport(input: string, data: CleanedData): QualityReport;
