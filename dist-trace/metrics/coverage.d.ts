import { type Kpi, type KpiContext } from './kpi.js';
export declare const coverage: Kpi;
/** Whether a month lies entirely inside the loaded dates and ends on or before the report week's Sunday (the months logging_coverage lists). */
export declare function monthIsLoaded(context: KpiContext, month: string): boolean;
