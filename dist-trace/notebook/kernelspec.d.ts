export interface Kernelspec {
    name: string;
    /** The folder holding kernel.json. */
    resourceDir: string;
    /** Command line; `{connection_file}` and `{resource_dir}` are placeholders. */
    argv: string[];
    env: Record<string, string>;
    displayName: string;
    language: string;
    interruptMode: 'signal' | 'message';
}
/**
 * The folders Jupyter searches for kernelspecs, first match wins:
 * JUPYTER_PATH entries, the user data dir, then the system dirs.
 * @example kernelDirectories({ HOME: '/home/ana' })[0] // '/home/ana/.local/share/jupyter/kernels'
 */
export declare function kernelDirectories(env?: NodeJS.ProcessEnv): string[];
/**
 * Finds and reads the kernelspec `name` like `jupyter kernelspec list` would; a `tslab` spec whose
 * programs are gone, or none at all, is the tslab installed with uptake.
 * @example const spec = await findKernelspec('tslab')
 */
export declare function findKernelspec(name: string, env?: NodeJS.ProcessEnv): Promise<Kernelspec>;
/**
 * The kernelspec of the tslab installed with uptake, used when no `tslab` kernelspec is registered.
 * @example bundledTslab()?.argv // [process.execPath, '.../node_modules/tslab/bin/tslab', 'kernel', '--config-path', '{connection_file}']
 */
export declare function bundledTslab(): Kernelspec | null;
