import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeNotebook } from '../../src/notebook/execute.js';
import { startNotebookKernel } from '../../src/notebook/start-notebook-kernel.js';
import { UptakeError } from '../../src/errors.js';

// Real kernels: tslab (registered by scripts/ensure-system.mjs) and, for execute_result and
// native error messages (tslab sends neither), Jupyter's python3 kernel.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'notebooks');
const KERNEL_TEST = 90_000;
let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'uptake-execute-'));
});

interface SavedCell {
  cell_type: string;
  source: string[];
  metadata: { tags?: string[]; execution?: Record<string, string>; papermill?: Record<string, unknown> };
  outputs?: Array<Record<string, unknown>>;
  execution_count?: number | null;
}

function saved(path: string): { cells: SavedCell[]; metadata: Record<string, unknown> } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const text = (value: unknown) => (Array.isArray(value) ? value.join('') : value);
const outputsOf = (cell: SavedCell) =>
  (cell.outputs ?? []).map((output) => {
    if (output.output_type === 'stream') return { stream: output.name, text: text(output.text) };
    if (output.output_type === 'error') return { error: output.ename, evalue: output.evalue };
    return { [String(output.output_type)]: Object.keys(output.data as object).sort() };
  });

async function failure(run: Promise<unknown>): Promise<UptakeError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof UptakeError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

