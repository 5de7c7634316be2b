import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTslab, findKernelspec, kernelDirectories } from '../../src/notebook/kernelspec.js';

function kernelDir(root: string, name: string, spec: Record<string, unknown>): void {
  mkdirSync(join(root, 'kernels', name), { recursive: true });
  writeFileSync(join(root, 'kernels', name, 'kernel.json'), JSON.stringify(spec));
}

describe('kernelDirectories', () => {
  it('searches JUPYTER_PATH, the user data dir, then the system dirs', () => {
    expect(kernelDirectories({ JUPYTER_PATH: '/a:/b', HOME: '/home/ana' })).toEqual([
      '/a/kernels',
      '/b/kernels',
      '/home/ana/.local/share/jupyter/kernels',
      '/usr/local/share/jupyter/kernels',
      '/usr/share/jupyter/kernels',
    ]);
    expect(kernelDirectories({ HOME: '/home/ana', JUPYTER_DATA_DIR: '/data/jupyter' })[0]).toBe('/data/jupyter/kernels');
  });
});

describe('findKernelspec', () => {
  it('takes the first match, matching the name case-insensitively', async () => {
    const first = mkdtempSync(join(tmpdir(), 'uptake-ks-'));
    const second = mkdtempSync(join(tmpdir(), 'uptake-ks-'));
    kernelDir(first, 'mykernel', { argv: [process.execPath, '{connection_file}'], display_name: 'First', language: 'typescript' });
    kernelDir(second, 'mykernel', { argv: ['/bin/sh'], display_name: 'Second', language: 'typescript', interrupt_mode: 'message' });
    const spec = await findKernelspec('MyKernel', { JUPYTER_PATH: `${first}:${second}`, HOME: first });
    expect(spec).toEqual({
      name: 'mykernel',
      resourceDir: join(first, 'kernels', 'mykernel'),
      argv: [process.execPath, '{connection_file}'],
      env: {},
      displayName: 'First',
      language: 'typescript',
      interruptMode: 'signal',
    });
  });

  it('names the kernel and every folder searched when none matches', async () => {
    const home = mkdtempSync(join(tmpdir(), 'uptake-ks-'));
    await expect(findKernelspec('no-such-kernel', { HOME: home })).rejects.toMatchObject({
      kind: 'environment',
      message: `expected a Jupyter kernelspec named \`no-such-kernel\`, found none in ${join(home, '.local/share/jupyter/kernels')}, /usr/local/share/jupyter/kernels, /usr/share/jupyter/kernels`,
    });
  });

  it('falls back to the tslab installed with uptake when the registered one names programs that are gone (a deleted checkout)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'uptake-ks-'));
    const gone = ['/usr/bin/node', join(root, 'deleted-checkout/node_modules/tslab/bin/tslab'), 'kernel', '--config-path', '{connection_file}'];
    kernelDir(root, 'tslab', { argv: gone, display_name: 'TypeScript', language: 'typescript' });
    kernelDir(root, 'other', { argv: [join(root, 'gone/bin/kernel'), '{connection_file}'], display_name: 'Other' });
    expect((await findKernelspec('tslab', { JUPYTER_PATH: root, HOME: root })).argv).toEqual(bundledTslab()!.argv);
    await expect(findKernelspec('other', { JUPYTER_PATH: root, HOME: root })).rejects.toMatchObject({
      kind: 'environment',
      message: `${join(root, 'kernels/other/kernel.json')}: expected the program \`${join(root, 'gone/bin/kernel')}\` that kernel \`other\` starts with to exist, but it does not; register the kernel again`,
    });
  });

  it('refuses a kernel.json without argv', async () => {
    const root = mkdtempSync(join(tmpdir(), 'uptake-ks-'));
    kernelDir(root, 'broken', { display_name: 'Broken' });
    await expect(findKernelspec('broken', { JUPYTER_PATH: root, HOME: root })).rejects.toThrow('expected `argv` to be a non-empty list of strings, got undefined');
  });
});

describe('bundled tslab', () => {
  it('is the tslab installed with uptake, started with this Node, so no Jupyter is needed', () => {
    const spec = bundledTslab()!;
    expect(spec.argv[0]).toBe(process.execPath);
    expect(spec.argv[1]).toMatch(/node_modules\/tslab\/bin\/tslab$/);
    expect(existsSync(spec.argv[1])).toBe(true);
    expect(spec.argv.slice(2)).toEqual(['kernel', '--config-path', '{connection_file}']);
  });
});
