import { type Notebook } from './nbformat.js';
import type { KernelClient } from './kernel-client.js';
export interface ExecuteNotebookOptions {
    /** Parameter values (JSON values), checked against the `parameters` cell's declarations. */
    parameters?: Record<string, unknown>;
    /** Parameter values as command-line text (`-p name=value`), read by the declared type; they win over `parameters`. */
    textParameters?: Record<string, string>;
    /** Where the executed notebook goes; default `output/<notebook file name>`. */
    outputPath?: string;
    /** Per-cell limit in seconds (interrupt, then kill); 0 means none. Default 600. */
    cellTimeoutSec?: number;
    /** Overrides the notebook's `metadata.kernelspec.name` (default `tslab`). */
    kernelName?: string;
    /** The kernel's working directory; default the notebook's folder, as in Jupyter and VS Code. */
    cwd?: string;
    /** Progress lines ("cell 3/12 ..."), warnings included. */
    onProgress?(message: string): void;
    /** Environment for the kernelspec search and the kernel process; default `process.env`. */
    env?: NodeJS.ProcessEnv;
    /** Variables never given to a kernel started here (see KernelStartOptions.withheld). */
    withheld?: string[];
    startupTimeoutSec?: number;
    /** Between cells, a kernel silent on the heartbeat channel this long counts as dead (default 30). */
    heartbeatTimeoutSec?: number;
    /**
     * A kernel started ahead for this notebook (startNotebookKernel), or its start still under way; its
     * start error, if any, is this call's error. The caller shuts it down. Without it, the kernel is
     * started here (`kernelName`, `cwd`, `env` and the timeouts apply) and shut down at the end.
     */
    kernel?: KernelClient | Promise<KernelClient>;
}
export interface ExecuteNotebookResult {
    outputPath: string;
    notebook: Notebook;
    /** The injected values after coercion. */
    parameters: Record<string, unknown>;
    durationSec: number;
}
/**
 * Runs a notebook headlessly, papermill-style: injects parameters, executes every code cell on
 * the notebook's kernel and writes the executed notebook (also the partial one on failure).
 * @example
 * await executeNotebook('notebooks/weekly-report.ipynb', { parameters: { week: '2026-W47' }, outputPath: 'output/weekly-report.ipynb' })
 */
export declare function executeNotebook(inputPath: string, options?: ExecuteNotebookOptions): Promise<ExecuteNotebookResult>;
