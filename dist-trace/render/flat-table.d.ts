import type { MetricsDocument } from '../metrics/document.js';
export interface FlatTable {
    name: string;
    columns: string[];
    rows: Record<string, unknown>[];
}
/** Every table of the document with its columns: the contract's first, then extras as first seen. */
export declare function flatTables(doc: MetricsDocument): FlatTable[];
/** Rates are fractions in [0, 1], as the column catalogue says (`*_rate`, `coverage`, `asi`, `asi_change`, `*_share`, ...). */
export declare function isRateColumn(column: string): boolean;
export { neutraliseFormula } from '../util/neutralise-formula.js';
/** A value as plain text for a cell: dates as ISO text, objects as JSON, non-finite numbers empty. */
export declare function cellText(value: unknown): string;
/** A table name made safe as a file name: adoption_by_team -> adoption_by_team.csv */
export declare function tableFileName(name: string): string;
