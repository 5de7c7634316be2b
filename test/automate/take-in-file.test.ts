import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { takeInFile } from '../../src/automate/take-in-file.js';
import { UptakeError } from '../../src/errors.js';
import { IS_ROOT, NOT_ROOT_REASON, mountSmallDisk } from '../helpers/special-files.js';

const dir = mkdtempSync(join(tmpdir(), 'uptake-take-in-'));
const store = join(dir, 'store');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const csv = 'event_id,user_id,task_type\ne1,u1,"Contract, review"\ne2,u2,Summary\n';
const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

describe('takeInFile', () => {
  it('copies a whole file into the store under its content hash and name, hashing and checking it in the same read', async () => {
    const gz = gzipSync(csv);
    const taken = await takeInFile(file('ai_logs_a.csv.gz', gz), store);
    expect(taken).toMatchObject({ complete: true, sha256: sha256(gz), bytes: gz.length, size: gz.length, copy: join(store, sha256(gz), 'ai_logs_a.csv.gz') });
    expect(readFileSync(join(store, sha256(gz), 'ai_logs_a.csv.gz')).equals(gz)).toBe(true);
    const plain = await takeInFile(file('ai_logs_b.csv', csv.trimEnd()), store);
    expect(plain).toMatchObject({ complete: true, sha256: sha256(csv.trimEnd()) });
  });

  it('keeps nothing of a file cut short: a torn record, a gzip stream without its trailer', async () => {
    const before = readdirSync(store).sort();
    expect(await takeInFile(file('ai_logs_c.csv', csv.slice(0, -9)), store)).toEqual({ complete: false, why: 'its last record has 2 of 3 fields and no line end' });
    const gz = gzipSync(csv);
    expect(await takeInFile(file('ai_logs_d.csv.gz', gz.subarray(0, gz.length - 4)), store)).toEqual({
      complete: false,
      why: 'the gzip stream ends before its trailer (unexpected end of file)',
    });
    expect(readdirSync(store).sort()).toEqual(before);
  });
});

describe('takeInFile asIs', () => {
  it('copies a file cut short as it is, under the hash of its bytes: the run judges its end', async () => {
    const cut = csv.slice(0, -9);
    expect(await takeInFile(file('ai_logs_e.csv', cut), store, { asIs: true })).toMatchObject({ complete: true, sha256: sha256(cut), bytes: cut.length });
    expect(readFileSync(join(store, sha256(cut), 'ai_logs_e.csv'), 'utf8')).toBe(cut);
    const gz = gzipSync(csv).subarray(0, -4);
    expect(await takeInFile(file('ai_logs_f.csv.gz', gz), store, { asIs: true })).toMatchObject({ complete: true, sha256: sha256(gz), bytes: gz.length });
    expect(readFileSync(join(store, sha256(gz), 'ai_logs_f.csv.gz')).equals(gz)).toBe(true);
  });

  it.skipIf(!IS_ROOT)(`says a full disk under the store is the store's (exit 12), not a file cut short that is waited for (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(dir, 'small-disk', { sizeKb: 64 });
    try {
      const big = `${csv}${'e3,u3,Summary\n'.repeat(20_000)}`; // about 280 KB: more than the disk holds
      const taking = takeInFile(file('ai_logs_big.csv', big), join(disk.path, 'store'));
      await expect(taking).rejects.toBeInstanceOf(UptakeError);
      await expect(taking).rejects.toMatchObject({ kind: 'output', exitCode: 12, message: expect.stringContaining('no space left on device (ENOSPC)') });
      expect(readdirSync(join(disk.path, 'store'))).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});
