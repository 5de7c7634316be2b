import { stringify } from 'csv-stringify/sync';
import { cellText, flatTables, neutraliseFormula, tableFileName } from './flat-table.js';
/**
 * Every metric table as RFC 4180 CSV text (CRLF line ends, header row), keyed by file name.
 * Numbers are written as numbers, null as an empty field, booleans as true/false, and text
 * that starts like a formula (= + - @ tab CR) gets a leading single quote.
 * @example
 * tablesToCsv(doc).get('adoption_by_team.csv') // => 'team,ai_tasks,...\r\nFinance,12,...\r\n'
 */
export function tablesToCsv(doc) {
    const files = new Map();
    for (const table of flatTables(doc)) {
        const records = table.rows.map((row) => table.columns.map((column) => {
            const value = row[column];
            return typeof value === 'string' ? neutraliseFormula(value) : cellText(value);
        }));
        const text = stringify([table.columns.map(neutraliseFormula), ...records], { record_delimiter: 'windows' });
        files.set(tableFileName(table.name), text);
    }
    return files;
}
//# sourceMappingURL=to-csv.js.map