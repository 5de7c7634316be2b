import { readMeta } from './open-store.js';
/**
 * Counts what the store holds from its ledger and settings (no stored row is loaded into memory).
 * @example await storeInfo(engine) // { weeks: { first: '2026-W40', last: '2026-W47', count: 8 }, tasks: 5400, ... }
 */
export async function storeInfo(engine) {
    const meta = await readMeta(engine);
    const weeks = new Set();
    for (const row of await engine.all('SELECT weeks FROM store_files WHERE weeks IS NOT NULL'))
        for (const week of String(row.weeks).split(','))
            if (week)
                weeks.add(week);
    const [quarantine] = await engine.all('SELECT count(*) AS rows FROM store_quarantine');
    const files = {};
    for (const row of await engine.all('SELECT kind, count(*) AS files, sum(rows) AS rows FROM store_files GROUP BY kind ORDER BY kind')) {
        files[String(row.kind)] = { files: Number(row.files), rows: Number(row.rows) };
    }
    const tasks = Number(meta.tasks ?? 0);
    const sorted = [...weeks].sort();
    return {
        store: engine.location,
        engine: engine.kind,
        weeks: sorted.length === 0 ? null : { first: sorted[0], last: sorted[sorted.length - 1], count: sorted.length },
        tasks,
        quarantined: Number(quarantine.rows),
        files,
        sizeBytes: await engine.sizeBytes(),
        contract: meta.contract ?? null,
        lastRunAt: meta.as_of ? new Date(Number(meta.as_of)).toISOString() : null,
    };
}
//# sourceMappingURL=store-info.js.map