import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installKernelspec, tslabKernelJson } from '../../src/notebook/install-kernelspec.js';
import { kernelDoctor } from '../../src/notebook/kernel-doctor.js';

// Registrations go into a temporary Jupyter data folder: the machine's own stays untouched.
const dataDir = mkdtempSync(join(tmpdir(), 'uptake-jupyter-'));
const env = { ...process.env, JUPYTER_DATA_DIR: dataDir };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function jupyterKernelspecs(environment: NodeJS.ProcessEnv): Record<string, { resource_dir: string; spec: { argv: string[]; language: string } }> {
  return JSON.parse(execFileSync('jupyter', ['kernelspec', 'list', '--json'], { env: environment, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).kernelspecs;
}

describe('installKernelspec', () => {
  it('registers tslab with this Node and the project tslab by absolute path, as Jupyter lists it', async () => {
    const installed = await installKernelspec({ scope: 'user', env });
    expect(installed.resourceDir).toBe(join(dataDir, 'kernels', 'tslab'));
    const listed = jupyterKernelspecs(env).tslab;
    expect(listed.resource_dir).toBe(join(dataDir, 'kernels', 'tslab'));
    expect(listed.spec.argv).toEqual([process.execPath, join(process.cwd(), 'node_modules', 'tslab', 'bin', 'tslab'), 'kernel', '--config-path', '{connection_file}']);
    expect(listed.spec.language).toBe('typescript');
    expect(listed.spec.argv.slice(0, 2).every(existsSync)).toBe(true);
  }, 60_000);

  it('installs under --prefix in <prefix>/share/jupyter/kernels', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'uptake-prefix-'));
    try {
      const installed = await installKernelspec({ scope: { prefix }, name: 'uptake-test-ts', env });
      expect(installed.resourceDir).toBe(join(prefix, 'share', 'jupyter', 'kernels', 'uptake-test-ts'));
      expect(jupyterKernelspecs({ ...env, JUPYTER_PATH: join(prefix, 'share', 'jupyter') })['uptake-test-ts'].spec.argv).toEqual(tslabKernelJson().argv);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  }, 60_000);

  it('says Jupyter is missing when its command is not found', async () => {
    await expect(installKernelspec({ env, jupyter: 'no-such-jupyter' })).rejects.toMatchObject({ kind: 'environment', message: expect.stringContaining("expected Jupyter's `no-such-jupyter` command on PATH") });
  });
});

describe('kernelDoctor', () => {
  it("passes every check on the registered kernel, starting it with uptake's own client, as a run does", async () => {
    await installKernelspec({ scope: 'user', env });
    const checks = await kernelDoctor({ env });
    expect(checks.map((check) => [check.check, check.ok])).toEqual([['jupyter', true], ['kernelspec', true], ['binary', true], ['start', true]]);
    expect(checks[3].detail).toBe('`tslab` started and ran `1 + 1`');
  }, 180_000);

  it('names a missing kernelspec and the command that registers it', async () => {
    const checks = await kernelDoctor({ env, name: 'no-such-kernel' });
    expect(checks.at(-1)).toMatchObject({ check: 'kernelspec', ok: false, detail: expect.stringContaining('expected a Jupyter kernelspec named `no-such-kernel`, found none in ') });
    expect(checks.at(-1)?.detail).toContain('npx uptake kernel install');
  }, 60_000);

  it('names a bare `tslab` that is not on PATH, as tslab install writes it', async () => {
    const kernels = join(dataDir, 'kernels', 'bare-tslab');
    mkdirSync(kernels, { recursive: true });
    writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({ argv: ['tslab', 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript', language: 'typescript' }));
    const checks = await kernelDoctor({ env: { ...env, PATH: '/usr/bin:/bin' }, name: 'bare-tslab' });
    expect(checks.at(-1)).toMatchObject({ check: 'binary', ok: false, detail: expect.stringContaining('`tslab` is not on PATH') });
  }, 60_000);

  it('names a tslab script that is gone (a moved project, a removed node_modules), as a run would', async () => {
    const kernels = join(dataDir, 'kernels', 'moved-tslab');
    mkdirSync(kernels, { recursive: true });
    writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({ argv: [process.execPath, '/nowhere/node_modules/tslab/bin/tslab', 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript', language: 'typescript' }));
    const checks = await kernelDoctor({ env, name: 'moved-tslab' });
    expect(checks.at(-1)).toEqual({
      check: 'kernelspec',
      ok: false,
      detail: `${join(kernels, 'kernel.json')}: expected the program \`/nowhere/node_modules/tslab/bin/tslab\` that kernel \`moved-tslab\` starts with to exist, but it does not; register the kernel again; register it with \`npx uptake kernel install\` (add --sys-prefix inside a virtualenv or conda env)`,
    });
  }, 60_000);

  it('names a kernel that fails to start', async () => {
    const kernels = join(dataDir, 'kernels', 'broken-start');
    mkdirSync(kernels, { recursive: true });
    writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({ argv: [process.execPath, '-e', 'process.exit(3)', '{connection_file}'], display_name: 'Broken', language: 'typescript' }));
    const checks = await kernelDoctor({ env, name: 'broken-start' });
    expect(checks.map((check) => [check.check, check.ok])).toEqual([['jupyter', true], ['kernelspec', true], ['binary', true], ['start', false]]);
    expect(checks[3].detail).toMatch(/^the kernel did not start: \S/);
  }, 180_000);

  it('says Jupyter is missing', async () => {
    expect(await kernelDoctor({ env, jupyter: 'no-such-jupyter' })).toEqual([
      { check: 'jupyter', ok: false, detail: expect.stringContaining('`no-such-jupyter` is not on PATH: install Jupyter') },
    ]);
  });
});
