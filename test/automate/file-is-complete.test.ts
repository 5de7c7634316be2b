import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIsComplete } from '../../src/automate/file-is-complete.js';

const dir = mkdtempSync(join(tmpdir(), 'uptake-complete-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const csv = 'event_id,user_id,task_type\ne1,u1,"Contract, review"\ne2,u2,Summary\n';

describe('fileIsComplete', () => {
  it('accepts whole files: a line end, or a last record with every field', async () => {
    expect(await fileIsComplete(file('a.csv', csv))).toEqual({ complete: true });
    expect(await fileIsComplete(file('b.csv', csv.trimEnd()))).toEqual({ complete: true });
    expect(await fileIsComplete(file('c.csv.gz', gzipSync(csv)))).toEqual({ complete: true });
    expect(await fileIsComplete(file('empty.csv', ''))).toEqual({ complete: true });
  });

  it('refuses a copy cut short: a torn record, an open quote, a gzip stream without its trailer', async () => {
    expect(await fileIsComplete(file('d.csv', csv.slice(0, -9)))).toEqual({ complete: false, why: 'its last record has 2 of 3 fields and no line end' });
    expect(await fileIsComplete(file('e.csv', 'event_id,user_id,task_type\ne1,u1,"Contract, re'))).toEqual({ complete: false, why: 'its last record stops inside a quoted field' });
    const gz = gzipSync(csv);
    const torn = await fileIsComplete(file('f.csv.gz', gz.subarray(0, gz.length - 4)));
    expect(torn).toEqual({ complete: false, why: expect.stringMatching(/^the gzip stream ends before its trailer \(unexpected end of file\)$/) });
  });
});
