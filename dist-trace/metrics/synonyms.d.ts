/**
 * The words people use for each KPI and for the report columns `uptake ask` answers about, keyed
 * by the registry id (or the column id). `uptake ask` adds each KPI's registry title and id, so a
 * new KPI is askable by its title at once; list its everyday words here.
 * Single words match their plural and verb forms too ("use" reads "uses", "used", "using").
 */
export declare const KPI_SYNONYMS: Record<string, string[]>;
