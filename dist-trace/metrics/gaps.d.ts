import type { Kpi } from './kpi.js';
export declare const gaps: Kpi;
