import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UptakeError } from '../errors.js';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseConfig, readConfig, DEFAULT_CONFIG_FILE } from '../config/read-config.js';
import { cleanInput } from '../clean/clean-input.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
/**
 * Everything a report notebook needs in one call: the config, the cleaned data and the metrics document.
 * @example const { metrics } = await loadReport({ input: 'data/sample', week: '2026-W47' })
 */
export async function loadReport(options) {
    const baseDir = resolve(options.baseDir ?? process.cwd());
    const at = (path) => (isAbsolute(path) ? path : join(baseDir, path));
    const configFile = options.config ? at(options.config) : existsSync(join(baseDir, DEFAULT_CONFIG_FILE)) ? join(baseDir, DEFAULT_CONFIG_FILE) : undefined;
    const config = configFile ? await readConfig(configFile) : parseConfig({});
    const data = await cleanInput(at(options.input), config, { onProgress: options.onProgress });
    const metrics = computeMetrics(data, config, options.week || 'latest');
    return { config, data, metrics };
}
/**
 * The folder a notebook's relative paths mean: the nearest one at or above `start` holding a package.json.
 * @example findProjectRoot('/work/app/notebooks') // '/work/app'
 */
export function findProjectRoot(start = process.cwd()) {
    let directory = resolve(start);
    for (;;) {
        if (existsSync(join(directory, 'package.json')))
            return directory;
        const parent = dirname(directory);
        if (parent === directory)
            return resolve(start);
        directory = parent;
    }
}
/**
 * A metrics document written earlier (`uptake metrics --json`, or the run's `metrics.json`), so a
 * notebook shows exactly the numbers of that file instead of computing them again.
 * @example const doc = await readMetricsDocument('output/2026-W47/metrics.json', findProjectRoot())
 */
export async function readMetricsDocument(file, baseDir = process.cwd()) {
    const path = isAbsolute(file) ? file : join(baseDir, file);
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (cause) {
        throw new UptakeError('input', 'expected a metrics document (JSON) to read', { file: path, cause });
    }
    const parsed = JSON.parse(text);
    if (typeof parsed.week !== 'string' || typeof parsed.tables !== 'object' || parsed.tables === null) {
        throw new UptakeError('input', 'expected a metrics document with `week` and `tables`', { file: path });
    }
    return parsed;
}
//# sourceMappingURL=load-report.js.map