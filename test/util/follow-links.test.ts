import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followLinks } from '../../src/util/follow-links.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'uptake-links-')));
  dirs.push(dir);
  return dir;
}

describe('followLinks: where a chain of symbolic links ends, as the system resolves it', () => {
  test('a path that is no link is itself; a link and a chain of links end at the file; a dangling link at the file it names', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'store.duckdb'), 'x');
    symlinkSync('store.duckdb', join(dir, 'one'));
    symlinkSync(join(dir, 'one'), join(dir, 'two'));
    symlinkSync('later/new.duckdb', join(dir, 'dangling'));
    expect(await followLinks(join(dir, 'store.duckdb'))).toBe(join(dir, 'store.duckdb'));
    expect(await followLinks(join(dir, 'absent.duckdb'))).toBe(join(dir, 'absent.duckdb'));
    expect(await followLinks(join(dir, 'two'))).toBe(join(dir, 'store.duckdb'));
    expect(await followLinks(join(dir, 'dangling'))).toBe(join(dir, 'later', 'new.duckdb'));
  });

  test('a relative target is read from the folder the link really is in, not along the path as written (a folder that is itself a link, then `..`)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'deep', 'a', 'uptake'), { recursive: true });
    mkdirSync(join(dir, 'deep', 'a', 'stores'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'deep', 'a', 'stores', 's.duckdb'), 'x');
    symlinkSync('../stores/s.duckdb', join(dir, 'deep', 'a', 'uptake', 'store.duckdb'));
    symlinkSync('../deep/a/uptake', join(dir, 'out', 'dot-uptake'));
    // (read along the path as written, `..` would lead to out/stores/s.duckdb, which is not there)
    expect(await followLinks(join(dir, 'out', 'dot-uptake', 'store.duckdb'))).toBe(join(dir, 'deep', 'a', 'stores', 's.duckdb'));
  });

  test('a loop of links gives the path back as it was given (opening it then fails in the system\'s own words)', async () => {
    const dir = folder();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    expect(await followLinks(join(dir, 'a'))).toBe(join(dir, 'a'));
  });
});
