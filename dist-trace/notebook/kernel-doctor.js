import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { bundledTslab, findKernelspec } from './kernelspec.js';
const INSTALL_HINT = 'register it with `npx uptake kernel install` (add --sys-prefix inside a virtualenv or conda env)';
function isExecutable(path) {
    try {
        accessSync(path, constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
function onPath(command, env) {
    if (isAbsolute(command))
        return isExecutable(command) ? command : null;
    for (const directory of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
        const candidate = join(directory, command);
        if (isExecutable(candidate))
            return candidate;
    }
    return null;
}
function lastLine(text) {
    return text.trim().split('\n').filter(Boolean).at(-1) ?? '';
}
/**
 * Says why a notebook kernel does not start, by the very steps `uptake run` takes: the kernelspec
 * as `findKernelspec` finds it (this project's own tslab when none is registered), the programs its
 * argv names, and the kernel started with uptake's own client, running one cell. `jupyter` (the
 * command, or false to skip) first checks that Jupyter itself, for Jupyter, JupyterLab, VS Code and
 * `uptake kernel install`, is on PATH and lists kernelspecs. Stops at the first failure.
 * @example (await kernelDoctor()).every((check) => check.ok)
 */
export async function kernelDoctor(options = {}) {
    const name = options.name ?? 'tslab';
    const env = options.env ?? process.env;
    const checks = [];
    // 1. Jupyter (not needed by uptake run itself)
    if (options.jupyter !== false) {
        const jupyterCommand = options.jupyter ?? 'jupyter';
        const jupyter = onPath(jupyterCommand, env);
        if (!jupyter) {
            checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyterCommand}\` is not on PATH: install Jupyter (Debian: apt-get install jupyter-core jupyter-client python3-ipykernel; else pip install jupyter)` });
            return checks;
        }
        const { execa } = await import('execa');
        const listed = await execa(jupyter, ['kernelspec', 'list', '--json'], { env, extendEnv: false, reject: false, timeout: 60_000 });
        if (listed.exitCode !== 0) {
            checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyter} kernelspec list --json\` failed: ${lastLine(listed.stderr) || listed.shortMessage}` });
            return checks;
        }
        checks.push({ check: 'jupyter', ok: true, detail: jupyter });
    }
    // 2. The kernelspec, found as a run finds it
    let spec;
    try {
        spec = await findKernelspec(name, env);
    }
    catch (error) {
        const message = error.message;
        checks.push({ check: 'kernelspec', ok: false, detail: message.includes('uptake kernel install') ? message : `${message}; ${INSTALL_HINT}` });
        return checks;
    }
    const ours = bundledTslab();
    const isBundled = ours !== null && spec.resourceDir === ours.resourceDir && spec.argv[1] === ours.argv[1];
    checks.push({
        check: 'kernelspec',
        ok: true,
        detail: isBundled ? `none registered: this project's tslab (${INSTALL_HINT} for Jupyter and VS Code)` : `${join(spec.resourceDir, 'kernel.json')}: ${JSON.stringify(spec.argv)}`,
    });
    // 3. The binaries its argv names
    const [command, script] = spec.argv;
    const binary = onPath(command, env);
    if (!binary) {
        const why = isAbsolute(command) ? 'does not exist or is not executable' : 'is not on PATH (Jupyter and VS Code do not run npm scripts)';
        checks.push({ check: 'binary', ok: false, detail: `\`${command}\` ${why}: ${INSTALL_HINT} to name node and tslab by absolute path` });
        return checks;
    }
    if (/(^|[\\/])node(\.exe)?$/.test(binary) && script && !script.startsWith('-') && !existsSync(script)) {
        checks.push({ check: 'binary', ok: false, detail: `\`${script}\` does not exist (was the project moved or node_modules removed?): ${INSTALL_HINT}` });
        return checks;
    }
    const elsewhere = ours && script && script !== ours.argv[1] && script.endsWith(join('tslab', 'bin', 'tslab')) ? ` (another project's tslab; this project's is ${ours.argv[1]})` : '';
    checks.push({ check: 'binary', ok: true, detail: `${binary}${script && script !== binary ? ` ${script}` : ''}${elsewhere}` });
    // 4. The kernel starts (uptake's own client, as in a run) and runs a cell
    if (options.start === false)
        return checks;
    checks.push(await startAndRunCell(spec, env, options.cwd ?? process.cwd()));
    return checks;
}
async function startAndRunCell(spec, env, cwd) {
    const { KernelClient } = await import('./kernel-client.js');
    let kernel;
    try {
        kernel = await KernelClient.start(spec, { cwd, env, startupTimeoutSec: 90 });
        const outcome = await kernel.execute('1 + 1', { timeoutSec: 90, onIopub: () => undefined });
        const status = outcome.kind === 'reply' ? outcome.reply.content.status : outcome.kind;
        return status === 'ok'
            ? { check: 'start', ok: true, detail: `\`${spec.name}\` started and ran \`1 + 1\`` }
            : { check: 'start', ok: false, detail: `the kernel started but did not run a cell (${String(status)})` };
    }
    catch (error) {
        return { check: 'start', ok: false, detail: `the kernel did not start: ${error.message}` };
    }
    finally {
        await kernel?.shutdown();
    }
}
//# sourceMappingURL=kernel-doctor.js.map