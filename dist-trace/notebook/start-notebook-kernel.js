import { dirname, resolve } from 'node:path';
import { readNotebook } from './nbformat.js';
import { findKernelspec } from './kernelspec.js';
import { KernelClient } from './kernel-client.js';
// Starting tslab (TypeScript's compiler included) takes seconds: a caller with other work to do
// starts the kernel first and hands it to executeNotebook once the notebook can run.
/**
 * Starts the kernel a notebook asks for (its `metadata.kernelspec.name`, or `kernelName`), in the
 * notebook's folder, and resolves once it answers. The caller shuts it down.
 * @example
 * const kernel = await startNotebookKernel('notebooks/weekly-report.ipynb');
 * try { await executeNotebook('notebooks/weekly-report.ipynb', { kernel }) } finally { await kernel.shutdown() }
 */
export async function startNotebookKernel(inputPath, options = {}) {
    const kernelName = options.kernelName ?? (await readNotebook(inputPath)).metadata.kernelspec?.name ?? 'tslab';
    const spec = await findKernelspec(kernelName, options.env);
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
//# sourceMappingURL=start-notebook-kernel.js.map