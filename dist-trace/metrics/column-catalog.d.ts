/** How a column's numbers read: `rate` a fraction shown as a percent, `pts` percentage points, `hours`, `minutes`, `count`. */
export type ColumnUnit = 'rate' | 'pts' | 'hours' | 'minutes' | 'count' | 'number' | 'flag' | 'text' | 'team' | 'task_type' | 'source' | 'rule';
export interface ColumnInfo {
    /** The header a reader sees; it wraps at spaces only, so it names its unit in words or brackets. */
    label: string;
    unit: ColumnUnit;
}
/** How the all-teams row (team `*`) is named wherever a reader sees it. */
export declare const ALL_TEAMS_LABEL = "All teams";
export declare const COLUMN_CATALOG: Record<string, ColumnInfo>;
/** Human titles of the alert rules (metrics/alerts.ts), in the reader's words. */
export declare const ALERT_TITLES: Record<string, string>;
/** The text of an empty or withheld cell. */
export declare const EMPTY_CELL = "\u2014";
/**
 * A column's header for readers; an unknown column reads as its words.
 * @example columnLabel('delta_pts') // 'Change vs last week (pts)'
 */
export declare function columnLabel(column: string): string;
/** The unit a column's values are formatted by; unknown `*_rate` columns are rates. */
export declare function columnUnit(column: string): ColumnUnit;
/**
 * The name of a team for readers: "All teams" for `*`.
 * @example teamName('*') // 'All teams'
 */
export declare function teamName(team: unknown): string;
/**
 * An alert rule's title for readers.
 * @example alertTitle('adoption_drop') // 'Adoption dropped'
 */
export declare function alertTitle(rule: string): string;
/**
 * A fraction as a percent with one decimal and a space before the sign (the report's one style).
 * @example formatRate(0.4132) // '41.3 %'
 */
export declare function formatRate(rate: number): string;
/**
 * Percentage points with a sign and one decimal.
 * @example formatPoints(-3.44) // '-3.4'
 */
export declare function formatPoints(points: number): string;
/**
 * One cell's text by its column's unit: rates as "41.3 %", points signed, hours and minutes with
 * one decimal, counts with thousands separators, `*` as "All teams", rule ids as their titles.
 * Units named in the header (pts, h, min) are not repeated in the cell.
 * @example formatColumnValue('adoption_rate', 0.5) // '50.0 %'
 */
export declare function formatColumnValue(column: string, value: unknown): string;
/** Whether a catalogued column holds numbers (right-aligned in tables); undefined for a column the catalogue does not know. */
export declare function isNumericColumn(column: string): boolean | undefined;
