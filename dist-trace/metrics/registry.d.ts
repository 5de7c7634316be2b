import type { Kpi } from './kpi.js';
/**
 * Every KPI, in the order their columns appear in merged tables. Adding a KPI = one file + one line here.
 */
export declare const registry: Kpi[];
export interface GlossaryEntry {
    id: string;
    title: string;
    definition: string;
}
/**
 * The definitions the README and report glossaries are generated from.
 * @example glossary().find((entry) => entry.id === 'adoption_rate')?.title // 'Adoption rate'
 */
export declare function glossary(): GlossaryEntry[];
