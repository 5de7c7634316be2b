import { KernelClient } from './kernel-client.js';
export interface StartNotebookKernelOptions {
    /** Overrides the notebook's `metadata.kernelspec.name` (default `tslab`). */
    kernelName?: string;
    /** The kernel's working directory; default the notebook's folder, as in Jupyter and VS Code. */
    cwd?: string;
    /** Environment for the kernelspec search and the kernel process; default `process.env`. */
    env?: NodeJS.ProcessEnv;
    /** Variables never given to the kernel (see KernelStartOptions.withheld). */
    withheld?: string[];
    startupTimeoutSec?: number;
    heartbeatTimeoutSec?: number;
    /** Cancels a start still under way (the kernel is stopped). */
    signal?: AbortSignal;
    onProgress?(message: string): void;
}
/**
 * Starts the kernel a notebook asks for (its `metadata.kernelspec.name`, or `kernelName`), in the
 * notebook's folder, and resolves once it answers. The caller shuts it down.
 * @example
 * const kernel = await startNotebookKernel('notebooks/weekly-report.ipynb');
 * try { await executeNotebook('notebooks/weekly-report.ipynb', { kernel }) } finally { await kernel.shutdown() }
 */
export declare function startNotebookKernel(inputPath: string, options?: StartNotebookKernelOptions): Promise<KernelClient>;
