import { basename, join } from 'node:path';
import { UptakeError } from '../errors.js';
import { describeCell, readNotebook, writeNotebook, type Notebook, type NotebookCell, type NotebookOutput } from './nbformat.js';
import { parameterizeNotebook } from './parameterize.js';
import type { KernelClient, KernelMessage } from './kernel-client.js';
import { startNotebookKernel } from './start-notebook-kernel.js';
import { findKernelspec } from './kernelspec.js';

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

interface CellRun {
  cell: NotebookCell;
  outputs: NotebookOutput[];
  timing: Record<string, string>;
  displayIds: Map<string, NotebookOutput[]>;
  clearOnNext: boolean;
}

/**
 * Where an executed notebook goes without an output path: `output/<its name>`.
 * @example defaultNotebookOutput('notebooks/weekly-report.ipynb') // 'output/weekly-report.ipynb'
 */
export const defaultNotebookOutput = (inputPath: string): string => join('output', basename(inputPath));

/**
 * Runs a notebook headlessly, papermill-style: injects parameters, executes every code cell on
 * the notebook's kernel and writes the executed notebook (also the partial one on failure).
 * @example
 * await executeNotebook('notebooks/weekly-report.ipynb', { parameters: { week: '2026-W47' }, outputPath: 'output/weekly-report.ipynb' })
 */
export async function executeNotebook(inputPath: string, options: ExecuteNotebookOptions = {}): Promise<ExecuteNotebookResult> {
  const progress = options.onProgress ?? (() => undefined);
  const outputPath = options.outputPath ?? defaultNotebookOutput(inputPath);
  const started = new Date();
  const source = await readNotebook(inputPath);
  // The injected cell is written in the kernel's language: `--kernel` may name another one than the notebook's
  // (its spec, found once, starts the kernel too)
  const spec = options.kernelName ? await findKernelspec(options.kernelName, options.env) : undefined;
  const { notebook, parameters } = await parameterizeNotebook(source, options.parameters ?? {}, {
    textParameters: options.textParameters,
    language: spec?.language,
    warn: (message) => progress(`warning: ${message}`),
  });
  resetOutputs(notebook);
  const runMetadata: Record<string, unknown> = {
    input_path: inputPath,
    output_path: outputPath,
    parameters,
    start_time: started.toISOString(),
    end_time: null,
    duration: null,
    exception: null,
  };
  notebook.metadata.papermill = runMetadata;
  const finishRun = (exception: boolean) => {
    const ended = new Date();
    runMetadata.end_time = ended.toISOString();
    runMetadata.duration = (ended.getTime() - started.getTime()) / 1000;
    runMetadata.exception = exception;
  };

  const ownKernel = options.kernel === undefined;
  const kernel = await (options.kernel ??
    startNotebookKernel(inputPath, {
      kernelName: options.kernelName ?? notebook.metadata.kernelspec?.name ?? 'tslab',
      spec,
      cwd: options.cwd,
      env: options.env,
      withheld: options.withheld,
      startupTimeoutSec: options.startupTimeoutSec,
      heartbeatTimeoutSec: options.heartbeatTimeoutSec,
      onProgress: progress,
    }));
  try {
    const { spec } = kernel;
    if (options.kernelName) notebook.metadata.kernelspec = { name: spec.name, display_name: spec.displayName, language: spec.language };
    const languageInfo = kernel.kernelInfo.language_info;
    if (languageInfo && typeof languageInfo === 'object') notebook.metadata.language_info = languageInfo as Record<string, unknown>;
    const total = notebook.cells.length;
    const displayIds = new Map<string, NotebookOutput[]>();
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== 'code' || cell.source.trim() === '') continue;
      const label = describeCell(cell, index);
      progress(`cell ${index + 1}/${total} ${label.slice(label.indexOf(' (') + 1)}`);
      const failure = await runCell(kernel, cell, { timeoutSec: options.cellTimeoutSec ?? 600, displayIds });
      if (failure) {
        finishRun(true);
        await writeNotebook(outputPath, notebook);
        throw new UptakeError('notebook', `${label} ${failure}; the partial notebook is in ${outputPath}`, { file: inputPath });
      }
    }
    finishRun(false);
    await writeNotebook(outputPath, notebook);
    progress(`wrote ${outputPath}`);
    return { outputPath, notebook, parameters, durationSec: runMetadata.duration as number };
  } finally {
    if (ownKernel) await kernel.shutdown();
  }
}

