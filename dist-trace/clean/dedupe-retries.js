import { chainRuns, denseKey, groupRows, keepBestOfRuns, keepRows, orderWithinGroups, textKey } from '../columns/index.js';
import { TASK_STATUSES } from '../ingest/types.js';
/** The best status first: a retry that completed beats one abandoned, which beats an error. */
export const BEST_STATUS_FIRST = ['completed', 'abandoned', 'error'];
const rankOfCode = Int8Array.from(TASK_STATUSES, (status) => BEST_STATUS_FIRST.indexOf(status));
// Retries share a prompt and start within seconds: one attempt, keep the best status then the earliest.
/**
 * CONTRACT 2.5: rows with the same user, canonical task type and non-empty prompt whose starts chain
 * within `windowMs` (each row within the window of the attempt's previous row) are one attempt. The
 * attempt keeps its best status, then the earlier start, then the first in input order.
 * Returns the kept indices in input order.
 * @example dedupeRetries(rows, kept, aiTypes, 30_000) // { kept: [...], duplicates: 4 }
 */
export function dedupeRetries(rows, indices, 
/** Canonical task type per row. */
taskTypes, windowMs) {
    const withPrompt = keepRows(indices, (row) => !rows.prompt.isEmpty(row));
    const sameAttempt = groupRows(withPrompt, [denseKey(rows.user, rows.strings.length), denseKey(taskTypes.ids, taskTypes.names.length), textKey(rows.prompt, rows.promptHash)]);
    const inStartOrder = orderWithinGroups(withPrompt, sameAttempt, rows.start);
    const attempts = chainRuns(inStartOrder, (previous, row) => rows.start[row] - rows.start[previous] <= windowMs);
    const better = (a, b) => rankOfCode[rows.status[a]] - rankOfCode[rows.status[b]] || rows.start[a] - rows.start[b] || a - b;
    return { kept: keepBestOfRuns(indices, attempts, better, rows.length), duplicates: withPrompt.length - attempts.firstSlots.length };
}
//# sourceMappingURL=dedupe-retries.js.map