import { copyFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { openStore } from '../../src/store/open-store.js';
import { NOW, config, landInBatches, outcome, tempDir, weekOf } from './land-in-batches.js';

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
    const run = async (folder = input) => {
      const engine = await openStore(store);
      try {
        const { data, summary } = await cleanWithStore(engine, folder, config, { now: NOW });
        expect(outcome(data)).toBe(outcome(await cleanInput(folder, config, { now: NOW })));
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
    // the same files in another folder (another spelling of the input): known by name and bytes, named by the new path
    const moved = tempDir('uptake-store-moved-');
    for (const name of readdirSync(input)) copyFileSync(join(input, name), join(moved, name));
    expect(await run(moved)).toEqual({ read: 0, skipped: 7, removed: 0 });
  });
});
