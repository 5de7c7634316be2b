import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import type { CleanedData } from '../../src/clean/types.js';
import { parseConfig } from '../../src/config/read-config.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import type { GeneratedFile } from '../../src/generate/types.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { openStore } from '../../src/store/open-store.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const config = parseConfig({});
/** The run's clock, pinned: a week after the generated data ends. */
export const NOW = Date.parse('2026-11-30T12:00:00Z');

/** What a run shows the user: the metrics document and the validate accounting, as bytes. */
export function outcome(data: CleanedData): string {
  const { accounting, quarantineByReason, repairs, stitchedFragments, durationsDropped, teamsFilled, labelMapping, files, rosterConflicts, quarantine } = data;
  return JSON.stringify({ tasks: data.tasks.objects(), roster: data.roster.objects(), metrics: computeMetrics(data, config, 'latest'), accounting, quarantineByReason, repairs, stitchedFragments, durationsDropped, teamsFilled, labelMapping, files, rosterConflicts, quarantine });
}

export const weekOf = (file: GeneratedFile) => /W\d\d/.exec(file.name)?.[0] ?? 'roster';

/** Lands the weeks in `order`, `size` weeks at a time, into one input folder and one store; after each landing, store and scratch runs agree. */
export async function landInBatches(files: GeneratedFile[], order: string[], size: number, holdBack: string[] = [], store = join(tempDir('uptake-store-'), 'store.duckdb')): Promise<Array<{ read: number; skipped: number }>> {
  const input = tempDir('uptake-store-input-');
  const write = (file: GeneratedFile) => writeFileSync(join(input, file.name), file.content);
  for (const file of files) if (weekOf(file) === 'roster' && !holdBack.includes(file.name)) write(file);
  const summaries: Array<{ read: number; skipped: number }> = [];
  for (let start = 0; start < order.length; start += size) {
    const weeks = order.slice(start, start + size);
    for (const file of files) if (weeks.includes(weekOf(file))) write(file);
    if (start + size >= order.length) for (const file of files) if (holdBack.includes(file.name)) write(file);
    const engine = await openStore(store);
    try {
      const { data, summary } = await cleanWithStore(engine, input, config, { now: NOW });
      summaries.push({ read: summary.read, skipped: summary.skipped });
      expect(outcome(data)).toBe(outcome(await cleanInput(input, config, { now: NOW })));
    } finally {
      await engine.close();
    }
  }
  return summaries;
}

