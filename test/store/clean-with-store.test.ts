import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

const config = parseConfig({});
/** The run's clock, pinned: a week after the generated data ends. */
const NOW = Date.parse('2026-11-30T12:00:00Z');

/** What a run shows the user: the metrics document and the validate accounting, as bytes. */
function outcome(data: CleanedData): string {
  const { accounting, quarantineByReason, repairs, stitchedFragments, durationsDropped, teamsFilled, labelMapping, files, rosterConflicts, quarantine } = data;
  return JSON.stringify({ tasks: data.tasks.objects(), roster: data.roster.objects(), metrics: computeMetrics(data, config, 'latest'), accounting, quarantineByReason, repairs, stitchedFragments, durationsDropped, teamsFilled, labelMapping, files, rosterConflicts, quarantine });
}

const weekOf = (file: GeneratedFile) => /W\d\d/.exec(file.name)?.[0] ?? 'roster';

/** Lands the weeks in `order`, `size` weeks at a time, into one input folder and one store; after each landing, store and scratch runs agree. */
async function landInBatches(files: GeneratedFile[], order: string[], size: number, holdBack: string[] = []): Promise<Array<{ read: number; skipped: number }>> {
  const input = tempDir('uptake-store-input-');
  const store = join(tempDir('uptake-store-'), 'store.duckdb');
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

describe('cleanWithStore: a run through the store equals a run from scratch', () => {
  for (const seed of [1, 2, 3]) {
    const { files } = generateDataset({ seed, users: 30, weeks: 6, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    it(`seed ${seed}: weeks landing in order, one at a time, read only the new week's two files`, async () => {
      const summaries = await landInBatches(files, weeks, 1);
      expect(summaries).toEqual(weeks.map((_, index) => ({ read: 2, skipped: 2 * index })));
    });
    it(`seed ${seed}: weeks landing backwards, two at a time`, async () => {
      const summaries = await landInBatches(files, [...weeks].reverse(), 2);
      expect(summaries).toEqual([{ read: 4, skipped: 0 }, { read: 4, skipped: 4 }, { read: 4, skipped: 8 }]);
    });
    it(`seed ${seed}: weeks landing shuffled, three at a time, with a roster month arriving last (every file read again)`, async () => {
      const shuffled = [weeks[3], weeks[0], weeks[5], weeks[1], weeks[4], weeks[2]];
      const summaries = await landInBatches(files, shuffled, 3, ['user_monthly_summary_2026-11.csv']);
      expect(summaries).toEqual([{ read: 6, skipped: 0 }, { read: 12, skipped: 0 }]);
    });
  }

  it('a changed file is read again and a removed one drops what it gave; nothing changed reads nothing', async () => {
    const { files } = generateDataset({ seed: 4, users: 30, weeks: 4, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-input-');
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    const store = join(tempDir('uptake-store-'), 'store.duckdb');
    const run = async () => {
      const engine = await openStore(store);
      try {
        const { data, summary } = await cleanWithStore(engine, input, config, { now: NOW });
        expect(outcome(data)).toBe(outcome(await cleanInput(input, config, { now: NOW })));
        return summary;
      } finally {
        await engine.close();
      }
    };
    expect(await run()).toEqual({ read: 8, skipped: 0, removed: 0 });
    expect(await run()).toEqual({ read: 0, skipped: 8, removed: 0 });
    const changed = files.find((file) => file.name.startsWith('ai_logs') && !file.name.endsWith('.gz'))!;
    const text = Buffer.from(changed.content).toString('utf8').split('\n');
    writeFileSync(join(input, changed.name), [...text.slice(0, 2), ...text.slice(12)].join('\n'));
    expect(await run()).toEqual({ read: 1, skipped: 7, removed: 0 });
    unlinkSync(join(input, files.find((file) => file.name.startsWith('manual_logs') && file.name.includes('W46'))!.name));
    expect(await run()).toEqual({ read: 0, skipped: 7, removed: 1 });
  });
});
