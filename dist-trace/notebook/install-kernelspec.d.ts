/** Where Jupyter puts the kernelspec: the user's data folder, the Python environment's, or `<prefix>/share/jupyter`. */
export type KernelspecScope = 'user' | 'sys-prefix' | {
    prefix: string;
};
export interface InstallKernelspecOptions {
    /** Default `user`, which needs no root (Jupyter's own default is the system folder). */
    scope?: KernelspecScope;
    /** Default `tslab`: the name the notebooks' metadata asks for. */
    name?: string;
    /** The `jupyter` command; default `jupyter` on PATH. */
    jupyter?: string;
    env?: NodeJS.ProcessEnv;
}
export interface InstalledKernelspec {
    name: string;
    /** The folder holding the installed kernel.json. */
    resourceDir: string;
    kernelJson: TslabKernelJson;
}
export interface TslabKernelJson {
    argv: string[];
    display_name: string;
    language: string;
    interrupt_mode: 'signal';
    env: Record<string, string>;
    metadata: Record<string, unknown>;
}
/**
 * The kernel.json of the tslab installed with uptake, started by the Node running uptake.
 * @example tslabKernelJson().argv // ['/usr/bin/node', '/app/node_modules/tslab/bin/tslab', 'kernel', '--config-path', '{connection_file}']
 */
export declare function tslabKernelJson(): TslabKernelJson;
/**
 * Registers the tslab kernel with Jupyter (`jupyter kernelspec install`), replacing an earlier one of
 * the same name, so Jupyter, JupyterLab, VS Code and nbclient can start it.
 * @example const { resourceDir } = await installKernelspec({ scope: 'user' }) // '~/.local/share/jupyter/kernels/tslab'
 */
export declare function installKernelspec(options?: InstallKernelspecOptions): Promise<InstalledKernelspec>;
