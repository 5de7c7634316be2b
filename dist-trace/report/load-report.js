import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseConfig, readConfig, DEFAULT_CONFIG_FILE } from '../config/read-config.js';
import { cleanInput } from '../clean/clean-input.js';
import { cleanThroughStore } from '../store/clean-through-store.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { resolveWeek } from '../metrics/resolve-week.js';
export async function loadReport(options, effects = {}) {
    const at = (path) => (options.baseDir && !isAbsolute(path) ? join(resolve(options.baseDir), path) : path);
    // 1. Config: given, read from its file, or the defaults
    const config = typeof options.config === 'object' ? options.config : await configFrom(options.config, options.baseDir, at);
    // 2. Cleaned data: every cleaning rule over the input folder (through the store: only what changed)
    const source = options.source ?? { input: options.input || config.input, store: options.store };
    const log = effects.log ?? options.onProgress;
    const input = at(source.input);
    const cleaning = { onProgress: log, now: effects.now?.().getTime() };
    // 3. The report week, resolved once, and every KPI for it: through a store, from its kept weekly facts and the
    // report window's tasks (the data then holds those tasks only), else from every cleaned task
    if (source.store && !options.allTasks && options.week !== null) {
        const run = await cleanThroughStore(source.store, input, config, cleaning, { week: options.week ?? 'latest', metricsOnly: options.metricsOnly });
        return { config, input, data: run.data, ...run.report };
    }
    const data = source.store ? (await cleanThroughStore(source.store, input, config, cleaning)).data : await cleanInput(input, config, cleaning);
    const loaded = { config, input, data };
    if (options.week === null)
        return loaded;
    return { ...loaded, ...reportOn(loaded, options.week ?? 'latest') };
}
/**
 * The second half of loadReport, for data already loaded: the week resolved (`YYYY-Www` or `latest`)
 * and its metrics document. `uptake validate` and the notebooks' `metrics()` call it after
 * `loadReport({ week: null })`; the ask engine for the weeks a question needs.
 * @example reportOn(await loadReport({ input: 'data/sample', week: null }), 'latest').week.week // '2026-W47'
 */
export function reportOn(loaded, week) {
    const reportWeek = resolveWeek(loaded.data, loaded.config, week);
    return { week: reportWeek, metrics: computeMetrics(loaded.data, loaded.config, reportWeek) };
}
async function configFrom(file, baseDir, at) {
    if (file)
        return readConfig(at(file));
    const defaultFile = join(resolve(baseDir ?? '.'), DEFAULT_CONFIG_FILE);
    return existsSync(defaultFile) ? readConfig(defaultFile) : parseConfig({});
}
//# sourceMappingURL=load-report.js.map