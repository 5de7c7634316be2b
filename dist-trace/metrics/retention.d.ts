import { type Kpi } from './kpi.js';
export declare const retention: Kpi;
