import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
import { makeOwnedTempDir } from '../util/guard-child.js';
import { bundledTslab } from './kernelspec.js';
// tslab's own `install` writes `tslab` bare into argv, which is not on PATH outside npm scripts:
// name this Node and the project's tslab by absolute path so every Jupyter front end can start it.
/**
 * The kernel.json of the tslab installed with uptake, started by the Node running uptake.
 * @example tslabKernelJson().argv // ['/usr/bin/node', '/app/node_modules/tslab/bin/tslab', 'kernel', '--config-path', '{connection_file}']
 */
export function tslabKernelJson() {
    const bundled = bundledTslab();
    if (!bundled)
        throw new UptakeError('environment', 'expected tslab in node_modules (it is a dependency of uptake): run `npm install`');
    return { argv: bundled.argv, display_name: 'TypeScript', language: 'typescript', interrupt_mode: 'signal', env: {}, metadata: {} };
}
function scopeArguments(scope) {
    if (scope === 'user')
        return ['--user'];
    if (scope === 'sys-prefix')
        return ['--sys-prefix'];
    return [`--prefix=${scope.prefix}`];
}
/**
 * Registers the tslab kernel with Jupyter (`jupyter kernelspec install`), replacing an earlier one of
 * the same name, so Jupyter, JupyterLab, VS Code and nbclient can start it.
 * @example const { resourceDir } = await installKernelspec({ scope: 'user' }) // '~/.local/share/jupyter/kernels/tslab'
 */
export async function installKernelspec(options = {}) {
    const name = options.name ?? 'tslab';
    const jupyter = options.jupyter ?? 'jupyter';
    const kernelJson = tslabKernelJson();
    // Named after this process: should it die here, the next run removes the folder (removeOrphanedTempDirs).
    const staging = await makeOwnedTempDir('kernelspec');
    try {
        await writeFile(join(staging, 'kernel.json'), `${JSON.stringify(kernelJson, null, 1)}\n`);
        const { execa } = await import('execa');
        const args = ['kernelspec', 'install', staging, `--name=${name}`, '--replace', ...scopeArguments(options.scope ?? 'user')];
        const result = await execa(jupyter, args, { env: options.env ?? process.env, extendEnv: false, reject: false, timeout: 60_000 });
        if (result.failed) {
            if (result.code === 'ENOENT') {
                throw new UptakeError('environment', `expected Jupyter's \`${jupyter}\` command on PATH, found none: install Jupyter (Debian: apt-get install jupyter-core jupyter-client; else pip install jupyter)`);
            }
            throw new UptakeError('environment', `\`${jupyter} ${args.join(' ')}\` failed: ${(result.stderr || result.stdout || result.shortMessage || '').trim()}`);
        }
        // Jupyter says where it put it: "[InstallKernelSpec] Installed kernelspec tslab in /path/kernels/tslab"
        const installed = /Installed kernelspec \S+ in (.+)$/m.exec(`${result.stderr}\n${result.stdout}`);
        if (!installed)
            throw new UptakeError('environment', `expected \`${jupyter} kernelspec install\` to say where it installed the kernel, got: ${result.stderr.trim()}`);
        return { name, resourceDir: (installed[1] ?? '').trim(), kernelJson };
    }
    finally {
        await rm(staging, { recursive: true, force: true });
    }
}
//# sourceMappingURL=install-kernelspec.js.map