import { dirname, resolve } from 'node:path';
import { readNotebook } from './nbformat.js';
import { findKernelspec, type Kernelspec } from './kernelspec.js';
import { KernelClient } from './kernel-client.js';

export interface StartNotebookKernelOptions {
  /** Overrides the notebook's `metadata.kernelspec.name` (default `tslab`). */
  kernelName?: string;
  /** The kernelspec already found for `kernelName` (findKernelspec): it is not looked up again. */
  spec?: Kernelspec;
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

// Starting tslab (TypeScript's compiler included) takes seconds: a caller with other work to do
// starts the kernel first and hands it to executeNotebook once the notebook can run.
/**
 * Starts the kernel a notebook asks for (its `metadata.kernelspec.name`, or `kernelName`), in the
 * notebook's folder, and resolves once it answers. The caller shuts it down.
 * @example
 * const kernel = await startNotebookKernel('notebooks/weekly-report.ipynb');
 * try { await executeNotebook('notebooks/weekly-report.ipynb', { kernel }) } finally { await kernel.shutdown() }
 */
export async function startNotebookKernel(inputPath: string, options: StartNotebookKernelOptions = {}): Promise<KernelClient> {
  const kernelName = async () => options.kernelName ?? (await readNotebook(inputPath)).metadata.kernelspec?.name ?? 'tslab';
  const spec = options.spec ?? (await findKernelspec(await kernelName(), options.env));
  options.signal?.throwIfAborted();
  options.onProgress?.(`starting kernel \`${spec.name}\` for ${inputPath}`);
  return KernelClient.start(spec, {
    cwd: options.cwd ?? dirname(resolve(inputPath)),
    env: options.env,
    withheld: options.withheld,
    startupTimeoutSec: options.startupTimeoutSec,
    heartbeatTimeoutSec: options.heartbeatTimeoutSec,
    signal: options.signal,
  });
}
