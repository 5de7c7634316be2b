import { type Kpi } from './kpi.js';
export declare const TIERS: readonly ["none", "light", "moderate", "heavy"];
export declare const usageTiers: Kpi;
