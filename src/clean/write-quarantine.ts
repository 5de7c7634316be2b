import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { QuarantineRecord } from './types.js';

/**
 * Writes quarantined rows as CSV (file, line, reason, detail, raw), raw text exactly as read.
 * @example await writeQuarantine('output/quarantine.csv', data.quarantine)
 */
export async function writeQuarantine(path: string, records: QuarantineRecord[]): Promise<void> {
  const rows = records.map((record) => [record.file, record.line, record.reason, record.detail, record.raw]);
  await writeFileAtomic(path, stringify(rows, { header: true, columns: ['file', 'line', 'reason', 'detail', 'raw'] }));
}
