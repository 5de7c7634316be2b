import type { Kpi } from './kpi.js';
export declare const powerUsers: Kpi;
