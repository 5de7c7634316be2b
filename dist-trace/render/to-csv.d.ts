import type { MetricsDocument } from '../metrics/document.js';
/**
 * Every metric table as RFC 4180 CSV text (CRLF line ends, header row), keyed by file name.
 * Numbers are written as numbers, null as an empty field, booleans as true/false, and text
 * that starts like a formula (= + - @ tab CR) gets a leading single quote.
 * @example
 * tablesToCsv(doc).get('adoption_by_team.csv') // => 'team,ai_tasks,...\r\nFinance,12,...\r\n'
 */
export declare function tablesToCsv(doc: MetricsDocument): Map<string, string>;
