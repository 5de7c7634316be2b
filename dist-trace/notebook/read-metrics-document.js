import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { UptakeError } from '../errors.js';
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
//# sourceMappingURL=read-metrics-document.js.map