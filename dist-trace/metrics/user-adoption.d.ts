import { type Kpi } from './kpi.js';
export declare const userAdoption: Kpi;
