import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { UptakeError } from '../errors.js';
/**
 * The folders Jupyter searches for kernelspecs, first match wins:
 * JUPYTER_PATH entries, the user data dir, then the system dirs.
 * @example kernelDirectories({ HOME: '/home/ana' })[0] // '/home/ana/.local/share/jupyter/kernels'
 */
export function kernelDirectories(env = process.env) {
    const dataDirs = [];
    if (env.JUPYTER_PATH)
        dataDirs.push(...env.JUPYTER_PATH.split(delimiter).filter(Boolean));
    const home = env.HOME ?? homedir();
    if (env.JUPYTER_DATA_DIR)
        dataDirs.push(env.JUPYTER_DATA_DIR);
    else if (process.platform === 'darwin')
        dataDirs.push(join(home, 'Library', 'Jupyter'));
    else
        dataDirs.push(join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'jupyter'));
    dataDirs.push('/usr/local/share/jupyter', '/usr/share/jupyter');
    return [...new Set(dataDirs.map((dir) => join(dir, 'kernels')))];
}
// Jupyter lower-cases kernel names when it installs them; match the same way.
/**
 * Finds and reads the kernelspec `name` like `jupyter kernelspec list` would; a `tslab` spec whose
 * programs are gone, or none at all, is the tslab installed with uptake.
 * @example const spec = await findKernelspec('tslab')
 */
export async function findKernelspec(name, env = process.env) {
    const directories = kernelDirectories(env);
    const wanted = name.toLowerCase();
    for (const directory of directories) {
        let entries;
        try {
            entries = await readdir(directory);
        }
        catch {
            continue;
        }
        const entry = entries.find((candidate) => candidate.toLowerCase() === wanted);
        if (!entry)
            continue;
        const resourceDir = join(directory, entry);
        const file = join(resourceDir, 'kernel.json');
        let spec;
        try {
            spec = JSON.parse(await readFile(file, 'utf8'));
        }
        catch (cause) {
            throw new UptakeError('environment', `expected a readable kernel.json for kernel \`${name}\`: ${cause.message}`, { file, cause });
        }
        if (!Array.isArray(spec.argv) || spec.argv.length === 0 || !spec.argv.every((part) => typeof part === 'string')) {
            throw new UptakeError('environment', `expected \`argv\` to be a non-empty list of strings, got ${JSON.stringify(spec.argv)}`, { file });
        }
        // A kernelspec left behind by a moved or deleted checkout names programs that are gone: this
        // project's own tslab still runs the notebook; any other kernel says what to fix.
        const missing = spec.argv.slice(0, 2).find((part) => isAbsolute(part) && !existsSync(part));
        if (missing !== undefined) {
            const bundled = wanted === 'tslab' ? bundledTslab() : null;
            if (bundled)
                return bundled;
            throw new UptakeError('environment', `expected the program \`${missing}\` that kernel \`${name}\` starts with to exist, but it does not; register the kernel again${wanted === 'tslab' ? ' (`npx uptake kernel install`)' : ''}`, { file });
        }
        return {
            name: entry,
            resourceDir,
            argv: spec.argv,
            env: spec.env ?? {},
            displayName: typeof spec.display_name === 'string' ? spec.display_name : entry,
            language: typeof spec.language === 'string' ? spec.language : '',
            interruptMode: spec.interrupt_mode === 'message' ? 'message' : 'signal',
        };
    }
    if (wanted === 'tslab') {
        const bundled = bundledTslab();
        if (bundled)
            return bundled;
    }
    const hint = wanted === 'tslab' ? '; register it once with `npx uptake kernel install` (needs Jupyter)' : '';
    throw new UptakeError('environment', `expected a Jupyter kernelspec named \`${name}\`, found none in ${directories.join(', ')}${hint}`);
}
// uptake ships tslab: a machine without Jupyter (a fresh `npm ci && npm start`) still runs the report notebook.
/**
 * The kernelspec of the tslab installed with uptake, used when no `tslab` kernelspec is registered.
 * @example bundledTslab()?.argv // [process.execPath, '.../node_modules/tslab/bin/tslab', 'kernel', '--config-path', '{connection_file}']
 */
export function bundledTslab() {
    let packageJson;
    try {
        packageJson = createRequire(import.meta.url).resolve('tslab/package.json');
    }
    catch {
        return null;
    }
    const resourceDir = dirname(packageJson);
    return {
        name: 'tslab',
        resourceDir,
        argv: [process.execPath, join(resourceDir, 'bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
        env: {},
        displayName: 'TypeScript',
        language: 'typescript',
        interruptMode: 'signal',
    };
}
//# sourceMappingURL=kernelspec.js.map