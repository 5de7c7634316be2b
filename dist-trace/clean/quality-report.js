/** True when every row of a source is accounted for (CONTRACT section 2). */
export function accountingBalances(accounting) {
    return accounting.rows_read === accounting.quarantined + accounting.exact_duplicates + accounting.retry_duplicates + accounting.rows_in_tasks;
}
/**
 * The data-quality facts of a cleaning run, as `uptake validate` reports them.
 * @example qualityReport('data/sample', data).balanced // true
 */
export function qualityReport(input, data) {
    return {
        input,
        files: data.files,
        accounting: data.accounting,
        balanced: Object.values(data.accounting).every(accountingBalances),
        quarantine_by_reason: data.quarantineByReason,
        repairs: data.repairs,
        stitched_fragments: data.stitchedFragments,
        durations_dropped: data.durationsDropped,
        teams_filled: data.teamsFilled,
        label_mapping: data.labelMapping,
        loaded_dates: data.loadedDates,
        roster_conflicts: data.rosterConflicts,
    };
}
//# sourceMappingURL=quality-report.js.map