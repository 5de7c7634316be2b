import { afterEach, describe, expect, test } from 'vitest';
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectOutputsApart } from '../../src/ingest/outputs-apart.js';
import { UptakeError } from '../../src/errors.js';
import { tempFolder } from '../helpers/special-files.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

// An input folder with one export, and a folder beside it for outputs.
function folders() {
  const { dir, remove } = tempFolder('uptake-apart-');
  cleanups.push(remove);
  const input = join(dir, 'exports');
  const out = join(dir, 'out');
  mkdirSync(input);
  mkdirSync(out);
  writeFileSync(join(input, 'ai_logs_a.csv'), 'event_id\n');
  writeFileSync(join(input, 'notes.txt'), 'not input\n');
  return { dir, input, out, export: join(input, 'ai_logs_a.csv') };
}

const refusal = (promise: Promise<void>) => promise.then(() => null, (error: unknown) => error as UptakeError);

describe('expectOutputsApart: no output overwrites an input file or lands where it is read as input', () => {
  test('an input file by its path, through a symlink or as a hard link is refused with exit 2 naming both', async () => {
    const paths = folders();
    symlinkSync(paths.export, join(paths.out, 'link.csv'));
    linkSync(paths.export, join(paths.out, 'hard.csv'));
    for (const path of [paths.export, join(paths.out, 'link.csv'), join(paths.out, 'hard.csv'), join(paths.out, '..', 'exports', 'ai_logs_a.csv')]) {
      const error = await refusal(expectOutputsApart([{ path, by: '--quarantine' }], { folder: paths.input }));
      expect(error).toBeInstanceOf(UptakeError);
      expect(error!.exitCode).toBe(2);
      expect(error!.message).toBe(`expected --quarantine to be apart from the input, but ${path} is the input file ${paths.export}; name another path`);
    }
  });

  test('a new file in the input folder named like input is refused; other names there, and outputs elsewhere, pass', async () => {
    const paths = folders();
    const error = await refusal(expectOutputsApart([{ path: join(paths.input, 'manual_logs_q.CSV'), by: '`warehouse.duckdbPath`' }], { folder: paths.input }));
    expect(error!.message).toBe(`expected \`warehouse.duckdbPath\` to be apart from the input, but ${join(paths.input, 'manual_logs_q.CSV')} is in the input folder ${paths.input}, where the next run would read it as input; name another path`);
    await expect(expectOutputsApart([{ path: join(paths.input, 'quarantine.csv'), by: '--quarantine' }, { path: join(paths.out, 'ai_logs_a.csv'), by: '--out' }], { folder: paths.input })).resolves.toBeUndefined();
    // an output folder may be the input folder itself (the week's folder is a subfolder, never read), not an input file
    await expect(expectOutputsApart([{ path: paths.input, by: '--out', folder: true }], { folder: paths.input })).resolves.toBeUndefined();
    expect((await refusal(expectOutputsApart([{ path: paths.export, by: '--out', folder: true }], { folder: paths.input })))!.exitCode).toBe(2);
  });

  test('single input files (a notebook) are compared too', async () => {
    const paths = folders();
    const notebook = join(paths.dir, 'report.ipynb');
    writeFileSync(notebook, '{}');
    const error = await refusal(expectOutputsApart([{ path: notebook, by: '--out' }], { files: [notebook] }));
    expect(error!.message).toBe(`expected --out to be apart from the input, but ${notebook} is the input file ${notebook}; name another path`);
  });
});