describe('executeNotebook on the tslab kernel', () => {
  it('injects typed parameters as literals: a hostile string stays a string', async () => {
    const out = join(workDir, 'parameters.ipynb');
    const progress: string[] = [];
    const result = await executeNotebook(join(FIXTURES, 'parameters.ipynb'), {
      textParameters: { week: '"; process.exit(1); "', n: '5', flag: 'true', teams: '["Legal","HR"]' },
      parameters: { options: { depth: 2 } },
      outputPath: out,
      onProgress: (message) => progress.push(message),
    });
    expect(result.parameters).toEqual({ week: '"; process.exit(1); "', n: 5, flag: true, teams: ['Legal', 'HR'], options: { depth: 2 } });
    const notebook = saved(out);
    expect(notebook.cells.map((cell) => cell.metadata.tags ?? [])).toEqual([[], ['parameters'], ['injected-parameters'], []]);
    expect(text(notebook.cells[2].source)).toBe(
      '// Parameters\nlet week: string = "\\"; process.exit(1); \\"";\nlet n: number = 5;\nlet flag: boolean = true;\n' +
        'let teams: string[] = ["Legal", "HR"];\nconst options: { depth: number; label?: string } = { depth: 2 };\n',
    );
    expect(outputsOf(notebook.cells[3])).toEqual([
      {
        stream: 'stdout',
        text:
          '{"week":"\\"; process.exit(1); \\"","n":5,"flag":true,"teams":["Legal","HR"],"options":{"depth":2},' +
          '"note":"default note","types":["string","number","boolean"]}\n',
      },
    ]);
    expect(notebook.cells.map((cell) => cell.execution_count ?? null)).toEqual([null, 1, 2, 3]);
    expect((notebook.metadata.papermill as Record<string, unknown>).parameters).toEqual(result.parameters);
    expect(progress.filter((line) => line.startsWith('cell '))).toEqual([
      'cell 2/4 (id c2, "let week: string = \\"latest\\";")',
      expect.stringMatching(/^cell 3\/4 \(id [0-9a-f]{8}, "\/\/ Parameters"\)$/),
      'cell 4/4 (id c3, "console.log(JSON.stringify({ week: week, n: n, flag: flag...")',
    ]);
  }, KERNEL_TEST);

  it('replaces an earlier injected cell', async () => {
    const out = join(workDir, 'stale.ipynb');
    await executeNotebook(join(FIXTURES, 'stale-injected.ipynb'), { textParameters: { week: '2026-W47' }, outputPath: out });
    const notebook = saved(out);
    expect(notebook.cells.filter((cell) => cell.metadata.tags?.includes('injected-parameters'))).toHaveLength(1);
    expect(text(notebook.cells[1].source)).toBe('// Parameters\nlet week: string = "2026-W47";\n');
    expect(JSON.parse(String(outputsOf(notebook.cells[2])[0].text)).week).toBe('2026-W47');
    expect(JSON.stringify(notebook)).not.toContain('stale injected cell ran');
  }, KERNEL_TEST);

  it('injects at the top of a notebook without a parameters cell, with a warning', async () => {
    const out = join(workDir, 'no-parameters.ipynb');
    const progress: string[] = [];
    await executeNotebook(join(FIXTURES, 'no-parameters.ipynb'), { parameters: { week: '2026-W01' }, outputPath: out, onProgress: (message) => progress.push(message) });
    const notebook = saved(out);
    expect(notebook.cells[0].metadata.tags).toEqual(['injected-parameters']);
    expect(outputsOf(notebook.cells[2])).toEqual([{ stream: 'stdout', text: '{"week":"2026-W01"}\n' }]);
    expect(progress).toContain("warning: the notebook has no cell tagged `parameters`; injecting `week` at the top");
  }, KERNEL_TEST);

  it('records streams (merged per name), display data, counts and timings', async () => {
    const out = join(workDir, 'outputs.ipynb');
    await executeNotebook(join(FIXTURES, 'outputs.ipynb'), { outputPath: out });
    const notebook = saved(out);
    const [, streams, displays, lastExpression, empty] = notebook.cells;
    expect(outputsOf(streams)).toEqual([
      { stream: 'stdout', text: 'one\ntwo\n' },
      { stream: 'stderr', text: 'warned\n' },
      { stream: 'stdout', text: 'three\n' },
    ]);
    expect(displays.outputs).toEqual([
      { output_type: 'display_data', data: { 'text/html': ['<b>bold</b>'] }, metadata: {} },
      { output_type: 'display_data', data: { 'text/markdown': ['**strong**'] }, metadata: {} },
    ]);
    // tslab prints a cell's last expression on stdout rather than sending execute_result.
    expect(outputsOf(lastExpression)).toEqual([{ stream: 'stdout', text: '42\n' }]);
    expect([streams, displays, lastExpression, empty].map((cell) => cell.execution_count)).toEqual([1, 2, 3, null]);
    expect(Object.keys(streams.metadata.execution ?? {}).sort()).toEqual(['iopub.status.busy', 'iopub.status.idle', 'shell.execute_reply']);
    expect(streams.metadata.papermill).toMatchObject({ status: 'completed', exception: false });
    expect(typeof streams.metadata.papermill?.duration).toBe('number');
    expect(empty.metadata.papermill).toMatchObject({ status: 'pending' });
    expect((notebook.metadata.language_info as Record<string, unknown>).name).toBe('typescript');
  }, KERNEL_TEST);

  it('shows one output with several mime types through displayBundle', async () => {
    const compiled = ts.transpileModule(readFileSync(join(import.meta.dirname, '..', '..', 'src', 'notebook', 'display-bundle.ts'), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const modulePath = join(workDir, 'display-bundle.mjs');
    writeFileSync(modulePath, compiled);
    const out = join(workDir, 'display-bundle.ipynb');
    await executeNotebook(join(FIXTURES, 'display-bundle.ipynb'), { outputPath: out, env: { ...process.env, UPTAKE_TEST_DISPLAY_BUNDLE: modulePath } });
    const notebook = saved(out);
    expect(notebook.cells[0].outputs).toEqual([
      {
        output_type: 'display_data',
        data: {
          'application/vnd.vegalite.v5+json': { data: { values: [{ a: 1 }] }, mark: 'bar' },
          'image/svg+xml': ['<svg xmlns="http://www.w3.org/2000/svg"></svg>'],
          'text/plain': ['A chart'],
        },
        metadata: {},
      },
      { output_type: 'stream', name: 'stdout', text: ['true\n'] },
    ]);
  }, KERNEL_TEST);

  it('saves the partial notebook and names the failing cell', async () => {
    const out = join(workDir, 'failing.ipynb');
    const error = await failure(executeNotebook(join(FIXTURES, 'failing.ipynb'), { outputPath: out }));
    expect(error.kind).toBe('notebook');
    expect(error.message).toBe(
      `${join(FIXTURES, 'failing.ipynb')}: cell 2 (id c2, "// the broken step") failed: Error: boom at step 2; the partial notebook is in ${out}`,
    );
    const notebook = saved(out);
    expect(outputsOf(notebook.cells[0])).toEqual([{ stream: 'stdout', text: 'before\n' }]);
    const broken = outputsOf(notebook.cells[1]);
    // the error once, as the error output (tslab writes it to stderr only); what the cell wrote to stderr before it stays
    expect(broken).toEqual([{ stream: 'stdout', text: 'about to fail\n' }, { stream: 'stderr', text: 'warned first\n' }, { error: 'Error', evalue: 'boom at step 2' }]);
    expect(notebook.cells[1].metadata.papermill).toMatchObject({ status: 'failed', exception: true });
    expect(notebook.cells[2].outputs).toEqual([]);
    expect(notebook.cells[2].execution_count).toBe(null);
    expect(notebook.cells[2].metadata.papermill).toMatchObject({ status: 'pending' });
    expect((notebook.metadata.papermill as Record<string, unknown>).exception).toBe(true);
  }, KERNEL_TEST);

  it('reports a type error in a cell as a CompileError', async () => {
    const out = join(workDir, 'compile-error.ipynb');
    const error = await failure(executeNotebook(join(FIXTURES, 'compile-error.ipynb'), { outputPath: out }));
    expect(error.message).toContain(`cell 1 (id c1, "const count: number = \\"not a number\\";") failed: CompileError: 1:7 - Type 'string' is not assignable to type 'number'.`);
    expect(outputsOf(saved(out).cells[0])).toEqual([{ error: 'CompileError', evalue: "1:7 - Type 'string' is not assignable to type 'number'." }]);
  }, KERNEL_TEST);

  it('interrupts a hung cell at the per-cell timeout', async () => {
    const out = join(workDir, 'hang.ipynb');
    const error = await failure(executeNotebook(join(FIXTURES, 'hang.ipynb'), { outputPath: out, cellTimeoutSec: 3 }));
    expect(error.kind).toBe('notebook');
    expect(error.message).toContain('cell 2 (id c2, "await new Promise(() => {});") did not finish within 3 s (--timeout); interrupted it');
    const notebook = saved(out);
    expect(outputsOf(notebook.cells[1]).at(-1)).toEqual({ error: 'CellTimeoutError', evalue: 'Cell did not finish within 3 s (--timeout); interrupted it' });
    expect(notebook.cells[2].execution_count).toBe(null);
  }, KERNEL_TEST);

  it('ends with a clear error when the kernel dies in a cell', async () => {
    const out = join(workDir, 'crash.ipynb');
    const error = await failure(executeNotebook(join(FIXTURES, 'crash.ipynb'), { outputPath: out }));
    expect(error.kind).toBe('notebook');
    expect(error.message).toContain('cell 2 (id c2, "process.exit(1);") killed the kernel: the kernel process exited (code 1)');
    const notebook = saved(out);
    expect(outputsOf(notebook.cells[0])).toEqual([{ stream: 'stdout', text: 'alive\n' }]);
    expect(outputsOf(notebook.cells[1])).toEqual([{ error: 'DeadKernelError', evalue: expect.stringContaining('Kernel died: the kernel process exited (code 1)') }]);
  }, KERNEL_TEST);

  it('names the missing kernelspec and where it looked', async () => {
    const home = mkdtempSync(join(tmpdir(), 'uptake-home-'));
    const error = await failure(
      executeNotebook(join(FIXTURES, 'outputs.ipynb'), { kernelName: 'no-such-kernel', outputPath: join(workDir, 'never.ipynb'), env: { HOME: home } }),
    );
    expect(error.kind).toBe('environment');
    expect(error.message).toBe(
      `expected a Jupyter kernelspec named \`no-such-kernel\`, found none in ${join(home, '.local/share/jupyter/kernels')}, /usr/local/share/jupyter/kernels, /usr/share/jupyter/kernels`,
    );
  });
});

describe('executeNotebook with kernels that never come up', () => {
  function fakeKernel(argv: string[]): NodeJS.ProcessEnv {
    const root = mkdtempSync(join(tmpdir(), 'uptake-fake-kernel-'));
    mkdirSync(join(root, 'kernels', 'fake'), { recursive: true });
    writeFileSync(join(root, 'kernels', 'fake', 'kernel.json'), JSON.stringify({ argv, display_name: 'Fake', language: 'typescript' }));
    return { ...process.env, JUPYTER_PATH: root };
  }

  it('reports a kernel command that cannot start', async () => {
    const error = await failure(
      executeNotebook(join(FIXTURES, 'outputs.ipynb'), { kernelName: 'fake', env: fakeKernel(['uptake-no-such-kernel-command', '{connection_file}']), outputPath: join(workDir, 'never.ipynb') }),
    );
    expect(error.kind).toBe('notebook');
    expect(error.message).toBe('kernel `fake` died while starting: could not start `uptake-no-such-kernel-command`: spawn uptake-no-such-kernel-command ENOENT');
  });

  it('names a working folder that is not there, not the kernel command (which spawn blames)', async () => {
    const cwd = join(workDir, 'no-such-folder');
    const error = await failure(
      executeNotebook(join(FIXTURES, 'outputs.ipynb'), { kernelName: 'fake', env: fakeKernel([process.execPath, '{connection_file}']), cwd, outputPath: join(workDir, 'never.ipynb') }),
    );
    expect(error.message).toBe(`kernel \`fake\` died while starting: could not start it in ${cwd}: no such folder`);
  });

  it('gives up on a kernel that never answers, and stops its process', async () => {
    const marker = `uptake-silent-${Date.now()}`;
    const error = await failure(
      executeNotebook(join(FIXTURES, 'outputs.ipynb'), {
        kernelName: 'fake',
        env: fakeKernel([process.execPath, '-e', 'setInterval(() => {}, 1000)', marker]),
        startupTimeoutSec: 2,
        outputPath: join(workDir, 'never.ipynb'),
      }),
    );
    expect(error.message).toBe(`kernel \`fake\` did not answer within 2 s of starting (argv: ${process.execPath} -e setInterval(() => {}, 1000) ${marker})`);
    const survivors = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();
    expect(survivors).toBe('');
  }, 30_000);
});

describe('executeNotebook on a kernel started ahead', () => {
  function fakeKernel(argv: string[]): NodeJS.ProcessEnv {
    const root = mkdtempSync(join(tmpdir(), 'uptake-fake-kernel-'));
    mkdirSync(join(root, 'kernels', 'fake'), { recursive: true });
    writeFileSync(join(root, 'kernels', 'fake', 'kernel.json'), JSON.stringify({ argv, display_name: 'Fake', language: 'typescript' }));
    return { ...process.env, JUPYTER_PATH: root };
  }

  it('runs the notebook on it and leaves it running for the caller to shut down', async () => {
    const notebookPath = join(FIXTURES, 'parameters.ipynb');
    const progress: string[] = [];
    const starting = startNotebookKernel(notebookPath, { onProgress: (message) => progress.push(message) });
    const out = join(workDir, 'ahead.ipynb');
    const result = await executeNotebook(notebookPath, { textParameters: { week: '2026-W47' }, outputPath: out, kernel: starting });
    expect(progress).toEqual([`starting kernel \`tslab\` for ${notebookPath}`]);
    expect(result.parameters.week).toBe('2026-W47');
    expect(saved(out).cells.map((cell) => cell.execution_count ?? null)).toEqual([null, 1, 2, 3]);
    const kernel = await starting;
    expect(kernel.deadReason).toBeNull();
    const outcome = await kernel.execute('console.log(week)', { onIopub: () => undefined });
    expect(outcome.kind).toBe('reply');
    await kernel.shutdown();
    expect(kernel.deadReason).toMatch(/^the kernel process exited/);
  }, KERNEL_TEST);

  it('reports the failed start of a kernel started ahead as its own error', async () => {
    const notebookPath = join(FIXTURES, 'outputs.ipynb');
    const starting = startNotebookKernel(notebookPath, { kernelName: 'fake', env: fakeKernel(['uptake-no-such-kernel-command', '{connection_file}']) });
    starting.catch(() => undefined);
    const error = await failure(executeNotebook(notebookPath, { outputPath: join(workDir, 'never.ipynb'), kernel: starting }));
    expect(error.kind).toBe('notebook');
    expect(error.message).toBe('kernel `fake` died while starting: could not start `uptake-no-such-kernel-command`: spawn uptake-no-such-kernel-command ENOENT');
  });

  it('stops the kernel process when its start is cancelled', async () => {
    const marker = `uptake-cancelled-${Date.now()}`;
    const spawned = join(workDir, `${marker}.up`);
    const script = 'require("fs").writeFileSync(process.argv[1], "up"); setInterval(() => {}, 1000)';
    const controller = new AbortController();
    const starting = startNotebookKernel(join(FIXTURES, 'outputs.ipynb'), {
      kernelName: 'fake',
      env: fakeKernel([process.execPath, '-e', script, spawned, marker]),
      signal: controller.signal,
    });
    while (!existsSync(spawned)) await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const error = await failure(starting);
    expect(error.message).toMatch(/^kernel `fake` died while starting: its start was cancelled/);
    const survivors = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();
    expect(survivors).toBe('');
  }, 30_000);
});

describe('executeNotebook with a kernel that stops answering heartbeats', () => {
  it('declares it dead before the next cell and stops it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'uptake-fake-kernel-'));
    mkdirSync(join(root, 'kernels', 'fake'), { recursive: true });
    const argv = [process.execPath, join(FIXTURES, 'fake-kernel.mjs'), '{connection_file}'];
    writeFileSync(join(root, 'kernels', 'fake', 'kernel.json'), JSON.stringify({ argv, display_name: 'Fake', language: 'fake' }));
    const out = join(workDir, 'heartbeat.ipynb');
    const error = await failure(
      executeNotebook(join(FIXTURES, 'heartbeat.ipynb'), { env: { ...process.env, JUPYTER_PATH: root }, heartbeatTimeoutSec: 3, outputPath: out }),
    );
    expect(error.message).toContain('cell 3 (id c3, "never runs") could not run: kernel `fake` is dead: the kernel stopped answering heartbeats for 3 s');
    const notebook = saved(out);
    expect(notebook.cells.map(outputsOf)).toEqual([
      [{ stream: 'stdout', text: 'ran first\n' }],
      [{ stream: 'stdout', text: 'ran stop heartbeat\n' }],
      [{ error: 'DeadKernelError', evalue: 'kernel `fake` is dead: the kernel stopped answering heartbeats for 3 s' }],
    ]);
    const survivors = spawnSync('pgrep', ['-f', join(FIXTURES, 'fake-kernel.mjs')], { encoding: 'utf8' }).stdout.trim();
    expect(survivors).toBe('');
  }, 60_000);
});

// A client socket that connects before the kernel has bound its port can meet another socket there (another
// process's, or itself on a port of the ephemeral range); ZeroMQ never retries after such a handshake fails.
describe('executeNotebook on a kernel whose iopub port is briefly held by another socket', () => {
  it('connects iopub once the kernel answers, and runs the notebook', async () => {
    const root = mkdtempSync(join(tmpdir(), 'uptake-fake-kernel-'));
    mkdirSync(join(root, 'kernels', 'fake'), { recursive: true });
    const argv = [process.execPath, join(FIXTURES, 'fake-kernel.mjs'), '{connection_file}', '--iopub-held-ms', '1500'];
    writeFileSync(join(root, 'kernels', 'fake', 'kernel.json'), JSON.stringify({ argv, display_name: 'Fake', language: 'fake' }));
    const out = join(workDir, 'iopub-held.ipynb');
    await executeNotebook(join(FIXTURES, 'two-cells.ipynb'), { env: { ...process.env, JUPYTER_PATH: root }, startupTimeoutSec: 15, outputPath: out });
    expect(saved(out).cells.map(outputsOf)).toEqual([[{ stream: 'stdout', text: 'ran first\n' }], [{ stream: 'stdout', text: 'ran second\n' }]]);
  }, 60_000);
});

describe('executeNotebook interrupts a busy synchronous cell', () => {
  it('stops `while (true) {}` at the timeout', async () => {
    const error = await failure(executeNotebook(join(FIXTURES, 'busy-loop.ipynb'), { outputPath: join(workDir, 'busy-loop.ipynb'), cellTimeoutSec: 3 }));
    expect(error.message).toContain('cell 1 (id c1, "while (true) {}") did not finish within 3 s (--timeout); interrupted it');
  }, KERNEL_TEST);
});

describe('executeNotebook on another kernel (python3)', () => {
  it('injects the parameters as Python', async () => {
    const input = join(workDir, 'python-parameters-in.ipynb');
    const cell = (id: string, source: string, tags?: string[]) => ({ cell_type: 'code', id, source, metadata: tags ? { tags } : {}, outputs: [], execution_count: null });
    const kernelspec = { name: 'python3', display_name: 'Python 3', language: 'python' };
    writeFileSync(input, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec }, cells: [cell('c1', 'n = 3\nteams = []', ['parameters']), cell('c2', 'print(n * 2, teams)')] }));
    const out = join(workDir, 'python-parameters.ipynb');
    await executeNotebook(input, { outputPath: out, textParameters: { n: '5', teams: '["Legal", null, true]' } });
    expect(saved(out).cells.map(outputsOf)).toEqual([[], [], [{ stream: 'stdout', text: "10 ['Legal', None, True]\n" }]]);
  }, KERNEL_TEST);

  it('records execute_result and the kernel own error message', async () => {
    const out = join(workDir, 'python.ipynb');
    const error = await failure(executeNotebook(join(FIXTURES, 'python-outputs.ipynb'), { outputPath: out }));
    expect(error.message).toContain('cell 2 (id c2, "raise ValueError(\\"bad value\\")") failed: ValueError: bad value');
    const notebook = saved(out);
    expect(notebook.cells[0].outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: ['hi\n'] },
      { output_type: 'execute_result', data: { 'text/plain': ['2'] }, metadata: {}, execution_count: 1 },
    ]);
    expect(notebook.cells[0].metadata.execution?.['iopub.execute_input']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(outputsOf(notebook.cells[1])).toEqual([{ error: 'ValueError', evalue: 'bad value' }]);
    expect(notebook.cells[1].execution_count).toBe(2);
  }, KERNEL_TEST);
});
