import { describe, expect, it } from 'vitest';
import { parameterizeNotebook, parseParameterArguments } from '../../src/notebook/parameterize.js';
import type { Notebook, NotebookCell } from '../../src/notebook/nbformat.js';

const code = (source: string, tags?: string[]): NotebookCell => ({ cell_type: 'code', source, metadata: tags ? { tags } : {}, outputs: [], execution_count: null });
const notebook = (cells: NotebookCell[], minor = 4): Notebook => ({ nbformat: 4, nbformat_minor: minor, metadata: {}, cells });

describe('parameterizeNotebook', () => {
  it('inserts the injected cell right after the parameters cell, in declaration order', async () => {
    const source = notebook([code('// intro'), code('let week: string = "latest";\nlet n: number = 1;', ['parameters']), code('console.log(week)')]);
    const warnings: string[] = [];
    const result = await parameterizeNotebook(source, { n: 3 }, { textParameters: { week: '2026-W47' }, warn: (message) => warnings.push(message) });
    expect(result.injectedIndex).toBe(2);
    expect(result.notebook.cells.map((cell) => cell.source)).toEqual([
      '// intro',
      'let week: string = "latest";\nlet n: number = 1;',
      '// Parameters\nlet week: string = "2026-W47";\nlet n: number = 3;\n',
      'console.log(week)',
    ]);
    expect(result.notebook.cells[2].metadata.tags).toEqual(['injected-parameters']);
    expect(result.notebook.cells[2].id).toBeUndefined();
    expect(result.parameters).toEqual({ week: '2026-W47', n: 3 });
    expect(warnings).toEqual([]);
    expect(source.cells).toHaveLength(3);
  });

  it('replaces an earlier injected cell', async () => {
    const source = notebook([code('let week = "latest";', ['parameters']), code('let week = "stale";', ['injected-parameters']), code('console.log(week)')], 5);
    const result = await parameterizeNotebook(source, { week: 'fresh' });
    expect(result.notebook.cells.map((cell) => cell.source)).toEqual(['let week = "latest";', '// Parameters\nlet week = "fresh";\n', 'console.log(week)']);
    expect(result.notebook.cells[1].id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('inserts at the top and warns when there is no parameters cell', async () => {
    const warnings: string[] = [];
    const result = await parameterizeNotebook(notebook([code('console.log(week)')]), { week: 'x' }, { warn: (message) => warnings.push(message) });
    expect(result.injectedIndex).toBe(0);
    expect(result.notebook.cells[0].source).toBe('// Parameters\nlet week = "x";\n');
    expect(warnings).toEqual(["the notebook has no cell tagged `parameters`; injecting `week` at the top"]);
  });

  it('warns about an undeclared parameter and still injects it', async () => {
    const warnings: string[] = [];
    const result = await parameterizeNotebook(notebook([code('let week = "latest";', ['parameters'])]), { colour: 'blue' }, { warn: (message) => warnings.push(message) });
    expect(result.notebook.cells[1].source).toBe('// Parameters\nlet colour = "blue";\n');
    expect(warnings).toEqual(["parameter `colour` is not declared in the notebook's `parameters` cell; injecting it anyway"]);
  });

  it('fails with a usage error naming the parameter whose value does not fit', async () => {
    await expect(parameterizeNotebook(notebook([code('let n: number = 1;', ['parameters'])]), {}, { textParameters: { n: 'many' } })).rejects.toMatchObject({
      kind: 'usage',
      message: 'parameter `n`: expected number, got `many`',
    });
  });

  it('removes a stale injected cell when no parameters are given', async () => {
    const result = await parameterizeNotebook(notebook([code('let week = "a";', ['parameters']), code('let week = "b";', ['injected-parameters'])]), {});
    expect(result.notebook.cells.map((cell) => cell.source)).toEqual(['let week = "a";']);
    expect(result.injectedIndex).toBe(-1);
  });
});

describe('parseParameterArguments', () => {
  it('splits at the first = only', () => {
    expect(parseParameterArguments(['week=2026-W47', 'expr=a=b', 'empty='])).toEqual({ week: '2026-W47', expr: 'a=b', empty: '' });
    expect(() => parseParameterArguments(['week'])).toThrow('expected -p NAME=VALUE, got `week`');
  });
});

describe('parameterizeNotebook for a Python kernel', () => {
  it('writes the injected cell in Python, reading the parameters cell as Python assignments', async () => {
    const source: Notebook = {
      ...notebook([code('n = 3\nname: str = "x"\nflags = {}', ['parameters']), code('print(n)')]),
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    };
    const warnings: string[] = [];
    const result = await parameterizeNotebook(
      source,
      { flags: { on: true, off: false, none: null, list: [1.5, -0, 'a"\\\n'] } },
      { textParameters: { n: '5', name: 'yo' }, warn: (message) => warnings.push(message) },
    );
    expect(result.notebook.cells[1].source).toBe(
      '# Parameters\nn = 5\nname = "yo"\nflags = {"on": True, "off": False, "none": None, "list": [1.5, 0, "a\\"\\\\\\n"]}\n',
    );
    expect(warnings).toEqual([]);
    await expect(parameterizeNotebook(source, {}, { textParameters: { lambda: '1' } })).rejects.toThrow(
      'expected a parameter name made of letters, digits and _ (not a reserved word), got `lambda`',
    );
  });
});
