import type { Row } from './kpi.js';
import type { TableLayout } from './table-layouts.js';
/**
 * Joins the KPIs' outputs into tables: rows of one table with equal key columns become one row
 * (key columns first, then each KPI's columns in registry order).
 * @example mergeKpiTables([{ harm: [{ team: 'A', n: 1 }] }, { harm: [{ team: 'A', m: 2 }] }], layouts).harm // [{ team: 'A', n: 1, m: 2 }]
 */
export declare function mergeKpiTables(outputs: Array<Record<string, Row[]>>, layouts: TableLayout[]): Record<string, Row[]>;
