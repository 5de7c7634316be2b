import type { QuarantineRecord } from './types.js';
/**
 * Writes quarantined rows as CSV (file, line, reason, detail, raw), raw text as read except that a
 * cell starting like a formula (= + - @ tab CR) gets a leading single quote.
 * @example await writeQuarantine('output/quarantine.csv', data.quarantine)
 */
export declare function writeQuarantine(path: string, records: QuarantineRecord[]): Promise<void>;