// Like nbclient: a run starts from a clean slate, every code cell pending.
function resetOutputs(notebook: Notebook): void {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.outputs = [];
    cell.execution_count = null;
    const { execution: _execution, papermill: _papermill, ...rest } = cell.metadata;
    cell.metadata = { ...rest, papermill: { start_time: null, end_time: null, duration: null, status: 'pending', exception: null } };
  }
}

/** Runs one cell and records its outputs; returns why it failed, or null. */
async function runCell(
  kernel: KernelClient,
  cell: NotebookCell,
  options: { timeoutSec: number; displayIds: Map<string, NotebookOutput[]> },
): Promise<string | null> {
  const run: CellRun = { cell, outputs: [], timing: {}, displayIds: options.displayIds, clearOnNext: false };
  cell.outputs = run.outputs;
  const started = new Date();
  const papermill: Record<string, unknown> = { start_time: started.toISOString(), end_time: null, duration: null, status: 'running', exception: null };
  cell.metadata = { ...cell.metadata, execution: run.timing, papermill };
  const end = (failed: boolean) => {
    const ended = new Date();
    papermill.end_time = ended.toISOString();
    papermill.duration = (ended.getTime() - started.getTime()) / 1000;
    papermill.status = failed ? 'failed' : 'completed';
    papermill.exception = failed;
  };
  try {
    await kernel.ensureAlive();
  } catch (error) {
    end(true);
    run.outputs.push(errorOutput('DeadKernelError', (error as Error).message));
    return `could not run: ${(error as Error).message}`;
  }
  const outcome = await kernel.execute(cell.source, { timeoutSec: options.timeoutSec, onIopub: (message) => record(run, message) });
  if (outcome.kind === 'dead') {
    end(true);
    run.outputs.push(errorOutput('DeadKernelError', `Kernel died: ${outcome.reason}`));
    return `killed the kernel: ${outcome.reason}`;
  }
  if (outcome.kind === 'timeout') {
    end(true);
    if (outcome.reply) finishReply(run, outcome.reply);
    const how = outcome.interrupted ? 'interrupted it' : 'the interrupt did not stop it, so the kernel was killed';
    const message = `did not finish within ${options.timeoutSec} s (--timeout); ${how}`;
    run.outputs.push(errorOutput('CellTimeoutError', `Cell ${message}`));
    return message;
  }
  finishReply(run, outcome.reply);
  const content = outcome.reply.content;
  if (content.status === 'ok') {
    end(false);
    return null;
  }
  end(true);
  let error = run.outputs.find((output) => output.output_type === 'error');
  // tslab reports errors on stderr only; give the notebook a proper error output too.
  if (!error) {
    error = errorFromReply(content, run.outputs);
    run.outputs.push(error);
  }
  return `failed: ${error.ename}: ${error.evalue}`;
}

function errorOutput(ename: string, evalue: string): Extract<NotebookOutput, { output_type: 'error' }> {
  return { output_type: 'error', ename, evalue, traceback: [`${ename}: ${evalue}`] };
}

function finishReply(run: CellRun, reply: KernelMessage): void {
  run.timing['shell.execute_reply'] = reply.header.date;
  const count = reply.content.execution_count;
  if (typeof count === 'number') run.cell.execution_count = count;
}

