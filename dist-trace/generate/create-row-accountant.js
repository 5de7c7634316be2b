const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
// CONTRACT section 2 accounting, derived from what the files hold as they are written, and checked
// against the simulation so a generator bug cannot hide in the truth.
/**
 * @example const accountant = createRowAccountant(); accountant.addFile('ai_logs', rows); accountant.finish(activity).accounting
 */
export function createRowAccountant() {
    const seen = new WeakSet();
    const blank = () => ({ rows_read: 0, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, tasks: 0 });
    const counts = { ai_logs: blank(), manual_logs: blank() };
    const quarantineBySource = { ai_logs: {}, manual_logs: {}, user_monthly_summary: {} };
    const repairsBySource = { ai_logs: { clock_skew: 0 }, manual_logs: { clock_skew: 0 } };
    return {
        addFile(source, rows) {
            const count = counts[source];
            for (const row of rows) {
                const copies = row.duplicateInFile ? 2 : 1;
                count.rows_read += copies;
                if (row.quarantine !== null) {
                    count.quarantined += copies;
                    quarantineBySource[source][row.quarantine] = (quarantineBySource[source][row.quarantine] ?? 0) + copies;
                    continue;
                }
                if (row.swapped)
                    repairsBySource[source].clock_skew += copies;
                // a row written twice is the same row twice (some copies with fields left blank): never a conflicting duplicate
                if (seen.has(row)) {
                    count.exact_duplicates += copies;
                    continue;
                }
                seen.add(row);
                count.exact_duplicates += copies - 1;
                if (row.retryDuplicate)
                    count.retry_duplicates++;
                else
                    count.rows_in_tasks++;
            }
        },
        finish(activity) {
            for (const source of ['ai_logs', 'manual_logs']) {
                if (counts[source].rows_in_tasks !== activity.taskRowsMade[source]) {
                    throw new Error(`generator bug: ${source} files hold ${counts[source].rows_in_tasks} task rows, the simulation made ${activity.taskRowsMade[source]}`);
                }
                counts[source].tasks = activity.tasks.filter((task) => task.source === source).length;
            }
            const rosterRows = activity.roster.length;
            const rosterQuarantined = activity.rosterQuarantine.length;
            if (rosterQuarantined > 0)
                quarantineBySource.user_monthly_summary.missing_user_id = rosterQuarantined;
            const accounting = {
                ai_logs: counts.ai_logs,
                manual_logs: counts.manual_logs,
                user_monthly_summary: {
                    rows_read: rosterRows + rosterQuarantined,
                    quarantined: rosterQuarantined,
                    exact_duplicates: 0,
                    conflicting_duplicates: 0,
                    retry_duplicates: 0,
                    rows_in_tasks: rosterRows,
                    tasks: rosterRows,
                },
            };
            const quarantineByReason = {};
            for (const reasons of Object.values(quarantineBySource)) {
                for (const [reason, count] of Object.entries(reasons))
                    quarantineByReason[reason] = (quarantineByReason[reason] ?? 0) + count;
            }
            return {
                accounting,
                quarantineByReason: sorted(quarantineByReason),
                quarantineBySource: {
                    ai_logs: sorted(quarantineBySource.ai_logs),
                    manual_logs: sorted(quarantineBySource.manual_logs),
                    user_monthly_summary: sorted(quarantineBySource.user_monthly_summary),
                },
                repairsBySource,
            };
        },
    };
}
//# sourceMappingURL=create-row-accountant.js.map