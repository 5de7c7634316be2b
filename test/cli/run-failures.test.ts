import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

describe('uptake run with a failing notebook cell', () => {
  it('exits 5, keeps the partial notebook under <out>/.uptake/failed/<week>/ and names it', async () => {
    const uptake = startUptake(['run', '--input', 'data/sample', '--out', box.out, '--notebook', box.notebook('fail'), '--no-deliver', '--no-warehouse'], box.env);
    const result = await uptake.child;
    expect(result.exitCode).toBe(5);
    const kept = join(box.out, '.uptake', 'failed', '2026-W47', 'report.ipynb');
    expect(result.stderr).toContain(`FakeError: the cell failed; the partial notebook is in ${kept}`);
    const partial = JSON.parse(readFileSync(kept, 'utf8'));
    expect(partial.cells.at(-1).outputs).toEqual([expect.objectContaining({ output_type: 'error', ename: 'FakeError', evalue: 'the cell failed' })]);
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(readdirSync(box.out).filter((name) => name.startsWith('.2026'))).toEqual([]);
  }, 60_000);
});
