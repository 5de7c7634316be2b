import { countCodes, Dictionary, recoded } from '../columns/index.js';
/**
 * How many rows carry each raw label, over the sources in order, listed in first-seen order
 * (the order canonicalLabels meets them in).
 * @example countRawLabels([rows.ai_logs, rows.manual_logs]) // Map { 'Report Drafting' => 120, 'report' => 40 }
 */
export function countRawLabels(sources) {
    const counts = new Map();
    for (const rows of sources) {
        const { counts: perCode, firstSeen } = countCodes(rows.label, rows.strings.length);
        for (const code of firstSeen)
            counts.set(rows.strings[code], (counts.get(rows.strings[code]) ?? 0) + perCode[code]);
    }
    return counts;
}
// Labels are mapped once per distinct raw label, not once per row: rows only look up numbers.
/**
 * Each source's rows' canonical task types under `mapping` (raw label to canonical label).
 * @example const [ai, manual] = rowTaskTypes([rows.ai_logs, rows.manual_logs], mapping); ai.names[ai.ids[0]] // 'report_drafting'
 */
export function rowTaskTypes(sources, mapping) {
    const canonical = new Dictionary();
    return sources.map((rows) => {
        // users, teams and the like have no canonical label: no code
        const idOfCode = canonical.recode(rows.strings, (value) => mapping.get(value)?.canonical);
        return { names: canonical.values, ids: recoded(rows.label, idOfCode, rows.length) };
    });
}
//# sourceMappingURL=row-task-types.js.map