import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTLED_MS, hashFile, hashFileStamped, identityOf } from '../../src/util/hash-file.js';

describe('hashFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the SHA-256 of the bytes, and a file changed since (same size, new mtime) is read again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uptake-hash-'));
    dirs.push(dir);
    const path = join(dir, 'ai_logs_a.csv');
    writeFileSync(path, 'abc');
    expect(await hashFile(path)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hashFile(path)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    writeFileSync(path, 'abd');
    utimesSync(path, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(await hashFile(path)).toBe('a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9');
  });

  it('a missing file is an error each time it is asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uptake-hash-'));
    dirs.push(dir);
    await expect(hashFile(join(dir, 'gone.csv'))).rejects.toThrow(/ENOENT/);
    writeFileSync(join(dir, 'gone.csv'), 'abc');
    expect(await hashFile(join(dir, 'gone.csv'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('a file changed just now has no stamp; once settled it has one, and it no longer vouches once the file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uptake-hash-'));
    dirs.push(dir);
    const path = join(dir, 'ai_logs_b.csv');
    writeFileSync(path, 'abc');
    const fresh = await hashFileStamped(path);
    expect(fresh).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', stamp: null, seen: await identityOf(path) });
    await new Promise((resolve) => setTimeout(resolve, SETTLED_MS + 100));
    // the same file, unchanged: hashed again (an unsettled hash is not remembered), now with its stamp
    const kept = await hashFileStamped(path);
    expect(kept).toEqual({ sha256: fresh.sha256, stamp: fresh.seen, seen: fresh.seen });
    expect(kept.stamp).toMatch(/^\d+:\d+:3:\d+:\d+$/);
    // the same size and mtime put back: ctime moved, so the old stamp no longer vouches and the bytes are read
    writeFileSync(path, 'abd');
    utimesSync(path, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(await hashFileStamped(path, { sha256: 'kept', stamp: kept.stamp })).toMatchObject({ sha256: 'a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9', stamp: null });
  });
});
