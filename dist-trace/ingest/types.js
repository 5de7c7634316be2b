/** The statuses as the log rows' status column codes them (`TASK_STATUSES[code]`); no order of merit. */
export const TASK_STATUSES = ['completed', 'abandoned', 'error'];
//# sourceMappingURL=types.js.map