// The kernel's error text: `Name: message` when it looks like a thrown Error, else its first line. tslab writes
// a failed cell's error to stderr only, last: those lines leave the stream for the error output (the notebook shows
// the message once, as Jupyter shows a Python error); what the cell wrote to stderr before them stays.
function errorFromReply(content: Record<string, unknown>, outputs: NotebookOutput[]): Extract<NotebookOutput, { output_type: 'error' }> {
  if (typeof content.ename === 'string') {
    return {
      output_type: 'error',
      ename: content.ename,
      evalue: typeof content.evalue === 'string' ? content.evalue : '',
      traceback: Array.isArray(content.traceback) ? (content.traceback as string[]) : [],
    };
  }
  const at = outputs.findLastIndex((output) => output.output_type === 'stream' && output.name === 'stderr');
  const stream = at < 0 ? null : (outputs[at] as Extract<NotebookOutput, { output_type: 'stream' }>);
  const written = stream === null ? [] : stream.text.split('\n');
  const isDiagnostic = (line: string) => /^(\S+ )?\d+:\d+ - /.test(line);
  const thrown = (line: string) => /^(?:Uncaught )?([A-Za-z_$][\w$]*(?:Error|Exception)|Error)(?: \[[^\]]+\])?: (.*)$/.exec(line.trim());
  const first = written.findIndex((line) => isDiagnostic(line) || thrown(line) !== null);
  // (Node prints the throwing line above an error it was handed: `file:5`, the line, a caret, a blank line)
  const decorated = first >= 4 && /:\d+$/.test(written[first - 4]) && /^\s*\^+\s*$/.test(written[first - 2]) && written[first - 1].trim() === '';
  const from = first < 0 ? 0 : decorated ? first - 4 : first;
  const lines = written.slice(from).filter((line) => line.trim() !== '');
  if (lines.length === 0) return errorOutput('Error', 'the kernel reported an error without details');
  const before = written.slice(0, from).join('\n');
  if (before.trim() === '') outputs.splice(at, 1);
  else stream!.text = `${before}\n`;
  const diagnostics = lines.filter(isDiagnostic);
  if (diagnostics.length > 0) return { output_type: 'error', ename: 'CompileError', evalue: diagnostics.join('; '), traceback: lines };
  for (const line of lines) {
    const match = thrown(line);
    if (match) return { output_type: 'error', ename: match[1], evalue: match[2], traceback: lines };
  }
  return { output_type: 'error', ename: 'Error', evalue: lines[0].trim(), traceback: lines };
}

// nbclient's output_from_msg, with consecutive stream outputs of one name merged.
function record(run: CellRun, message: KernelMessage): void {
  const content = message.content;
  const type = message.header.msg_type;
  if (type === 'status') {
    run.timing[`iopub.status.${String(content.execution_state)}`] = message.header.date;
    return;
  }
  if (type === 'execute_input') {
    run.timing['iopub.execute_input'] = message.header.date;
    if (typeof content.execution_count === 'number') run.cell.execution_count = content.execution_count;
    return;
  }
  if (type === 'clear_output') {
    if (content.wait) run.clearOnNext = true;
    else run.outputs.length = 0;
    return;
  }
  if (type === 'update_display_data') {
    const displayId = (content.transient as { display_id?: string } | undefined)?.display_id;
    for (const output of (displayId && run.displayIds.get(displayId)) || []) {
      if (output.output_type === 'display_data' || output.output_type === 'execute_result') {
        output.data = (content.data as Record<string, unknown>) ?? {};
        output.metadata = (content.metadata as Record<string, unknown>) ?? {};
      }
    }
    return;
  }
  let output: NotebookOutput;
  if (type === 'stream') {
    const name = content.name === 'stderr' ? 'stderr' : 'stdout';
    const text = String(content.text ?? '');
    if (run.clearOnNext) clear(run);
    const last = run.outputs.at(-1);
    if (last?.output_type === 'stream' && last.name === name) {
      last.text += text;
      return;
    }
    output = { output_type: 'stream', name, text };
  } else if (type === 'display_data') {
    output = { output_type: 'display_data', data: (content.data as Record<string, unknown>) ?? {}, metadata: (content.metadata as Record<string, unknown>) ?? {} };
  } else if (type === 'execute_result') {
    output = {
      output_type: 'execute_result',
      data: (content.data as Record<string, unknown>) ?? {},
      metadata: (content.metadata as Record<string, unknown>) ?? {},
      execution_count: typeof content.execution_count === 'number' ? content.execution_count : null,
    };
  } else if (type === 'error') {
    output = {
      output_type: 'error',
      ename: String(content.ename ?? 'Error'),
      evalue: String(content.evalue ?? ''),
      traceback: Array.isArray(content.traceback) ? (content.traceback as string[]) : [],
    };
  } else {
    return;
  }
  if (run.clearOnNext) clear(run);
  run.outputs.push(output);
  const displayId = (content.transient as { display_id?: string } | undefined)?.display_id;
  if (displayId && output.output_type !== 'stream' && output.output_type !== 'error') {
    run.displayIds.set(displayId, [...(run.displayIds.get(displayId) ?? []), output]);
  }
}

function clear(run: CellRun): void {
  run.outputs.length = 0;
  run.clearOnNext = false;
}
