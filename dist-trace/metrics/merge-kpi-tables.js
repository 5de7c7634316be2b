/**
 * Joins the KPIs' outputs into tables: rows of one table with equal key columns become one row
 * (key columns first, then each KPI's columns in registry order).
 * @example mergeKpiTables([{ harm: [{ team: 'A', n: 1 }] }, { harm: [{ team: 'A', m: 2 }] }], layouts).harm // [{ team: 'A', n: 1, m: 2 }]
 */
export function mergeKpiTables(outputs, layouts) {
    const keysOf = new Map(layouts.map((layout) => [layout.name, layout.keys]));
    const merged = new Map();
    for (const output of outputs) {
        for (const [table, rows] of Object.entries(output)) {
            const keys = keysOf.get(table) ?? [];
            if (!merged.has(table))
                merged.set(table, new Map());
            const byKey = merged.get(table);
            rows.forEach((row, index) => {
                const id = keys.length > 0 ? JSON.stringify(keys.map((key) => row[key] ?? null)) : `#${index}`;
                const existing = byKey.get(id);
                if (existing)
                    Object.assign(existing, row);
                else
                    byKey.set(id, Object.assign(Object.fromEntries(keys.map((key) => [key, row[key] ?? null])), row));
            });
        }
    }
    return Object.fromEntries([...merged].map(([table, byKey]) => [table, [...byKey.values()]]));
}
//# sourceMappingURL=merge-kpi-tables.js.map