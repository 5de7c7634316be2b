import { isAbsolute, join } from 'node:path';
import { UptakeError } from '../errors.js';
import { readRegularFile } from '../util/read-state-file.js';
import type { MetricsDocument } from '../metrics/document.js';

/**
 * A metrics document written earlier (`uptake metrics --json`, or the run's `metrics.json`), so a
 * notebook shows exactly the numbers of that file instead of computing them again.
 * @example const doc = await readMetricsDocument('output/2026-W47/metrics.json', findProjectRoot())
 */
export async function readMetricsDocument(file: string, baseDir: string = process.cwd()): Promise<MetricsDocument> {
  const path = isAbsolute(file) ? file : join(baseDir, file);
  let text: string;
  try {
    text = await readRegularFile(path, 'the metrics document', 'input');
  } catch (cause) {
    if (cause instanceof UptakeError) throw cause;
    throw new UptakeError('input', 'expected a metrics document (JSON) to read', { file: path, cause });
  }
  const parsed = JSON.parse(text) as Partial<MetricsDocument>;
  if (typeof parsed.week !== 'string' || typeof parsed.tables !== 'object' || parsed.tables === null) {
    throw new UptakeError('input', 'expected a metrics document with `week` and `tables`', { file: path });
  }
  return parsed as MetricsDocument;
}
