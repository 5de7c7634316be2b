import type { Row } from './kpi.js';
/**
 * Sorts rows by key columns: "*" first, then strings by code point (numbers numerically), nulls last.
 * @example sortRows([{ team: 'B' }, { team: '*' }], ['team']) // [{ team: '*' }, { team: 'B' }]
 */
export declare function sortRows(rows: Row[], keys: string[]): Row[];
