import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `uptake kernel` from the built CLI (npm run build first), registering into a temporary Jupyter data folder.
const ROOT = resolve(import.meta.dirname, '..', '..');
const jupyterData = mkdtempSync(join(tmpdir(), 'uptake-jupyter-'));
afterAll(() => rmSync(jupyterData, { recursive: true, force: true }));

function uptake(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JUPYTER_DATA_DIR: jupyterData }, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('uptake kernel', () => {
  it('install prints where it registered tslab, with node and tslab by absolute path', () => {
    const result = uptake('kernel', 'install');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${join(jupyterData, 'kernels', 'tslab')}\n`);
    const argv = (JSON.parse(readFileSync(join(jupyterData, 'kernels', 'tslab', 'kernel.json'), 'utf8')) as { argv: string[] }).argv;
    expect(argv).toEqual([process.execPath, join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab'), 'kernel', '--config-path', '{connection_file}']);
    expect(result.stderr).toBe(`registered kernel \`tslab\`: ${argv.join(' ')}\n`);
  }, 60_000);

  it('install takes one scope only (exit 2)', () => {
    const result = uptake('kernel', 'install', '--user', '--sys-prefix');
    expect([result.code, result.stderr]).toEqual([2, 'uptake: expected at most one of --user, --sys-prefix, --prefix, got --user and --sys-prefix\n']);
  });

  it('doctor prints a line per check and exits 9 on the first failing one', () => {
    const result = uptake('kernel', 'doctor', '--name', 'no-such-kernel', '--no-start');
    expect(result.code).toBe(9);
    expect(result.stdout.split('\n')[0]).toMatch(/^ok {3}jupyter: \//);
    // The lookup `uptake run` makes (findKernelspec), in the folders Jupyter searches.
    const [kernelspecLine] = result.stdout.split('\n').slice(1);
    expect(kernelspecLine.startsWith(`FAIL kernelspec: expected a Jupyter kernelspec named \`no-such-kernel\`, found none in ${join(jupyterData, 'kernels')}, `)).toBe(true);
    expect(kernelspecLine.endsWith(', /usr/local/share/jupyter/kernels, /usr/share/jupyter/kernels; register it with `npx uptake kernel install` (add --sys-prefix inside a virtualenv or conda env)')).toBe(true);
    expect(result.stderr).toBe('uptake: kernel `no-such-kernel`: kernelspec check failed (see above)\n');
  }, 60_000);

  it('doctor --no-start passes on the registered kernel', () => {
    const result = uptake('kernel', 'doctor', '--no-start');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0])).toEqual(['ok   jupyter', 'ok   kernelspec', 'ok   binary']);
    expect(existsSync(join(jupyterData, 'kernels', 'tslab', 'kernel.json'))).toBe(true);
  }, 60_000);

  it('doctor starts the registered kernel with the client a run uses and runs a cell', () => {
    const result = uptake('kernel', 'doctor');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean).at(-1)).toBe('ok   start: `tslab` started and ran `1 + 1`');
  }, 120_000);
});
