import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from '../util/atomic-write.js';
import { neutraliseFormula } from '../util/neutralise-formula.js';
// The raw text is whatever an export held, `=cmd|' /C calc'!A0` included: a spreadsheet opening the
// file must not run it, so every text cell is neutralised like the metric exports' cells.
/**
 * Writes quarantined rows as CSV (file, line, reason, detail, raw), raw text as read except that a
 * cell starting like a formula (= + - @ tab CR) gets a leading single quote.
 * @example await writeQuarantine('output/quarantine.csv', data.quarantine)
 */
export async function writeQuarantine(path, records) {
    const rows = records.map((record) => [
        neutraliseFormula(record.file),
        record.line,
        neutraliseFormula(record.reason),
        neutraliseFormula(record.detail),
        neutraliseFormula(record.raw),
    ]);
    await writeFileAtomic(path, stringify(rows, { header: true, columns: ['file', 'line', 'reason', 'detail', 'raw'] }));
}
//# sourceMappingURL=write-quarantine.js.map