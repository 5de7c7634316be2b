import { type Kpi } from './kpi.js';
export declare const activation: Kpi;
