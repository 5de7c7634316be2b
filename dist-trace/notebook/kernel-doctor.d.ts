export interface KernelCheck {
    /** What was checked: `jupyter`, `kernelspec`, `binary`, `start`. */
    check: string;
    ok: boolean;
    /** What was found, or what is wrong and how to fix it. */
    detail: string;
}
export interface KernelDoctorOptions {
    /** Default `tslab`. */
    name?: string;
    /** The `jupyter` command to check first (default `jupyter`); false: no Jupyter check (`uptake doctor`: a run needs none). */
    jupyter?: string | false;
    env?: NodeJS.ProcessEnv;
    /** Starting the kernel takes seconds; false skips it. */
    start?: boolean;
    /** The started kernel's working folder; default the current one. */
    cwd?: string;
}
/**
 * Says why a notebook kernel does not start, by the very steps `uptake run` takes: the kernelspec
 * as `findKernelspec` finds it (this project's own tslab when none is registered), the programs its
 * argv names, and the kernel started with uptake's own client, running one cell. `jupyter` (the
 * command, or false to skip) first checks that Jupyter itself, for Jupyter, JupyterLab, VS Code and
 * `uptake kernel install`, is on PATH and lists kernelspecs. Stops at the first failure.
 * @example (await kernelDoctor()).every((check) => check.ok)
 */
export declare function kernelDoctor(options?: KernelDoctorOptions): Promise<KernelCheck[]>;
