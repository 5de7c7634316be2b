import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { UptakeError } from '../../errors.js';
import { PIPE_WAIT_MS, readRegularFile } from '../../util/read-state-file.js';
import { printable } from '../../util/some-names.js';
import { cellTimeoutOption } from '../number-option.js';

interface ExecuteCommandOptions {
  parameter: string[];
  parameterFile?: string;
  out?: string;
  timeout: string;
  kernel?: string;
  cwd?: string;
}

async function readParameterFile(file: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readRegularFile(file, 'the parameters file', 'usage', { pipeWaitMs: PIPE_WAIT_MS }));
  } catch (cause) {
    if (cause instanceof UptakeError) throw cause;
    throw new UptakeError('usage', `expected a JSON object of parameters: ${(cause as Error).message}`, { file, cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UptakeError('usage', `expected a JSON object of parameters, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`, { file });
  }
  return parsed as Record<string, unknown>;
}

/** `uptake execute NOTEBOOK`: papermill for TypeScript notebooks on the tslab kernel. */
export function registerExecute(program: Command): void {
  program
    .command('execute')
    .description(
      'Run a notebook headlessly: inject parameters after its `parameters` cell, execute every code cell on its Jupyter kernel ' +
        '(tslab by default) and save the executed notebook. On a failing cell the partial notebook is saved and the command exits 5.',
    )
    .argument('<notebook>', 'the .ipynb file to run')
    .option('-p, --parameter <name=value>', 'set a parameter (repeatable); the value is read by the type declared in the parameters cell: text for `string`, JSON for numbers, booleans, arrays and objects', (value: string, previous: string[]) => [...previous, value], [])
    .option('-f, --parameter-file <file>', 'a JSON object of parameters (-p values win)')
    .option('-o, --out <file>', 'where to write the executed notebook (default: output/<notebook file name>)')
    .option('-t, --timeout <seconds>', 'per-cell time limit; a cell running longer is interrupted, then the kernel is killed (0 = no limit)', '600')
    .option('-k, --kernel <name>', "kernelspec to use instead of the notebook's metadata.kernelspec.name")
    .option('--cwd <dir>', "the kernel's working directory (default: the notebook's folder, as in Jupyter and VS Code)")
    .addHelpText(
      'after',
      '\nExamples:\n  uptake execute notebooks/weekly-report.ipynb -p week=2026-W47\n  uptake execute notebooks/team-deep-dive.ipynb -p team="Sales Ops" --out output/sales-ops.ipynb\n  uptake execute my.ipynb -f params.json --timeout 120\n',
    )
    .action(async (notebook: string, options: ExecuteCommandOptions) => {
      const { defaultNotebookOutput, executeNotebook } = await import('../../notebook/execute.js');
      const { parseParameterArguments } = await import('../../notebook/parameterize.js');
      const timeout = cellTimeoutOption(options.timeout);
      // (the default output too: `output/n.ipynb` run from the folder above would be written over itself)
      const out = options.out ?? defaultNotebookOutput(notebook);
      const { expectOutputsApart } = await import('../../ingest/outputs-apart.js');
      await expectOutputsApart([{ path: out, by: options.out === undefined ? 'the default --out (output/<notebook name>)' : '--out' }], { files: [notebook, ...(options.parameterFile ? [options.parameterFile] : [])] });
      if (options.cwd !== undefined) {
        const found = await stat(options.cwd).then((info) => (info.isDirectory() ? null : 'which is not a folder'), (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'which does not exist' : `which cannot be reached (${error.code ?? error.message})`));
        if (found !== null) throw new UptakeError('usage', `expected --cwd to name a folder, got ${printable(options.cwd)}, ${found}`);
      }
      const parameters = options.parameterFile ? await readParameterFile(options.parameterFile) : {};
      const result = await executeNotebook(notebook, {
        parameters,
        textParameters: parseParameterArguments(options.parameter),
        outputPath: out,
        cellTimeoutSec: timeout,
        kernelName: options.kernel,
        cwd: options.cwd,
        onProgress: (message) => process.stderr.write(`${message}\n`),
      });
      process.stderr.write(`executed ${notebook} in ${result.durationSec.toFixed(1)} s\n`);
    });
}
